import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { ADMIN_PASSWORD, expectOk, ManualClock, setupCentre, STAFF_PASSWORD, staff, tempCore } from '../helpers';

describe('sign-in and sessions', () => {
  it('signs in, returns the session with roles, and signs out', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const session = await expectOk(core, 'auth.session', {}, { token: adminToken });
    expect(session).toMatchObject({ username: 'admin', roles: ['admin'], locked: false, idleLockMinutes: 5, locale: 'es' });
    await expectOk(core, 'auth.logout', {}, { token: adminToken });
    const after = await dispatch(core, 'auth.session', {}, { token: adminToken });
    expect(!after.ok && after.error.code).toBe('auth.required');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const { core } = tempCore();
    await setupCentre(core);
    const unknown = await dispatch(core, 'auth.login', { username: 'nadie', password: 'x' });
    const wrong = await dispatch(core, 'auth.login', { username: 'admin', password: 'x' });
    expect(!unknown.ok && unknown.error.code).toBe('auth.invalid-credentials');
    expect(!wrong.ok && wrong.error.code).toBe('auth.invalid-credentials');
    const cli = await dispatch(core, 'auth.login', { username: 'cli', password: '' + 'x' });
    expect(!cli.ok && cli.error.code).toBe('auth.invalid-credentials');
  });

  it('locks an account after repeated failures, even against the right password, until the time passes', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    await staff(core, adminToken, 'mlopez', ['clerk']);
    for (let i = 1; i <= 4; i++) {
      const r = await dispatch(core, 'auth.login', { username: 'mlopez', password: `mala-${i}` });
      expect(!r.ok && r.error.code).toBe('auth.invalid-credentials');
    }
    const fifth = await dispatch(core, 'auth.login', { username: 'mlopez', password: 'mala-5' });
    expect(!fifth.ok && fifth.error.code).toBe('auth.account-locked');
    expect(!fifth.ok && fifth.error.message).toContain('08:15'); // 14:00Z + 15 min in Guatemala (UTC-6)
    const right = await dispatch(core, 'auth.login', { username: 'mlopez', password: STAFF_PASSWORD });
    expect(!right.ok && right.error.code).toBe('auth.account-locked');
    const users = await expectOk(core, 'users.list', {}, { token: adminToken });
    expect(users.find((u) => u.username === 'mlopez')?.lockedUntil).not.toBeNull();
    clock.advance(16);
    await expectOk(core, 'auth.login', { username: 'mlopez', password: STAFF_PASSWORD });
  });

  it('lets an admin lift a lockout', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const clerk = await staff(core, adminToken, 'mlopez', ['clerk']);
    for (let i = 0; i < 5; i++) await dispatch(core, 'auth.login', { username: 'mlopez', password: 'mala' });
    await expectOk(core, 'users.unlock', { id: clerk.id }, { token: adminToken });
    await expectOk(core, 'auth.login', { username: 'mlopez', password: STAFF_PASSWORD });
  });

  it('locks an idle session in the core; only unlock, switch and logout work until unlocked', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    clock.advance(6); // default idle lock: 5 minutes
    const refused = await dispatch(core, 'users.list', {}, { token: adminToken });
    expect(!refused.ok && refused.error.code).toBe('auth.session-locked');
    const session = await expectOk(core, 'auth.session', {}, { token: adminToken });
    expect(session.locked).toBe(true);
    const wrong = await dispatch(core, 'auth.unlock', { password: 'mala' }, { token: adminToken });
    expect(!wrong.ok && wrong.error.code).toBe('auth.invalid-credentials');
    await expectOk(core, 'auth.unlock', { password: ADMIN_PASSWORD }, { token: adminToken });
    await expectOk(core, 'users.list', {}, { token: adminToken });
  });

  it('follows the idle-lock setting and locks on request', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    await expectOk(core, 'settings.update', { idleLockMinutes: 20 }, { token: adminToken });
    clock.advance(10);
    await expectOk(core, 'users.list', {}, { token: adminToken });
    await expectOk(core, 'auth.lock', {}, { token: adminToken });
    const refused = await dispatch(core, 'users.list', {}, { token: adminToken });
    expect(!refused.ok && refused.error.code).toBe('auth.session-locked');
  });

  it('switches user: the new session replaces the old one; a failed switch keeps the old one', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    await staff(core, adminToken, 'mlopez', ['clerk']);
    const failed = await dispatch(core, 'auth.switchUser', { username: 'mlopez', password: 'mala' }, { token: adminToken });
    expect(failed.ok).toBe(false);
    await expectOk(core, 'auth.session', {}, { token: adminToken });
    const switched = await expectOk(core, 'auth.switchUser', { username: 'mlopez', password: STAFF_PASSWORD }, { token: adminToken });
    expect(switched.session.username).toBe('mlopez');
    const old = await dispatch(core, 'auth.session', {}, { token: adminToken });
    expect(!old.ok && old.error.code).toBe('auth.required');
    const denied = await dispatch(core, 'users.list', {}, { token: switched.token });
    expect(!denied.ok && denied.error.code).toBe('forbidden');
  });

  it('ends the sessions of a disabled account and refuses its sign-in', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const clerk = await staff(core, adminToken, 'mlopez', ['clerk']);
    await expectOk(core, 'users.setDisabled', { id: clerk.id, disabled: true }, { token: adminToken });
    const session = await dispatch(core, 'auth.session', {}, { token: clerk.token });
    expect(!session.ok && session.error.code).toBe('auth.required');
    const right = await dispatch(core, 'auth.login', { username: 'mlopez', password: STAFF_PASSWORD });
    const wrong = await dispatch(core, 'auth.login', { username: 'mlopez', password: 'otra-clave-mala' });
    // Exactly as a wrong password: nothing tells a stranger that the password was right.
    expect(right).toEqual(wrong);
    expect(!right.ok && right.error.code).toBe('auth.invalid-credentials');
  });

  it('changes the own password only with the current one', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const wrong = await dispatch(core, 'auth.changePassword', { currentPassword: 'mala', newPassword: 'nueva-clave-larga' }, { token: adminToken });
    expect(!wrong.ok && wrong.error.code).toBe('auth.invalid-credentials');
    await expectOk(core, 'auth.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: 'nueva-clave-larga' }, { token: adminToken });
    await expectOk(core, 'auth.login', { username: 'admin', password: 'nueva-clave-larga' });
  });

  it('keeps the language per session and user', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    await expectOk(core, 'auth.setLocale', { locale: 'en' }, { token: adminToken });
    const denied = await dispatch(core, 'users.create', {}, { token: adminToken });
    expect(!denied.ok && denied.error.message).toMatch(/^The data sent is not valid/);
    const next = await expectOk(core, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(next.session.locale).toBe('en');
  });

  it("ends a session at the centre's maximum lifetime, however active it was", async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    for (let minutes = 0; minutes < 12 * 60; minutes += 4) {
      clock.advance(4);
      await expectOk(core, 'users.list', {}, { token: adminToken });
    }
    clock.advance(4);
    const after = await dispatch(core, 'users.list', {}, { token: adminToken });
    expect(!after.ok && after.error.code).toBe('auth.required');
    const fresh = await expectOk(core, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    await expectOk(core, 'settings.update', { sessionMaxHours: 2 }, { token: fresh.token });
    clock.advance(121);
    expect((await dispatch(core, 'auth.session', {}, { token: fresh.token })).ok).toBe(false);
  });

  it("a password change ends the user's other sessions, and only those", async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const other = await expectOk(core, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    await expectOk(core, 'auth.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: 'nueva-clave-larga' }, { token: adminToken });
    const stolen = await dispatch(core, 'users.list', {}, { token: other.token });
    expect(!stolen.ok && stolen.error.code).toBe('auth.required');
    await expectOk(core, 'users.list', {}, { token: adminToken });
  });

  it('background polls (the flow board every 30 s) do not hold off the idle lock; user actions do', async () => {
    const clock = new ManualClock();
    const { core } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    const manager = await staff(core, adminToken, 'gerente', ['manager']);
    const active = await staff(core, adminToken, 'mesa', ['clerk']);
    for (let i = 0; i < 10; i++) {
      clock.ms += 30_000;
      await expectOk(core, 'flow.board', {}, { token: manager.token, background: true });
    }
    clock.ms += 60_000; // six minutes with nobody at the desk: over the 5-minute lock
    const polled = await dispatch(core, 'flow.board', {}, { token: manager.token, background: true });
    expect(!polled.ok && polled.error.code).toBe('auth.session-locked');
    // A user action (not background) keeps the session alive.
    const fresh = await expectOk(core, 'auth.login', { username: 'mesa', password: STAFF_PASSWORD });
    active.token = fresh.token;
    for (let i = 0; i < 12; i++) {
      clock.ms += 30_000;
      await expectOk(core, 'flow.board', {}, { token: active.token });
    }
    expect((await dispatch(core, 'flow.board', {}, { token: active.token })).ok).toBe(true);
  });
});
