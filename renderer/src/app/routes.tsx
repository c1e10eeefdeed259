import type { RouteObject } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';
import { NotFound, RequireRole } from '../components/Guards';
import { Shell } from './Shell';

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'usuarios', element: <RequireRole roles={['admin', 'manager']}><UsersPage /></RequireRole> },
      { path: 'auditoria', element: <RequireRole roles={['admin', 'manager']}><AuditPage /></RequireRole> },
      { path: 'configuracion', element: <SettingsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
