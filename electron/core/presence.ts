import { addDays } from './time';

/**
 * "Present at the centre", one rule for every station that asks (alert re-checks, the screening
 * queue, the kits station): the person's stay has begun and not ended — checked in, not
 * departed, not deleted — and its arrival is no older than PRESENT_DAYS, so a departure nobody
 * recorded does not keep someone "present" for ever.
 */
export const PRESENT_DAYS = 7;

/** SQL condition: the stay `pa` (a person_arrivals alias or table name) has begun and not ended. */
export function staying(pa = 'pa'): string {
  return `${pa}.status = 'arrived' AND ${pa}.departed_at IS NULL AND ${pa}.deleted_at IS NULL`;
}

/** The oldest arrival date (YYYY-MM-DD, centre's calendar) still counted as present on `today`. */
export function presentSince(today: string): string {
  return addDays(today, -PRESENT_DAYS);
}
