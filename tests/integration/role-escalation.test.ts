import { describe, expect, it } from 'vitest';
import { PERMISSIONS, roleAllows } from '../../electron/core/permissions';
import { dispatch } from '../../electron/core/dispatch';
import type { MethodName } from '../../electron/core/contract';
import { expectOk, setupCentre, snapshot, staff, STAFF_PASSWORD, tempCore } from '../helpers';

/**
 * The security review's sequence: a manager added `alert_officer` to their own account and read
 * Interpol notices, or reset an alert officer's password and signed in as them. Each step of
 * that attack is made here and must be refused, with nothing changed.
 */
async function centre() {
  const { core } = tempCore();
  const { adminToken, adminId } = await setupCentre(core);
  const manager = await staff(core, adminToken, 'gerente', ['manager']);
  const officer = await staff(core, adminToken, 'oficial', ['alert_officer']);
  const clerk = await staff(core, adminToken, 'mesa', ['clerk']);
  return { core, adminToken, adminId, manager, officer, clerk };
}

const code = (r: Awaited<ReturnType<typeof dispatch>>) => (r.ok ? 'ok' : r.error.code);

describe('a manager cannot reach alert details by any sequence of calls', () => {
  it('refuses a manager who grants themselves alert or protection access, and anyone who changes their own roles', async () => {
    const { core, manager, adminToken, adminId } = await centre();
    const before = snapshot(core);
    for (const role of ['alert_officer', 'protection_officer', 'psychologist', 'admin', 'clerk'] as const) {
      const r = await dispatch(core, 'users.update', { id: manager.id, roles: ['manager', role] }, { token: manager.token });
      expect(code(r), role).toBe('users.own-roles');
    }
    const adminSelf = await dispatch(core, 'users.update', { id: adminId, roles: ['admin', 'alert_officer'] }, { token: adminToken });
    expect(code(adminSelf)).toBe('users.own-roles');
    expect(snapshot(core)).toEqual(before);
    expect(code(await dispatch(core, 'alerts.queue', {}, { token: manager.token }))).toBe('forbidden');
    // The manager may still edit their own name.
    await expectOk(core, 'users.update', { id: manager.id, displayName: 'Gerente de turno', roles: ['manager'] }, { token: manager.token });
  });

  it('refuses a manager who grants a sensitive role to another account, new or existing', async () => {
    const { core, manager, clerk } = await centre();
    const before = snapshot(core);
    for (const role of ['alert_officer', 'protection_officer', 'psychologist', 'admin'] as const) {
      const created = await dispatch(core, 'users.create', { username: `cuenta-${role}`.replace('_', '-'), displayName: 'Cómplice', roles: [role], password: STAFF_PASSWORD }, { token: manager.token });
      expect(code(created), role).toBe('users.needs-admin');
      const granted = await dispatch(core, 'users.update', { id: clerk.id, roles: ['clerk', role] }, { token: manager.token });
      expect(code(granted), role).toBe('users.needs-admin');
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('refuses a manager who resets, unlocks, disables or edits an alert officer or an admin', async () => {
    const { core, manager, officer, adminId } = await centre();
    for (let i = 0; i < 5; i++) await dispatch(core, 'auth.login', { username: 'oficial', password: 'mala-clave-123' });
    const before = snapshot(core);
    for (const target of [officer.id, adminId]) {
      expect(code(await dispatch(core, 'users.resetPassword', { id: target, password: 'clave-del-gerente' }, { token: manager.token }))).toBe('users.needs-admin');
      expect(code(await dispatch(core, 'users.unlock', { id: target }, { token: manager.token }))).toBe('users.needs-admin');
      expect(code(await dispatch(core, 'users.setDisabled', { id: target, disabled: true }, { token: manager.token }))).toBe('users.needs-admin');
      expect(code(await dispatch(core, 'users.update', { id: target, displayName: 'Otro nombre' }, { token: manager.token }))).toBe('users.needs-admin');
    }
    expect(snapshot(core)).toEqual(before);
    const signIn = await dispatch(core, 'auth.login', { username: 'oficial', password: 'clave-del-gerente' });
    expect(signIn.ok).toBe(false);
  });

  it('lets a manager run the rest of the staff, and audits an admin grant of alert access as sensitive', async () => {
    const { core, manager, clerk, adminToken } = await centre();
    await expectOk(core, 'users.resetPassword', { id: clerk.id, password: 'nueva-clave-123' }, { token: manager.token });
    await expectOk(core, 'users.update', { id: clerk.id, roles: ['clerk', 'manager'] }, { token: manager.token });
    await expectOk(core, 'users.update', { id: clerk.id, roles: ['clerk', 'alert_officer'] }, { token: adminToken });
    const entries = core.db
      .prepare("SELECT sensitive FROM audit_log WHERE method = 'users.update' AND outcome = 'ok' ORDER BY seq")
      .pluck()
      .all();
    expect(entries).toEqual([0, 1]);
  });

  it('keeps every method that returns alert details away from the manager role', () => {
    const alertDetails: MethodName[] = ['alerts.import', 'alerts.lists', 'alerts.checkFile', 'alerts.queue', 'alerts.decide'];
    for (const method of alertDetails) expect(roleAllows(PERMISSIONS[method], ['manager']), method).toBe(false);
  });
});
