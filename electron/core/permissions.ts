import { contract, type MethodName } from './contract';
import type { Permission } from './contract/method';
import type { Role } from './roles';

export type { Permission } from './contract/method';

/**
 * Who may call what, as each domain's contract declares it next to the method (access,
 * whileLocked, sensitive). tests/unit/permissions.test.ts checks every method has one.
 */
export const PERMISSIONS: { readonly [M in MethodName]: Permission } = contract;

export function roleAllows(permission: Permission, roles: readonly Role[]): boolean {
  if (permission.access === 'public' || permission.access === 'signed-in') return true;
  return permission.access.some((role) => roles.includes(role));
}
