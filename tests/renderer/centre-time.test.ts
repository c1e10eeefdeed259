import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { centreInstant, centreNow, centreToday, centreZoneNote, setCentreClock } from '../../renderer/src/app/centre-time';
import { formatDate, formatDateTime, formatTime } from '../../renderer/src/app/format';

/**
 * The renderer's "now" and "today" come from the core's clock in the centre's zone: the browser's
 * own clock may be off and its zone may be anything (here the test process's, whichever it is).
 */
describe("the renderer's centre clock", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('at 23:30 in Guatemala today is still the 25th, on a browser clock twenty hours ahead and five minutes fast', () => {
    vi.setSystemTime(new Date('2026-11-26T05:35:00Z'));
    setCentreClock('America/Guatemala', '2026-11-26T05:30:00Z');
    expect(centreNow().toISOString()).toBe('2026-11-26T05:30:00.000Z');
    expect(centreToday()).toBe('2026-11-25');
    vi.advanceTimersByTime(61 * 60_000);
    expect(centreToday()).toBe('2026-11-26');
  });

  it('shows instants in the centre zone and calendar dates as they are', () => {
    vi.setSystemTime(new Date('2026-11-26T05:30:00Z'));
    setCentreClock('America/El_Salvador', '2026-11-26T05:30:00Z');
    expect(formatDateTime('2026-11-26T05:30:07Z')).toBe('25/11/2026 23:30:07');
    expect(formatTime('2026-11-26T06:30:00Z')).toBe('00:30');
    expect(formatDate('2026-11-26T05:30:00Z')).toBe('25/11/2026');
    expect(formatDate('2026-11-26')).toBe('26/11/2026');
    expect(formatDate(null)).toBe('');
  });

  it('a time typed for an evening flight is that evening at the centre', () => {
    vi.setSystemTime(new Date('2026-11-26T05:30:00Z'));
    setCentreClock('America/Tegucigalpa', '2026-11-26T05:30:00Z');
    expect(centreInstant('2026-11-25', '23:20')).toBe('2026-11-26T05:20:00.000Z');
  });

  it('names the centre zone only where the workstation would show another clock', () => {
    vi.setSystemTime(new Date('2026-11-26T05:30:00Z'));
    setCentreClock('America/Guatemala', '2026-11-26T05:30:00Z');
    expect(centreZoneNote('Pacific/Kiritimati')).toBe('GMT-6');
    expect(centreZoneNote('UTC')).toBe('GMT-6');
    expect(centreZoneNote('America/Tegucigalpa')).toBeNull();
    expect(centreZoneNote('America/Guatemala')).toBeNull();
  });
});

describe('a date typed into a date field', () => {
  it('is read as people in the centre write it, and a day that does not exist is no date', async () => {
    const { parseTypedDate } = await import('../../renderer/src/app/format');
    expect(parseTypedDate('26/11/2026')).toBe('2026-11-26');
    expect(parseTypedDate('3/7/1992')).toBe('1992-07-03');
    expect(parseTypedDate('03-07-1992')).toBe('1992-07-03');
    expect(parseTypedDate('2026-11-26')).toBe('2026-11-26');
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(parseTypedDate('11/26/2026')).toBeNull();
    expect(parseTypedDate('mañana')).toBeNull();
    // A year alone is a birth date a manifest may give, not a day a date field can show.
    expect(parseTypedDate('1992')).toBeNull();
  });
});
