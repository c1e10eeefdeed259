import type { MethodName } from './contract';
import type { Role } from './roles';

/**
 * Who may call what. `public`: no session needed. `signed-in`: any role. A role list: at
 * least one of them. `whileLocked`: callable from a locked session (lock screen). `sensitive`:
 * the audit entry is marked as a read of sensitive data. The type makes a missing entry a
 * compile error; tests/unit/permissions.test.ts checks the same at run time.
 */
export interface Permission {
  access: 'public' | 'signed-in' | readonly Role[];
  whileLocked?: boolean;
  sensitive?: boolean;
}

const STAFF_ADMINS: readonly Role[] = ['admin', 'manager'];
/** Everyone who works with returnees (the admin role installs and maintains; it reads no case data). */
const CASEWORK: readonly Role[] = ['clerk', 'alert_officer', 'protection_officer', 'psychologist', 'manager'];
const RECEPTION: readonly Role[] = ['clerk', 'manager'];
const CONSENT: readonly Role[] = ['clerk', 'protection_officer', 'psychologist', 'manager'];

export const PERMISSIONS: { readonly [M in MethodName]: Permission } = {
  'setup.status': { access: 'public' },
  'setup.init': { access: 'public' },

  'auth.login': { access: 'public' },
  'auth.switchUser': { access: 'signed-in', whileLocked: true },
  'auth.logout': { access: 'signed-in', whileLocked: true },
  'auth.session': { access: 'signed-in', whileLocked: true },
  'auth.lock': { access: 'signed-in', whileLocked: true },
  'auth.unlock': { access: 'signed-in', whileLocked: true },
  'auth.setLocale': { access: 'signed-in', whileLocked: true },
  'auth.changePassword': { access: 'signed-in' },

  'users.list': { access: STAFF_ADMINS },
  'users.create': { access: STAFF_ADMINS },
  'users.update': { access: STAFF_ADMINS },
  'users.setDisabled': { access: STAFF_ADMINS },
  'users.resetPassword': { access: STAFF_ADMINS },
  'users.unlock': { access: STAFF_ADMINS },

  'audit.list': { access: ['admin', 'manager'], sensitive: true },
  'audit.verify': { access: ['admin', 'manager'] },

  'settings.get': { access: 'signed-in' },
  'settings.update': { access: ['admin'] },

  'names.list': { access: ['admin', 'alert_officer'] },
  'names.save': { access: ['admin'] },
  'names.remove': { access: ['admin'] },
  'names.setActive': { access: ['admin'] },

  'arrivals.create': { access: RECEPTION },
  'arrivals.list': { access: CASEWORK },
  'arrivals.get': { access: CASEWORK },
  'arrivals.checkIn': { access: RECEPTION },
  'arrivals.close': { access: RECEPTION },

  'manifests.preview': { access: RECEPTION },
  'manifests.import': { access: RECEPTION },
  'manifests.progress': { access: RECEPTION },
  'manifests.imports': { access: RECEPTION },
  'manifests.undo': { access: RECEPTION },

  'persons.register': { access: RECEPTION },
  'persons.get': { access: CASEWORK },
  'persons.search': { access: CASEWORK },
  'persons.link': { access: RECEPTION },
  'persons.dismissSuggestion': { access: RECEPTION },
  'persons.merge': { access: RECEPTION },
  'persons.unmerge': { access: RECEPTION },
  'persons.certificate': { access: RECEPTION },

  'consent.record': { access: CONSENT },
  'consent.withdraw': { access: CONSENT },
  'consent.status': { access: CASEWORK },

  'flow.board': { access: CASEWORK },
  'flow.depart': { access: RECEPTION },

  // Everyone who works with returnees reads the directory; the manager keeps it (SPEC roles).
  'institutions.list': { access: CASEWORK },
  'institutions.create': { access: ['manager'] },
  'institutions.update': { access: ['manager'] },

  // Only the alert officer ever sees a list or a record; everyone else sees pending/cleared.
  'alerts.import': { access: ['alert_officer'] },
  'alerts.lists': { access: ['alert_officer'] },
  'alerts.checkArrival': { access: ['clerk', 'alert_officer', 'manager'] },
  'alerts.checkFile': { access: ['alert_officer'], sensitive: true },
  'alerts.queue': { access: ['alert_officer'], sensitive: true },
  'alerts.decide': { access: ['alert_officer'], sensitive: true },
  'alerts.status': { access: CASEWORK },
  // A hold ends only by the alert officer or the manager (hand-over to the police or release).
  'alerts.hold': { access: ['alert_officer', 'manager'], sensitive: true },
  'alerts.resolveHold': { access: ['alert_officer', 'manager'], sensitive: true },

  // Answers and reasons are sensitive (suicidal thoughts, trafficking): read by those who act on
  // them; everyone else sees the colour and the deadline on the flow board.
  'screening.form': { access: ['protection_officer'] },
  'screening.evaluate': { access: ['protection_officer'] },
  'screening.record': { access: ['protection_officer'], sensitive: true },
  'screening.override': { access: ['protection_officer'], sensitive: true },
  'screening.attend': { access: ['protection_officer'], sensitive: true },
  'screening.history': { access: ['protection_officer', 'psychologist', 'manager'], sensitive: true },
  'screening.get': { access: ['protection_officer', 'psychologist', 'manager'], sensitive: true },
  'screening.notifyPsychology': { access: ['protection_officer'], sensitive: true },
  'screening.notices': { access: ['psychologist'], sensitive: true },
  'screening.queue': { access: ['protection_officer', 'manager'], sensitive: true },
  'screening.rules': { access: ['admin', 'protection_officer', 'manager'] },
  'screening.previewRules': { access: ['admin'] },
  'screening.saveRules': { access: ['admin'] },

  // Kits go out at the reception desks; the manager keeps the inventory (SPEC roles).
  'aid.types': { access: CASEWORK },
  'aid.createType': { access: ['manager'] },
  'aid.updateType': { access: ['manager'] },
  'aid.arrivals': { access: RECEPTION },
  'aid.deliver': { access: RECEPTION },
  'aid.void': { access: RECEPTION },
  'aid.deliveries': { access: CASEWORK },
  'belongings.receive': { access: RECEPTION },
  'belongings.return': { access: RECEPTION },
  'belongings.list': { access: RECEPTION },
  'stock.report': { access: RECEPTION },
  'stock.movements': { access: ['manager'] },
  'stock.receive': { access: ['manager'] },
  'stock.correct': { access: ['manager'] },

  // Each user's own unsent typing; the service only ever touches the caller's rows.
  'drafts.get': { access: 'signed-in' },
  'drafts.save': { access: 'signed-in' },
  'drafts.discard': { access: 'signed-in' },
};

export function roleAllows(permission: Permission, roles: readonly Role[]): boolean {
  if (permission.access === 'public' || permission.access === 'signed-in') return true;
  return permission.access.some((role) => roles.includes(role));
}
