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
