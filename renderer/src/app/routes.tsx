import { AidPage } from '../features/aid/AidPage';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { BelongingsPage } from '../features/belongings/BelongingsPage';
import { StockPage } from '../features/stock/StockPage';
import { InstitutionsPage } from '../features/institutions/InstitutionsPage';
import type { RouteObject } from 'react-router';
import { ArrivalPage } from '../features/arrivals/ArrivalPage';
import { ArrivalsPage } from '../features/arrivals/ArrivalsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { FlowBoardPage } from '../features/flow/FlowBoardPage';
import { CaseFilePage } from '../features/persons/CaseFilePage';
import { CertificatePage } from '../features/persons/CertificatePage';
import { RegistrationPage } from '../features/registration/RegistrationPage';
import { ScreeningInterviewPage } from '../features/screening/ScreeningInterviewPage';
import { ScreeningQueuePage } from '../features/screening/ScreeningQueuePage';
import { ScreeningRulesPage } from '../features/screening/ScreeningRulesPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';
import { NotFound, RequireRole } from '../components/Guards';
import { CASEWORK, RECEPTION } from './nav';
import { Shell } from './Shell';

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'flujo', element: <RequireRole roles={CASEWORK}><FlowBoardPage /></RequireRole> },
      { path: 'arribos', element: <RequireRole roles={CASEWORK}><ArrivalsPage /></RequireRole> },
      { path: 'arribos/:id', element: <RequireRole roles={CASEWORK}><ArrivalPage /></RequireRole> },
      { path: 'registro', element: <RequireRole roles={RECEPTION}><RegistrationPage /></RequireRole> },
      { path: 'registro/:personArrivalId', element: <RequireRole roles={RECEPTION}><RegistrationPage /></RequireRole> },
      { path: 'personas/:id', element: <RequireRole roles={CASEWORK}><CaseFilePage /></RequireRole> },
      { path: 'usuarios', element: <RequireRole roles={['admin', 'manager']}><UsersPage /></RequireRole> },
      { path: 'alertas', element: <RequireRole roles={['alert_officer']}><AlertsPage /></RequireRole> },
      { path: 'tamizaje', element: <RequireRole roles={['protection_officer', 'manager']}><ScreeningQueuePage /></RequireRole> },
      { path: 'tamizaje/persona/:personId', element: <RequireRole roles={['protection_officer']}><ScreeningInterviewPage /></RequireRole> },
      { path: 'tamizaje/reglas', element: <RequireRole roles={['admin']}><ScreeningRulesPage /></RequireRole> },
      { path: 'ayuda', element: <RequireRole roles={RECEPTION}><AidPage /></RequireRole> },
      { path: 'inventario', element: <RequireRole roles={RECEPTION}><StockPage /></RequireRole> },
      { path: 'pertenencias', element: <RequireRole roles={RECEPTION}><BelongingsPage /></RequireRole> },
      { path: 'instituciones', element: <RequireRole roles={CASEWORK}><InstitutionsPage /></RequireRole> },
      { path: 'auditoria', element: <RequireRole roles={['admin', 'manager']}><AuditPage /></RequireRole> },
      { path: 'configuracion', element: <SettingsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  // The print view stands alone: nothing but the certificate and the ticket on the page.
  { path: '/constancia/:id', element: <RequireRole roles={RECEPTION}><CertificatePage /></RequireRole> },
];
