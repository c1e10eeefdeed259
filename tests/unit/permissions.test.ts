import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../electron/core/contract';
import { dispatch } from '../../electron/core/dispatch';
import { PERMISSIONS } from '../../electron/core/permissions';
import { ROLES, type Role } from '../../electron/core/roles';
import { handlers } from '../../electron/core/domains/services';
import { setupCentre, snapshot, staff, tempCore } from '../helpers';

describe('permission table', () => {
  it('has an entry and a service for every contract method, and nothing else', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('answers `forbidden` and changes nothing when a role without permission calls any method', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const tokens = {} as Record<Role, string>;
    for (const role of ROLES) tokens[role] = (await staff(core, adminToken, `solo.${role.replace('_', '')}`, [role])).token;

    let checked = 0;
    for (const method of METHOD_NAMES as MethodName[]) {
      const access = PERMISSIONS[method].access;
      if (access === 'public' || access === 'signed-in') continue;
      for (const role of ROLES.filter((r) => !access.includes(r))) {
        const before = snapshot(core);
        const result = await dispatch(core, method, {}, { token: tokens[role] });
        expect(result.ok, `${role} → ${method}`).toBe(false);
        if (!result.ok) expect(result.error.code, `${role} → ${method}`).toBe('forbidden');
        expect(snapshot(core)).toEqual(before);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('asks for a session on every non-public method', async () => {
    const { core } = tempCore();
    await setupCentre(core);
    for (const method of METHOD_NAMES) {
      if (PERMISSIONS[method].access === 'public') continue;
      const result = await dispatch(core, method, {}, {});
      expect(result.ok ? 'ok' : result.error.code, method).toBe('auth.required');
    }
  });

  it('declares input and output schemas for every method', () => {
    for (const name of METHOD_NAMES) {
      expect(contract[name].input, name).toBeDefined();
      expect(contract[name].output, name).toBeDefined();
    }
  });
});
