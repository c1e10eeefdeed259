import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { expectOk, ManualClock, newShift, setupCentre, snapshot, staff, STAFF_PASSWORD, tempCore } from '../helpers';

/**
 * Drafts keep typed work across the idle lock, a user switch and a reload, and are never readable
 * by the next user at the desk (issue 12, item 2): the second clerk asks for the same form's
 * draft and gets nothing.
 */
const typed = { givenNames: 'Rosa Amalia', firstSurname: 'Tzul', birthDate: '1994', consent: { registration: 'yes', follow_up: '' } };

describe('form drafts', () => {
  it('survive the idle lock for their owner and are invisible to the next user at the desk', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    const ana = (await staff(core, adminToken, 'ana', ['clerk'])).token;
    const beto = (await staff(core, adminToken, 'beto', ['clerk'])).token;

    await expectOk(core, 'drafts.save', { key: 'registration:walk-in', payload: typed }, { token: ana });
    // The idle lock falls: nothing can be read until the owner unlocks.
    clock.advance(6);
    const locked = await dispatch(core, 'drafts.get', { key: 'registration:walk-in' }, { token: ana });
    expect(!locked.ok && locked.error.code).toBe('auth.session-locked');
    await expectOk(core, 'auth.unlock', { password: STAFF_PASSWORD }, { token: ana });
    expect(await expectOk(core, 'drafts.get', { key: 'registration:walk-in' }, { token: ana })).toEqual({ payload: typed, savedAt: '2026-11-25T14:00:00.000Z' });

    // Another clerk on the same desk, same form: nothing of Ana's.
    await expectOk(core, 'auth.unlock', { password: STAFF_PASSWORD }, { token: beto });
    expect(await expectOk(core, 'drafts.get', { key: 'registration:walk-in' }, { token: beto })).toEqual({ payload: null, savedAt: null });
    await expectOk(core, 'drafts.discard', { key: 'registration:walk-in' }, { token: beto });
    expect((await expectOk(core, 'drafts.get', { key: 'registration:walk-in' }, { token: ana })).payload).toEqual(typed);
    // Nobody signed in gets anything.
    const anonymous = await dispatch(core, 'drafts.get', { key: 'registration:walk-in' }, {});
    expect(!anonymous.ok && anonymous.error.code).toBe('auth.required');

    // Saving is not audited (it happens while typing); reading is, once per user within minutes (every
    // open form asks), and discarding always.
    const audited = core.db.prepare("SELECT username || ' ' || method FROM audit_log WHERE method LIKE 'drafts.%' AND outcome = 'ok'").pluck().all();
    expect(audited).toEqual(['ana drafts.get', 'beto drafts.get', 'beto drafts.discard']);

    // Saved for real: the owner discards it.
    await expectOk(core, 'drafts.discard', { key: 'registration:walk-in' }, { token: ana });
    expect((await expectOk(core, 'drafts.get', { key: 'registration:walk-in' }, { token: ana })).payload).toBeNull();
  });

  it('refuses a bad key or an oversized draft with a message, changing nothing, and forgets week-old drafts', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    const ana = (await staff(core, adminToken, 'ana', ['clerk'])).token;
    await expectOk(core, 'drafts.save', { key: 'screening:0193-abc', payload: { a: 1 } }, { token: ana });
    const before = snapshot(core);
    for (const input of [
      { key: "registration'; DROP TABLE persons; --", payload: {} },
      { key: 'Registration', payload: {} },
      { key: 'registration:walk-in', payload: { notes: 'x'.repeat(300_000) } },
      { key: 'registration:walk-in', payload: 'texto' },
    ]) {
      const r = await dispatch(core, 'drafts.save', input as never, { token: ana, locale: 'es' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('input.invalid');
    }
    const big = await dispatch(core, 'drafts.save', { key: 'registration:walk-in', payload: { notes: 'x'.repeat(300_000) } }, { token: ana, locale: 'es' });
    expect(!big.ok && big.error.message).toContain('El borrador es demasiado grande');
    expect(snapshot(core)).toEqual(before);

    clock.advance(8 * 24 * 60);
    newShift(core);
    await expectOk(core, 'auth.unlock', { password: STAFF_PASSWORD }, { token: ana });
    await expectOk(core, 'drafts.save', { key: 'new-arrival', payload: { carrier: 'GlobalX' } }, { token: ana });
    expect((await expectOk(core, 'drafts.get', { key: 'screening:0193-abc' }, { token: ana })).payload).toBeNull();
  });
});
