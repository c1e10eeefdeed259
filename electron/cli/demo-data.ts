import type { Role } from '../core/roles';

/** Demonstration staff: names from Guatemala, Honduras and El Salvador. */
export const DEMO_CENTRE = {
  name: 'Centro de Recepción de Retornados — Fuerza Aérea Guatemalteca',
  country: 'GTM',
  timeZone: 'America/Guatemala',
  workstation: 'Mesa de registro 1',
};

export const DEMO_PASSWORD = 'acogida-demo';

export const DEMO_STAFF: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: 'Marvin Estuardo Cifuentes López', roles: ['admin'] },
  { username: 'mlopez', displayName: 'María José López Xicará', roles: ['clerk'] },
  { username: 'jcaal', displayName: 'Juan Carlos Caal Tiul', roles: ['clerk'] },
  { username: 'rperez', displayName: 'Rosa Amalia Pérez Hernández', roles: ['alert_officer'] },
  { username: 'kgarcia', displayName: 'Karla Yesenia García Martínez', roles: ['protection_officer'] },
  { username: 'dmejia', displayName: 'Dunia Marisol Mejía Rivera', roles: ['psychologist'] },
  { username: 'ssosa', displayName: 'Sandra Patricia Sosa Chávez', roles: ['health'] },
  { username: 'elopez', displayName: 'Edgar Rolando López Ajú', roles: ['manager'] },
  { username: 'lhernandez', displayName: 'Luis Alonso Hernández Flores', roles: ['clerk', 'protection_officer'] },
];
