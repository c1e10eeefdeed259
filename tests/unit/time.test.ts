import { describe, expect, it } from 'vitest';
import { clockStartingAt } from '../../electron/core/context';
import { addDays, formatInstant, zonedDate, zonedDayStart, zonedInstant, zoneOffsetLabel, zonesDiffer, zonedTime } from '../../electron/core/time';

/** 23:30 and 00:30 at a GMT-6 centre, as UTC instants. */
const EVENING = new Date('2026-11-26T05:30:00Z'); // 25/11 23:30 at the centre
const AFTER_MIDNIGHT = new Date('2026-11-26T06:30:00Z'); // 26/11 00:30 at the centre

describe("the centre's calendar, whatever the machine's zone", () => {
  for (const zone of ['America/Guatemala', 'America/Tegucigalpa', 'America/El_Salvador']) {
    it(`${zone}: 23:30 is still today and 00:30 is tomorrow`, () => {
      expect(zonedDate(EVENING, zone)).toBe('2026-11-25');
      expect(zonedTime(EVENING, zone)).toBe('23:30');
      expect(zonedDate(AFTER_MIDNIGHT, zone)).toBe('2026-11-26');
      expect(zonedTime(AFTER_MIDNIGHT, zone)).toBe('00:30');
      expect(formatInstant(EVENING.toISOString(), zone)).toBe('25/11/2026 23:30');
      expect(zonedDayStart('2026-11-25', zone).toISOString()).toBe('2026-11-25T06:00:00.000Z');
      expect(zoneOffsetLabel(zone, EVENING)).toBe('GMT-6');
    });
  }

  it('reads the same instant on the other side of the date line as another day', () => {
    expect(zonedDate(EVENING, 'Pacific/Kiritimati')).toBe('2026-11-26');
    expect(zonedTime(EVENING, 'Pacific/Kiritimati')).toBe('19:30');
    expect(zoneOffsetLabel('Pacific/Kiritimati', EVENING)).toBe('GMT+14');
    expect(zonedDate(EVENING, 'UTC')).toBe('2026-11-26');
    expect(zoneOffsetLabel('UTC', EVENING)).toBe('GMT');
    expect(zoneOffsetLabel('Asia/Kolkata', EVENING)).toBe('GMT+5:30');
  });

  it('turns a wall-clock time typed at the centre into the right instant', () => {
    expect(zonedInstant('2026-11-25', '23:30', 'America/El_Salvador').toISOString()).toBe('2026-11-26T05:30:00.000Z');
    expect(zonedInstant('2026-11-26', '00:30', 'America/Guatemala').toISOString()).toBe('2026-11-26T06:30:00.000Z');
    // Across a daylight-saving change (Mexico's border towns keep the US rule).
    expect(zonedInstant('2026-03-08', '12:00', 'America/Tijuana').toISOString()).toBe('2026-03-08T19:00:00.000Z');
    expect(zonedInstant('2026-03-07', '12:00', 'America/Tijuana').toISOString()).toBe('2026-03-07T20:00:00.000Z');
    expect(zonedDayStart('2026-03-08', 'America/Tijuana').toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });

  it('tells zones apart by the clock they show, not by their names', () => {
    expect(zonesDiffer('America/Guatemala', 'America/Tegucigalpa', EVENING)).toBe(false);
    expect(zonesDiffer('America/Guatemala', 'America/El_Salvador', EVENING)).toBe(false);
    expect(zonesDiffer('UTC', 'America/Guatemala', EVENING)).toBe(true);
    expect(zonesDiffer('America/Mexico_City', 'America/Guatemala', EVENING)).toBe(false);
  });

  it('counts calendar days across months and leap years', () => {
    expect(addDays('2026-11-25', 7)).toBe('2026-12-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('a rehearsal clock starts at the chosen instant and runs on at the real pace', () => {
    let real = Date.parse('2026-12-02T03:00:00Z');
    const clock = clockStartingAt(EVENING, { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe(EVENING.toISOString());
    real += 90 * 60_000;
    expect(clock.now().toISOString()).toBe(AFTER_MIDNIGHT.toISOString().replace('06:30', '07:00'));
  });
});
