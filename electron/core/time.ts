/**
 * The centre's calendar and wall clock. A reception centre lives in one IANA time zone (chosen at
 * setup), whatever zone the workstation's operating system is set to: a donated laptop in UTC
 * must still put an evening flight on today's board. Everything that means "a day" or "a time of
 * day" goes through these functions with the centre's zone, in the core and in the renderer alike
 * (this module uses only `Intl`, so both can import it). Instants are stored as UTC ISO strings.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are slow to build and these are called per row: keep one per zone and shape. */
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

function wallParts(instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = formatter(`parts|${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
  ).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

/** Offset of a time zone from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The UTC instant of a wall-clock time (yyyy-mm-dd, HH:mm) in a time zone. */
export function zonedInstant(isoDate: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${isoDate}T${time.length === 5 ? `${time}:00` : time}Z`);
  let instant = naive - zoneOffsetMs(naive, timeZone);
  instant = naive - zoneOffsetMs(instant, timeZone); // second pass settles daylight-saving edges
  return new Date(instant);
}

/** The UTC instant at which a calendar day (yyyy-mm-dd) starts in a time zone. */
export function zonedDayStart(isoDate: string, timeZone: string): Date {
  return zonedInstant(isoDate, '00:00', timeZone);
}

/** Wall-clock time HH:mm of an instant in a time zone. */
export function zonedTime(instant: Date, timeZone: string, withSeconds = false): string {
  const key = `time|${timeZone}|${withSeconds}`;
  return formatter(key, () =>
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }),
  ).format(instant);
}

/** The calendar date `days` after (or before) a yyyy-mm-dd date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  // Calendar arithmetic on a UTC midnight: its UTC day is the answer, in any zone.
  // eslint-disable-next-line no-restricted-syntax
  return d.toISOString().slice(0, 10);
}

/** Calendar date yyyy-mm-dd of an instant in a time zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return formatter(`date|${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(instant);
}

/** yyyy-mm-dd → dd/mm/yyyy, as people in the centre write dates. */
export function displayDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('/');
}

/** An instant as people at the centre read it: dd/mm/yyyy HH:mm in the centre's time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const d = new Date(iso);
  return `${displayDate(zonedDate(d, timeZone))} ${zonedTime(d, timeZone)}`;
}

/** The zone's offset as people read it on a clock: "GMT-6", "GMT+5:30", "GMT". */
export function zoneOffsetLabel(timeZone: string, instant: Date): string {
  const minutes = Math.round(zoneOffsetMs(instant.getTime(), timeZone) / 60_000);
  if (minutes === 0) return 'GMT';
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return `GMT${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** Whether two zones show a different wall clock at an instant (Guatemala and Tegucigalpa do not). */
export function zonesDiffer(a: string, b: string, instant: Date): boolean {
  return zoneOffsetMs(instant.getTime(), a) !== zoneOffsetMs(instant.getTime(), b);
}
