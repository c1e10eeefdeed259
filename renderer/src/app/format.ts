import dayjs from 'dayjs';
import i18n from './i18n';

/** Dates as the users expect them: dd/mm/yyyy, 24-hour time. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm:ss';

export function formatDate(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format(DATE_FORMAT) : '';
}

export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format(DATE_TIME_FORMAT) : '';
}

export function formatTime(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('HH:mm') : '';
}

/** yyyy-mm-dd for the contract from a date picker value. */
export function toIsoDate(value: string | Date | null): string | undefined {
  return value ? dayjs(value).format('YYYY-MM-DD') : undefined;
}

/** 30000 → "30,000", as written in Guatemala, Honduras and El Salvador (and in English). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'es-GT').format(value);
}

/** A partial date as people write it: 1985-02-14 → 14/02/1985, 1985-02 → 02/1985, 1985 → 1985. */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.split('-');
  return [d, m, y].filter(Boolean).join('/');
}
