import { parseFullDate } from '@core/partial-date';
import { displayDate } from '@core/time';
import { centreDate, centreTime } from './centre-time';
// The i18next singleton that app/i18n.ts sets up; imported bare so this module stays DOM-free (unit-tested in Node).
import i18n from 'i18next';

/** Dates as the users expect them: dd/mm/yyyy, 24-hour time (Mantine's valueFormat). */
export const DATE_FORMAT = 'DD/MM/YYYY';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * dd/mm/yyyy. A calendar date (yyyy-mm-dd, e.g. an arrival's date) is shown as it is; an instant
 * (a time stamp) as its date at the centre, whatever the workstation's zone.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return displayDate(value);
  return displayDate(centreDate(value));
}

/** dd/mm/yyyy HH:mm:ss of an instant, at the centre. */
export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? `${displayDate(centreDate(value))} ${centreTime(value, true)}` : '';
}

/** HH:mm of an instant, at the centre. */
export function formatTime(value: string | Date | null | undefined): string {
  return value ? centreTime(value) : '';
}

/**
 * A date typed into a date field, as people in the centre write it: dd/mm/yyyy (also with - or .
 * and one-digit day or month), or yyyy-mm-dd. Returns yyyy-mm-dd, or null when it is no real date
 * (31/02/2026), so the field shows nothing rather than another day. The core's rule (partial-date.ts).
 */
export function parseTypedDate(text: string): string | null {
  return parseFullDate(text);
}

/** yyyy-mm-dd for the contract from a date picker value (Mantine 8 gives yyyy-mm-dd strings). */
export function toIsoDate(value: string | null): string | undefined {
  return value ? value.slice(0, 10) : undefined;
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
