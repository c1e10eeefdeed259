/**
 * Birth dates as returnees know them: full (yyyy-mm-dd), month (yyyy-mm) or year only (yyyy).
 * Manifests write them as dd/mm/yyyy, yyyy-mm-dd or a bare year.
 */
export type PartialDate = string;

export function isValidPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (!m[2]) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (!m[3]) return true;
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The order of the two small numbers in a date like 03/04/1968: day first (Central America) or
 * month first (manifests prepared in the United States).
 */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * What one written date says of the order: day first when its first number exceeds 12, month
 * first when its second does; null when both could be either (03/04/1968) or it is no such date.
 */
export function dateOrderEvidence(raw: string): DateOrder | null {
  const m = SLASH_DATE.exec(raw.trim());
  if (!m) return null;
  const [first, second] = [Number(m[1]), Number(m[2])];
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return null;
}

/** How the order of a date column was settled: by its own values, by the user, or by default (day first). */
export type DateOrderSource = 'file' | 'chosen' | 'default';

export interface ColumnDateOrder {
  order: DateOrder;
  source: DateOrderSource;
  /** Values that say the other order: a file that mixes both is never read silently. */
  conflicting: number;
  /** Values like 03/04/1968 that either order reads (the ones the choice decides). */
  ambiguous: number;
}

/**
 * The order of one column: a value whose first part exceeds 12 decides it (or whose second part
 * does, for month first). Values of both kinds: the larger side wins and the others are problems
 * of their rows. No deciding value: the user's choice, else day first.
 */
export function columnDateOrder(values: Iterable<string>, chosen?: DateOrder): ColumnDateOrder {
  let dmy = 0;
  let mdy = 0;
  let ambiguous = 0;
  for (const value of values) {
    const evidence = dateOrderEvidence(value);
    if (evidence === 'dmy') dmy++;
    else if (evidence === 'mdy') mdy++;
    else if (SLASH_DATE.test(value.trim())) ambiguous++;
  }
  if (!dmy && !mdy) return { order: chosen ?? 'dmy', source: chosen ? 'chosen' : 'default', conflicting: 0, ambiguous };
  const order: DateOrder = mdy > dmy || (mdy === dmy && chosen === 'mdy') ? 'mdy' : 'dmy';
  return { order, source: 'file', conflicting: order === 'dmy' ? mdy : dmy, ambiguous };
}

/**
 * Parses dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or, with order 'mdy', mm/dd/yyyy;
 * yyyy-mm-dd; or yyyy.
 */
export function parseManifestDate(raw: string, order: DateOrder = 'dmy'): PartialDate | null {
  const text = raw.trim();
  let value: string | null = null;
  let m = SLASH_DATE.exec(text);
  if (m) {
    const [day, month] = order === 'dmy' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    value = `${m[3]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) value = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (/^\d{4}$/.test(text)) value = text;
  return value && isValidPartialDate(value) ? value : null;
}

/**
 * A whole day as people in the centre type it — dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy) or yyyy-mm-dd — as yyyy-mm-dd; null when it is not a real day (31/02/2026) or
 * not a whole date. The date fields of every screen and the manifests read dates with this one rule.
 */
export function parseFullDate(raw: string, order: DateOrder = 'dmy'): string | null {
  const value = parseManifestDate(raw, order);
  return value && value.length === 10 ? value : null;
}

export function birthYear(date: PartialDate | null | undefined): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

/** Completed years at `today` (yyyy-mm-dd); with only a year known, the age reached this year. */
export function ageAt(date: PartialDate | null | undefined, today: string): number | null {
  if (!date) return null;
  const years = Number(today.slice(0, 4)) - Number(date.slice(0, 4));
  if (date.length < 10) return years;
  return today.slice(5) < date.slice(5) ? years - 1 : years;
}

export type AgeGroup = 'child' | 'adolescent' | 'adult' | 'elder';

/** Age groups of docs/spec.md: children 0–12, adolescents 13–17, adults, 60+. */
export function ageGroup(age: number | null): AgeGroup | null {
  if (age === null) return null;
  if (age <= 12) return 'child';
  if (age <= 17) return 'adolescent';
  if (age < 60) return 'adult';
  return 'elder';
}

export type DateAgreement = 'exact' | 'same-year' | 'day-month-swapped' | 'one-year-off' | 'different' | 'unknown';

/** How two birth dates agree, tolerating the usual recording errors. */
export function compareBirthDates(a: PartialDate | null | undefined, b: PartialDate | null | undefined): DateAgreement {
  if (!a || !b) return 'unknown';
  if (a === b) return 'exact';
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && (!ma || !mb || (ma === mb && (!da || !db)))) return 'same-year';
  if (ya === yb && ma && mb && da && db && ma === db && da === mb) return 'day-month-swapped';
  // A year apart with the rest agreeing, or with only the year known on one side.
  if (Math.abs(Number(ya) - Number(yb)) === 1 && (!ma || !mb || (ma === mb && (!da || !db || da === db)))) return 'one-year-off';
  // The same year and both days written: a slip of one digit (13 for 18, 06 for 08) is still the
  // same year; two dates that differ more are two people.
  if (ya === yb && !(ma && mb && da && db)) return 'same-year';
  if (ya === yb && oneDigitApart(`${ma}${da}`, `${mb}${db}`)) return 'same-year';
  return 'different';
}

function oneDigitApart(a: string, b: string): boolean {
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ += 1;
  return a.length === b.length && differ === 1;
}
