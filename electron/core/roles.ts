/** The staff roles of SPEC.md. One person may hold several. */
export const ROLES = [
  'clerk',
  'alert_officer',
  'protection_officer',
  'psychologist',
  'manager',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * Roles that open sensitive data (alert lists, protection screenings, clinical notes) or the
 * whole installation: only an admin grants or removes them, and only an admin resets, unlocks,
 * disables or edits someone who holds one. A manager runs the rest of the staff.
 */
export const ADMIN_GRANTED_ROLES: readonly Role[] = ['alert_officer', 'protection_officer', 'psychologist', 'admin'];

export const isAdminGranted = (role: Role): boolean => ADMIN_GRANTED_ROLES.includes(role);

/** Whether someone with `actorRoles` may manage (edit, reset, unlock, disable) a user holding `targetRoles`. */
export function canManageUser(actorRoles: readonly Role[], targetRoles: readonly Role[]): boolean {
  return actorRoles.includes('admin') || !targetRoles.some(isAdminGranted);
}
