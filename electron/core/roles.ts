/** The staff roles of docs/spec.md. One person may hold several. */
export const ROLES = [
  'clerk',
  'alert_officer',
  'protection_officer',
  'psychologist',
  'health',
  'manager',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * Roles that open sensitive data (alert lists, protection screenings, clinical notes) or the
 * whole installation: only an admin grants or removes them, and only an admin resets, unlocks,
 * disables or edits someone who holds one. A manager runs the rest of the staff.
 */
export const ADMIN_GRANTED_ROLES: readonly Role[] = ['alert_officer', 'protection_officer', 'psychologist', 'health', 'admin'];

export const isAdminGranted = (role: Role): boolean => ADMIN_GRANTED_ROLES.includes(role);

/** Whether someone with `actorRoles` may manage (edit, reset, unlock, disable) a user holding `targetRoles`. */
export function canManageUser(actorRoles: readonly Role[], targetRoles: readonly Role[]): boolean {
  return actorRoles.includes('admin') || !targetRoles.some(isAdminGranted);
}

/**
 * Role groups, used by the contract (who may call a method) and by the renderer's navigation
 * alike, so a screen is shown to exactly those the core will answer.
 */
/** Those who run the staff accounts. */
export const STAFF_ADMINS: readonly Role[] = ['admin', 'manager'];
/** Everyone who works with returnees (the admin role installs and maintains; it reads no case data). */
export const CASEWORK: readonly Role[] = ['clerk', 'alert_officer', 'protection_officer', 'psychologist', 'health', 'manager'];
/** The reception desks: arrivals, registration, kits. */
export const RECEPTION: readonly Role[] = ['clerk', 'manager'];
/** Those who record a person's consent. */
export const CONSENT: readonly Role[] = ['clerk', 'protection_officer', 'psychologist', 'health', 'manager'];
/** The clinicians: those who hold a care key (psychology notes, medical notes). */
export const CLINICIANS: readonly Role[] = ['psychologist', 'health'];
