import { CASEWORK, RECEPTION, type Role } from '@core/roles';
import {
  IconAbc,
  IconAlertTriangle,
  IconBriefcase,
  IconBuildingWarehouse,
  IconBuildingCommunity,
  IconClipboardHeart,
  IconCloudComputing, IconDatabaseExport,
  IconFileAnalytics,
  IconGift,
  IconHeartHandshake,
  IconHome,
  IconKey,
  IconStethoscope,
  IconLayoutKanban,
  IconPlaneArrival,
  IconSettings,
  IconShieldCheck,
  IconUserPlus,
  IconUsers,
  IconRoute,
  IconTrafficLights,
} from '@tabler/icons-react';

export interface NavItem {
  key: string;
  path: string | null; // null: the station is not installed yet (shown disabled)
  icon: typeof IconHome;
  roles?: readonly Role[];
}

// The role groups are the contract's own (electron/core/roles.ts): a link shows for exactly
// those the core answers.
export { CASEWORK, RECEPTION };

/** The stations of docs/spec.md in workflow order; each becomes a link when its screen lands. */

export const STATIONS: NavItem[] = [
  { key: 'flow', path: '/flujo', icon: IconLayoutKanban, roles: CASEWORK },
  { key: 'arrivals', path: '/arribos', icon: IconPlaneArrival, roles: CASEWORK },
  { key: 'registration', path: '/registro', icon: IconUserPlus, roles: RECEPTION },
  { key: 'alerts', path: '/alertas', icon: IconAlertTriangle, roles: ['alert_officer'] },
  { key: 'screening', path: '/tamizaje', icon: IconClipboardHeart, roles: ['protection_officer', 'manager'] },
  { key: 'aid', path: '/ayuda', icon: IconGift, roles: RECEPTION },
  { key: 'stock', path: '/inventario', icon: IconBuildingWarehouse, roles: RECEPTION },
  { key: 'belongings', path: '/pertenencias', icon: IconBriefcase, roles: RECEPTION },
  { key: 'care', path: '/atencion', icon: IconHeartHandshake, roles: ['psychologist'] },
  { key: 'medical', path: '/salud', icon: IconStethoscope, roles: ['health'] },
  { key: 'referrals', path: '/derivaciones', icon: IconRoute, roles: ['protection_officer', 'manager'] },
  { key: 'summary', path: '/resumen', icon: IconFileAnalytics, roles: ['manager', 'admin'] },
];

export const ADMINISTRATION: NavItem[] = [
  { key: 'users', path: '/usuarios', icon: IconUsers, roles: ['admin', 'manager'] },
  { key: 'institutions', path: '/instituciones', icon: IconBuildingCommunity, roles: CASEWORK },
  { key: 'screeningRules', path: '/tamizaje/reglas', icon: IconTrafficLights, roles: ['admin'] },
  { key: 'referralRoutes', path: '/derivaciones/rutas', icon: IconRoute, roles: ['admin'] },
  { key: 'names', path: '/nombres', icon: IconAbc, roles: ['admin', 'alert_officer'] },
  { key: 'careKeys', path: '/atencion/llaves', icon: IconKey, roles: ['psychologist', 'health', 'admin'] },
  { key: 'audit', path: '/auditoria', icon: IconShieldCheck, roles: ['admin', 'manager'] },
  { key: 'sync', path: '/servidor-central', icon: IconCloudComputing, roles: ['admin', 'manager'] },
  { key: 'maintenance', path: '/respaldos', icon: IconDatabaseExport, roles: ['admin'] },
  { key: 'settings', path: '/configuracion', icon: IconSettings },
];

export const HOME: NavItem = { key: 'home', path: '/', icon: IconHome };

export function allowed(item: { roles?: readonly Role[] }, roles: readonly Role[]): boolean {
  return !item.roles || item.roles.some((r) => roles.includes(r));
}
