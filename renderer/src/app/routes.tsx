import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { HomePage } from '../features/home/HomePage';
import { NotFound, RequireRole } from '../components/Guards';
import { CASEWORK, RECEPTION } from './nav';
import { Shell } from './Shell';

/**
 * Each station's screen is its own chunk, fetched the first time it is opened: the sign-in screen
 * and the home load only what they need (npm run bench measures the first render).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
const CarePage = page(() => import('../features/care/CarePage'), 'CarePage');
const PsychologyPersonPage = page(() => import('../features/care/CarePersonPage'), 'PsychologyPersonPage');
const MedicalPersonPage = page(() => import('../features/care/CarePersonPage'), 'MedicalPersonPage');
const CareKeysPage = page(() => import('../features/care/CareKeysPage'), 'CareKeysPage');
const MedicalPage = page(() => import('../features/care/MedicalForm'), 'MedicalPage');
const ReferralsPage = page(() => import('../features/referrals/ReferralsPage'), 'ReferralsPage');
const RoutesPage = page(() => import('../features/referrals/RoutesPage'), 'RoutesPage');
const SummaryPage = page(() => import('../features/summary/SummaryPage'), 'SummaryPage');
const SlipPage = page(() => import('../features/referrals/SlipPage'), 'SlipPage');
const AidPage = page(() => import('../features/aid/AidPage'), 'AidPage');
const AlertsPage = page(() => import('../features/alerts/AlertsPage'), 'AlertsPage');
const BelongingsPage = page(() => import('../features/belongings/BelongingsPage'), 'BelongingsPage');
const StockPage = page(() => import('../features/stock/StockPage'), 'StockPage');
const NamesPage = page(() => import('../features/names/NamesPage'), 'NamesPage');
const InstitutionsPage = page(() => import('../features/institutions/InstitutionsPage'), 'InstitutionsPage');
const ArrivalPage = page(() => import('../features/arrivals/ArrivalPage'), 'ArrivalPage');
const ArrivalsPage = page(() => import('../features/arrivals/ArrivalsPage'), 'ArrivalsPage');
const AuditPage = page(() => import('../features/audit/AuditPage'), 'AuditPage');
const FlowBoardPage = page(() => import('../features/flow/FlowBoardPage'), 'FlowBoardPage');
const CaseFilePage = page(() => import('../features/persons/CaseFilePage'), 'CaseFilePage');
const CertificatePage = page(() => import('../features/persons/CertificatePage'), 'CertificatePage');
const RegistrationPage = page(() => import('../features/registration/RegistrationPage'), 'RegistrationPage');
const ScreeningInterviewPage = page(() => import('../features/screening/ScreeningInterviewPage'), 'ScreeningInterviewPage');
const ScreeningQueuePage = page(() => import('../features/screening/ScreeningQueuePage'), 'ScreeningQueuePage');
const ScreeningRulesPage = page(() => import('../features/screening/ScreeningRulesPage'), 'ScreeningRulesPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const SyncPage = page(() => import('../features/sync/SyncPage'), 'SyncPage');
const MaintenancePage = page(() => import('../features/maintenance/MaintenancePage'), 'MaintenancePage');
const UsersPage = page(() => import('../features/users/UsersPage'), 'UsersPage');

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
      { path: 'atencion', element: <RequireRole roles={['psychologist']}><CarePage /></RequireRole> },
      { path: 'atencion/persona/:personId', element: <RequireRole roles={['psychologist']}><PsychologyPersonPage /></RequireRole> },
      { path: 'atencion/llaves', element: <RequireRole roles={['psychologist', 'health', 'admin']}><CareKeysPage /></RequireRole> },
      { path: 'salud', element: <RequireRole roles={['health']}><MedicalPage /></RequireRole> },
      { path: 'salud/persona/:personId', element: <RequireRole roles={['health']}><MedicalPersonPage /></RequireRole> },
      { path: 'resumen', element: <RequireRole roles={['manager', 'admin']}><SummaryPage /></RequireRole> },
      { path: 'derivaciones/rutas', element: <RequireRole roles={['admin']}><RoutesPage /></RequireRole> },
      { path: 'derivaciones', element: <RequireRole roles={['protection_officer', 'manager']}><ReferralsPage /></RequireRole> },
      { path: 'ayuda', element: <RequireRole roles={RECEPTION}><AidPage /></RequireRole> },
      { path: 'inventario', element: <RequireRole roles={RECEPTION}><StockPage /></RequireRole> },
      { path: 'pertenencias', element: <RequireRole roles={RECEPTION}><BelongingsPage /></RequireRole> },
      { path: 'instituciones', element: <RequireRole roles={CASEWORK}><InstitutionsPage /></RequireRole> },
      { path: 'nombres', element: <RequireRole roles={['admin', 'alert_officer']}><NamesPage /></RequireRole> },
      { path: 'auditoria', element: <RequireRole roles={['admin', 'manager']}><AuditPage /></RequireRole> },
      { path: 'configuracion', element: <SettingsPage /> },
      { path: 'servidor-central', element: <RequireRole roles={['admin', 'manager']}><SyncPage /></RequireRole> },
      { path: 'respaldos', element: <RequireRole roles={['admin']}><MaintenancePage /></RequireRole> },
      { path: '*', element: <NotFound /> },
    ],
  },
  // The print view stands alone: nothing but the certificate and the ticket on the page.
  { path: '/ficha/:id', element: <RequireRole roles={['protection_officer', 'manager']}><Suspense><SlipPage /></Suspense></RequireRole> },
  { path: '/constancia/:id', element: <RequireRole roles={RECEPTION}><Suspense><CertificatePage /></Suspense></RequireRole> },
];
