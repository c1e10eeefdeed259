import { describe, expect, it } from 'vitest';
import { expectOk, ManualClock, setupCentre, staff, STAFF_PASSWORD, tempCore } from '../helpers';

/**
 * "Present at the centre" is one rule (electron/core/presence.ts) for the kits station and the
 * screening queue alike: checked in, not departed, arrived within the last seven days.
 */
describe('present at the centre', () => {
  it('counts a walk-in as present until they leave, and not after a week without a recorded departure', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    const clerk = await staff(core, adminToken, 'mlopez', ['clerk']);
    const officer = await staff(core, adminToken, 'tsocial', ['protection_officer']);
    const register = (givenNames: string) =>
      expectOk(core, 'persons.register', { walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' }, person: { givenNames, firstSurname: 'Caal', birthDate: '1990' } }, { token: clerk.token });
    const stays = await register('Selvin');
    const leaves = await register('Marvin');

    const present = async () => {
      const arrivals = await expectOk(core, 'aid.arrivals', {}, { token: clerk.token });
      const queue = await expectOk(core, 'screening.queue', {}, { token: officer.token });
      return { kits: arrivals.reduce((n, a) => n + a.present, 0), queue: queue.pending.map((p) => p.givenNames).sort() };
    };
    expect(await present()).toEqual({ kits: 2, queue: ['Marvin', 'Selvin'] });

    await expectOk(core, 'flow.depart', { personArrivalId: leaves.row.personArrivalId }, { token: clerk.token });
    expect(await present()).toEqual({ kits: 1, queue: ['Selvin'] });
    expect(stays.row.status).toBe('arrived');

    // Seven days on, still present; the eighth day, the stay no longer counts (nobody recorded the departure).
    // (A new sign-in each time: a week later the old sessions have ended.)
    const later = async () => {
      const clerkToken = (await expectOk(core, 'auth.login', { username: 'mlopez', password: STAFF_PASSWORD })).token;
      const officerToken = (await expectOk(core, 'auth.login', { username: 'tsocial', password: STAFF_PASSWORD })).token;
      return {
        kits: (await expectOk(core, 'aid.arrivals', {}, { token: clerkToken })).reduce((n, a) => n + a.present, 0),
        queue: (await expectOk(core, 'screening.queue', {}, { token: officerToken })).pending.length,
      };
    };
    clock.advance(7 * 24 * 60);
    expect(await later()).toEqual({ kits: 1, queue: 1 });
    clock.advance(24 * 60);
    expect(await later()).toEqual({ kits: 0, queue: 0 });
  });
});
