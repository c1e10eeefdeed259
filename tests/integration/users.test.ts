import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { expectOk, setupCentre, snapshot, staff, tempCore } from '../helpers';

const NEW = { username: 'kgarcia', displayName: 'Karla García', roles: ['protection_officer' as const], password: 'clave-larga-123' };

describe('staff accounts', () => {
  it('creates, lists, updates roles and refuses a duplicate user name', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const created = await expectOk(core, 'users.create', NEW, { token: adminToken });
    expect(created).toMatchObject({ username: 'kgarcia', roles: ['protection_officer'], disabled: false });
    const updated = await expectOk(core, 'users.update', { id: created.id, roles: ['protection_officer', 'clerk'] }, { token: adminToken });
    expect(updated.roles).toEqual(['protection_officer', 'clerk']);
    const before = snapshot(core);
    const dup = await dispatch(core, 'users.create', { ...NEW, username: 'KGarcia' }, { token: adminToken });
    expect(!dup.ok && dup.error.code).toBe('users.username-taken');
    expect(!dup.ok && dup.error.message).toContain('kgarcia');
    expect(snapshot(core)).toEqual(before);
    const list = await expectOk(core, 'users.list', {}, { token: adminToken });
    expect(list.map((u) => u.username).sort()).toEqual(['admin', 'kgarcia']); // the system user `cli` is hidden
  });

  it('lets a manager manage staff but never grant or touch the admin role', async () => {
    const { core } = tempCore();
    const { adminToken, adminId } = await setupCentre(core);
    const manager = await staff(core, adminToken, 'elopez', ['manager']);
    await expectOk(core, 'users.create', { ...NEW, roles: ['clerk'] }, { token: manager.token });
    const grant = await dispatch(core, 'users.create', { ...NEW, username: 'otro', roles: ['admin'] }, { token: manager.token });
    expect(!grant.ok && grant.error.code).toBe('users.needs-admin');
    const disableAdmin = await dispatch(core, 'users.setDisabled', { id: adminId, disabled: true }, { token: manager.token });
    expect(!disableAdmin.ok && disableAdmin.error.code).toBe('users.needs-admin');
  });

  it('keeps at least one active admin and refuses to disable oneself', async () => {
    const { core } = tempCore();
    const { adminToken, adminId } = await setupCentre(core);
    const self = await dispatch(core, 'users.setDisabled', { id: adminId, disabled: true }, { token: adminToken });
    expect(!self.ok && self.error.code).toBe('users.cannot-disable-self');
    const demote = await dispatch(core, 'users.update', { id: adminId, roles: ['manager'] }, { token: adminToken });
    expect(!demote.ok && demote.error.code).toBe('users.own-roles');
    const other = await staff(core, adminToken, 'admin2', ['admin']);
    await expectOk(core, 'users.update', { id: adminId, roles: ['manager'] }, { token: other.token });
  });

  it('resets a password, ending the sessions of that account', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const clerk = await staff(core, adminToken, 'mlopez', ['clerk']);
    await expectOk(core, 'users.resetPassword', { id: clerk.id, password: 'otra-clave-larga' }, { token: adminToken });
    const old = await dispatch(core, 'auth.session', {}, { token: clerk.token });
    expect(!old.ok && old.error.code).toBe('auth.required');
    await expectOk(core, 'auth.login', { username: 'mlopez', password: 'otra-clave-larga' });
  });

  it('answers users.not-found for an unknown id', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const r = await dispatch(core, 'users.update', { id: 'no-existe', displayName: 'X' }, { token: adminToken });
    expect(!r.ok && r.error.code).toBe('users.not-found');
  });
});
