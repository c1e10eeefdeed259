/** Offset of a time zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - (instant - (instant % 1000));
}

/** The UTC instant at which a calendar day (yyyy-mm-dd) starts in a time zone. */
export function zonedDayStart(isoDate: string, timeZone: string): Date {
  const naive = Date.parse(`${isoDate}T00:00:00Z`);
  let instant = naive - offsetMs(naive, timeZone);
  instant = naive - offsetMs(instant, timeZone); // second pass settles daylight-saving edges
  return new Date(instant);
}

/** Wall-clock time HH:mm of an instant in a time zone. */
export function zonedTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('es', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar date yyyy-mm-dd of an instant in a time zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** An instant as people at the centre read it: dd/mm/yyyy HH:mm in the centre's time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const d = new Date(iso);
  return `${zonedDate(d, timeZone).split('-').reverse().join('/')} ${zonedTime(d, timeZone)}`;
}
