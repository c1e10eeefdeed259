import type { Messages } from './es';
import { aidMessages } from '../../features/aid/messages';
import { alertsMessages } from '../../features/alerts/messages';
import { arrivalsMessages } from '../../features/arrivals/messages';
import { auditMessages } from '../../features/audit/messages';
import { authMessages } from '../../features/auth/messages';
import { belongingsMessages } from '../../features/belongings/messages';
import { careMessages } from '../../features/care/messages';
import { referralsMessages } from '../../features/referrals/messages';
import { summaryMessages } from '../../features/summary/messages';
import { flowMessages } from '../../features/flow/messages';
import { homeMessages } from '../../features/home/messages';
import { institutionsMessages } from '../../features/institutions/messages';
import { namesMessages } from '../../features/names/messages';
import { personsMessages } from '../../features/persons/messages';
import { registrationMessages } from '../../features/registration/messages';
import { screeningMessages } from '../../features/screening/messages';
import { settingsMessages } from '../../features/settings/messages';
import { setupMessages } from '../../features/setup/messages';
import { stockMessages } from '../../features/stock/messages';
import { syncMessages } from '../../features/sync/messages';
import { maintenanceMessages } from '../../features/maintenance/messages';
import { usersMessages } from '../../features/users/messages';

export const en: Messages = {
  time: {
    centreZone: 'centre time ({{offset}})',
    centreClock: '{{time}} · centre time ({{offset}})',
    centreZoneHelp: "Every date and time in Acogida is the centre's ({{zone}}). This computer is set to another time zone ({{workstation}}); its own clock may show another hour or another day.",
  },
  app: { name: 'Acogida', tagline: 'Reception and care of returnees' },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    create: 'Create',
    close: 'Close',
    loading: 'Loading…',
    yes: 'Yes',
    no: 'No',
    retry: 'Retry',
    loadMore: 'Load more',
    saved: 'Changes saved.',
    error: 'Error',
    networkError: 'No connection to the local Acogida service. Check that the application is still open.',
    forbiddenTitle: 'Not allowed',
    forbiddenText: 'Your role does not allow this screen. If you need it, ask the coordinator for access.',
    notFound: 'This screen does not exist.',
    datePlaceholder: 'dd/mm/yyyy',
    backHome: 'Back to home',
  },
  roles: {
    clerk: 'Clerk',
    alert_officer: 'Alert officer',
    protection_officer: 'Protection officer',
    psychologist: 'Psychologist',
    health: 'Health staff',
    manager: 'Manager',
    admin: 'Administrator',
  },
  roleHelp: {
    clerk: 'Arrivals, registration, consent, kits and certificates',
    alert_officer: 'Alert lists and decisions on possible matches',
    protection_officer: 'Vulnerability screening, referrals and follow-up',
    psychologist: 'Psychological first aid and confidential sessions',
    health: 'Triage, medical attention, medicines and hospital referral',
    manager: 'Daily summary, inventory, staff and institutions',
    admin: 'Installation, backups, replication and users',
  },
  nav: {
    home: 'Home',
    stations: 'Stations',
    flow: 'Flow board',
    arrivals: 'Arrivals',
    registration: 'Registration',
    alerts: 'Alert verification',
    screening: 'Vulnerabilities',
    aid: 'Humanitarian aid',
    care: 'Psychosocial care',
    medical: 'Medical care',
    careKeys: 'Notes keys',
    referrals: 'Referrals',
    summary: 'Daily summary',
    administration: 'Administration',
    users: 'Users',
    audit: 'Audit',
    institutions: 'Institutions',
    settings: 'Settings',
    sync: 'Central server',
    maintenance: 'Backups',
    names: 'Names and nicknames',
    screeningRules: 'Traffic-light rules',
    referralRoutes: 'Referral routes',
    comingSoon: 'Available in a coming version',
    stock: 'Stock',
    belongings: 'Belongings',
  },
  header: {
    language: 'Language',
    switchUser: 'Switch user',
    lock: 'Lock screen',
    logout: 'Sign out',
    menu: 'Menu of {{name}}',
  },
  ...setupMessages.en,
  countries: {
    GTM: 'Guatemala',
    HND: 'Honduras',
    SLV: 'El Salvador',
    MEX: 'Mexico',
    NIC: 'Nicaragua',
    CRI: 'Costa Rica',
  },
  ...authMessages.en,
  drafts: {
    restored: 'What you were typing has been restored (kept at {{time}}).',
    discard: 'Discard and start again',
  },
  ...homeMessages.en,
  ...usersMessages.en,
  ...auditMessages.en,
  ...settingsMessages.en,
  ...arrivalsMessages.en,
  ...namesMessages.en,
  ...institutionsMessages.en,
  ...alertsMessages.en,
  ...registrationMessages.en,
  ...personsMessages.en,
  ...flowMessages.en,
  ...screeningMessages.en,
  ...careMessages.en,
  ...referralsMessages.en,
  ...summaryMessages.en,
  ...aidMessages.en,
  ...stockMessages.en,
  ...syncMessages.en,
  ...maintenanceMessages.en,
  ...belongingsMessages.en,
  tags: {
    gender: { F: 'Woman', M: 'Man', X: 'Other sex' },
    age: { child: 'Child (0–12)', adolescent: 'Adolescent (13–17)', elder: 'Older person' },
    disability: '{{type}} disability',
    interpreter: 'Needs an interpreter',
    lgbtiq: 'LGBTIQ+',
    title: 'Differentiated attention',
  },
  search: {
    placeholder: 'Search a person by name, document or case number…',
    nothing: 'Nobody matches.',
    hint: 'Ctrl+K',
    button: 'Find a person',
  },
  languages: { es: 'Español', en: 'English' },
};
