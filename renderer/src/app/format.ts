import dayjs from 'dayjs';

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
