import { zonedDate, zonedInstant, zoneOffsetLabel, zonesDiffer, zonedTime } from '@core/time';
import { useSyncExternalStore } from 'react';

/**
 * "Now" and "today" as the centre lives them: the core's clock, in the centre's time zone.
 *
 * The browser's own clock zone is the workstation's operating-system zone, which on a donated
 * laptop is often UTC: a date taken from it puts an evening flight on tomorrow's board. So the
 * renderer never formats `new Date()` in its own zone (a lint rule enforces it): it learns the
 * centre's zone and the core's time from `setup.status`, keeps the difference between the core's
 * clock and its own, and asks this module for everything that means a day or a time of day.
 */
interface CentreClock {
  timeZone: string;
  /** The core's clock minus the browser's, in ms (0 under Electron, where both are the machine's). */
  skewMs: number;
}

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let clock: CentreClock = { timeZone: browserZone, skewMs: 0 };
const listeners = new Set<() => void>();

/** Adopts the centre's zone and the core's clock, as `setup.status` reports them. */
export function setCentreClock(timeZone: string, coreNowIso: string, browserNowMs = Date.now()): void {
  const skewMs = Date.parse(coreNowIso) - browserNowMs;
  // Round-trip noise of a few ms is not a skew worth re-rendering for.
  if (clock.timeZone === timeZone && Math.abs(clock.skewMs - skewMs) < 1_000) return;
  clock = { timeZone, skewMs };
  listeners.forEach((notify) => notify());
}

export function centreTimeZone(): string {
  return clock.timeZone;
}

/** The current instant by the core's clock. */
export function centreNowMs(): number {
  return Date.now() + clock.skewMs;
}

export function centreNow(): Date {
  return new Date(centreNowMs());
}

/** Today's date (yyyy-mm-dd) at the centre. */
export function centreToday(): string {
  return zonedDate(centreNow(), clock.timeZone);
}

/** A wall-clock time typed at the centre (date + HH:mm) as an ISO instant. */
export function centreInstant(isoDate: string, time: string): string {
  return zonedInstant(isoDate, time, clock.timeZone).toISOString();
}

/** Calendar date of an instant at the centre. */
export function centreDate(instant: string | Date): string {
  return zonedDate(new Date(instant), clock.timeZone);
}

/** HH:mm (or HH:mm:ss) of an instant at the centre. */
export function centreTime(instant: string | Date, withSeconds = false): string {
  return zonedTime(new Date(instant), clock.timeZone, withSeconds);
}

/**
 * Where the workstation's own zone shows another wall clock than the centre's, the times on screen
 * (always the centre's) could mislead: the label to name them by, e.g. "GMT-6". Null otherwise.
 */
export function centreZoneNote(workstationZone = browserZone): string | null {
  const now = centreNow();
  return zonesDiffer(workstationZone, clock.timeZone, now) ? zoneOffsetLabel(clock.timeZone, now) : null;
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

/** Re-renders a component when the centre's zone or the clock skew becomes known or changes. */
export function useCentreClock(): CentreClock {
  return useSyncExternalStore(subscribe, () => clock);
}
