import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { expectOk, ManualClock, newShift, setupCentre, staff, STAFF_PASSWORD, tempCore } from '../helpers';

/**
 * The core's "today" is the centre's, whatever zone the workstation's operating system is in.
 * The clock is pinned at 23:30 and 00:30 centre time; the process runs in UTC+14, twenty hours
 * from Central America, so any day read in the machine's own zone lands on the wrong date.
 */
const EVENING = Date.parse('2026-11-26T05:30:00Z'); // 25/11/2026 23:30 at a GMT-6 centre
const HOUR = 60;

const CENTRES = [
  { country: 'GTM', timeZone: 'America/Guatemala' },
  { country: 'HND', timeZone: 'America/Tegucigalpa' },
  { country: 'SLV', timeZone: 'America/El_Salvador' },
];

let machineZone: string | undefined;
beforeEach(() => {
  machineZone = process.env.TZ;
  process.env.TZ = 'Pacific/Kiritimati';
});
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

async function centreAt(where: (typeof CENTRES)[number], ms = EVENING) {
  const clock = new ManualClock(ms);
  const { core } = tempCore(clock);
  const { adminToken } = await setupCentre(core, where);
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const social = (await staff(core, adminToken, 'tsocial', ['protection_officer'])).token;
  /** Moves the clock; the idle lock that falls meanwhile is lifted as staff would. */
  const later = async (minutes: number) => {
    clock.advance(minutes);
    newShift(core);
    for (const token of [clerk, social]) await expectOk(core, 'auth.unlock', { password: STAFF_PASSWORD }, { token });
  };
  return { core, clock, clerk, social, later };
}

/** A walk-in registered with no date: the core dates the arrival with the centre's today. */
function walkIn(core: Core, token: string, givenNames: string) {
  return expectOk(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames, firstSurname: 'Pop', birthDate: '1990', sex: 'F' } }, { token });
}

describe.each(CENTRES)("a centre in $timeZone, on a workstation in UTC+14", (where) => {
  it('an evening flight created at 23:30 is on that day\'s board, and tomorrow\'s board starts empty at 00:30', async () => {
    const c = await centreAt(where);
    expect((await expectOk(c.core, 'setup.status', {})).now).toBe('2026-11-26T05:30:00.000Z');

    const flight = await expectOk(c.core, 'arrivals.create', { kind: 'flight', route: 'air', originCountry: 'USA', carrier: 'GlobalX', reference: 'GXA 2311', date: '2026-11-25', actualAt: '2026-11-26T05:20:00Z' }, { token: c.clerk });
    const person = await walkIn(c.core, c.clerk, 'Ana');
    expect((await expectOk(c.core, 'arrivals.get', { id: person.row.arrivalId }, { token: c.clerk })).arrival.date).toBe('2026-11-25');

    const evening = await expectOk(c.core, 'flow.board', {}, { token: c.clerk });
    expect(evening.date).toBe('2026-11-25');
    expect(evening.arrivals.map((a) => a.id)).toContain(flight.id);
    expect(evening.rows.map((r) => r.personId)).toEqual([person.person.id]);
    expect((await expectOk(c.core, 'aid.arrivals', {}, { token: c.clerk })).map((a) => a.id)).toEqual(expect.arrayContaining([flight.id, person.row.arrivalId]));
    expect((await expectOk(c.core, 'arrivals.list', {}, { token: c.clerk })).map((a) => a.date)).toEqual(['2026-11-25', '2026-11-25']);

    await c.later(HOUR);
    const night = await expectOk(c.core, 'flow.board', {}, { token: c.clerk });
    expect(night.date).toBe('2026-11-26');
    expect(night.arrivals).toEqual([]);
    // Yesterday's board still has them, and the kits panel still offers the people present.
    expect((await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk })).rows).toHaveLength(1);
    expect((await expectOk(c.core, 'aid.arrivals', {}, { token: c.clerk })).find((a) => a.id === person.row.arrivalId)?.present).toBe(1);
    // A walk-in at 00:30 belongs to the new day.
    const next = await walkIn(c.core, c.clerk, 'Berta');
    expect((await expectOk(c.core, 'flow.board', {}, { token: c.clerk })).rows.map((r) => r.personId)).toEqual([next.person.id]);
  });

  it('24 h, 72 h and 7 d screening deadlines run from the screening, across midnight, and fall overdue on time', async () => {
    const c = await centreAt(where);
    const red = await walkIn(c.core, c.clerk, 'Rosa');
    const yellow = await walkIn(c.core, c.clerk, 'Yolanda');
    const green = await walkIn(c.core, c.clerk, 'Gloria');
    const record = (personId: string, answers: Record<string, string | number | boolean>) => expectOk(c.core, 'screening.record', { personId, answers }, { token: c.social });
    expect(await record(red.person.id, { self_harm: true, support_network: true })).toMatchObject({ level: 'red', deadlineAt: '2026-11-27T05:30:00.000Z' });
    expect(await record(yellow.person.id, { pregnant: true, support_network: true })).toMatchObject({ level: 'yellow', deadlineAt: '2026-11-29T05:30:00.000Z' });
    expect(await record(green.person.id, { travel_group: 'alone', support_network: true, safe_place: true })).toMatchObject({ level: 'green', deadlineAt: '2026-12-03T05:30:00.000Z' });

    // After midnight the people of yesterday's board are still in the queue, soonest deadline first.
    await c.later(HOUR);
    const queue = await expectOk(c.core, 'screening.queue', {}, { token: c.social });
    expect(queue.actions.map((a) => a.personId)).toEqual([red.person.id, yellow.person.id, green.person.id]);
    const overdue = async () => (await expectOk(c.core, 'flow.board', { date: '2026-11-25', status: 'overdue' }, { token: c.clerk })).rows.map((r) => r.personId);
    expect(await overdue()).toEqual([]);

    // 23:29 the next evening: the red deadline has a minute left; at 23:31 it is overdue.
    await c.later(23 * HOUR - 1);
    expect(await overdue()).toEqual([]);
    await c.later(2);
    expect(await overdue()).toEqual([red.person.id]);
    await c.later(48 * HOUR);
    expect(await overdue()).toEqual([red.person.id, yellow.person.id]);
    await c.later(96 * HOUR);
    expect((await overdue()).sort()).toEqual([red.person.id, yellow.person.id, green.person.id].sort());
  });
});

describe('a centre whose zone is more than 12 hours from the workstation', () => {
  it('a person born "today" at the centre is not in the future, and one born tomorrow is', async () => {
    const c = await centreAt(CENTRES[2]!);
    // 25/11 at the centre, 26/11 on the workstation's own calendar.
    const born = (birthDate: string) => expectOk(c.core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Bebé', firstSurname: 'Pop', birthDate } }, { token: c.clerk });
    await expect(born('2026-11-25')).resolves.toBeTruthy();
    await expect(born('2026-11-26')).rejects.toThrow(/birth-date\.future/);
  });
});
