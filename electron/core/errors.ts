import { translate, type Locale } from './i18n/translate';

/**
 * Error codes that cross the boundary. Each has a message in every locale
 * (electron/core/i18n/messages.ts) and a transport status for the loopback host.
 */
export const ERROR_STATUS = {
  'request.invalid-json': 400,
  'request.too-large': 413,
  'request.bad-path': 400,
  'request.too-deep': 400,
  'request.foreign-origin': 403,
  'method.unknown': 404,
  'input.invalid': 400,
  'auth.required': 401,
  'auth.invalid-credentials': 401,
  'auth.account-locked': 423,
  'auth.session-locked': 423,
  'auth.disabled': 403,
  forbidden: 403,
  'setup.already-done': 409,
  'setup.required': 409,
  'users.username-taken': 409,
  'users.not-found': 404,
  'users.last-admin': 409,
  'users.cannot-disable-self': 409,
  'users.own-roles': 403,
  'users.needs-admin': 403,
  'db.newer-version': 500,
  'db.not-encrypted': 500,
  'db.already-encrypted': 409,
  'db.key-wrong': 500,
  'db.key-missing': 500,
  'db.key-exposed': 500,
  'db.key-unreadable': 500,
  'db.key-inside-data-folder': 500,
  'db.audit-broken': 409,
  'manifest.invalid': 400,
  'manifest.import-not-found': 404,
  'manifest.undone-already': 409,
  'manifest.undo-too-late': 409,
  'arrivals.not-found': 404,
  'arrivals.closed': 409,
  'persons.not-found': 404,
  'persons.merged': 409,
  'persons.same': 400,
  'checkin.not-found': 404,
  'checkin.already': 409,
  'suggestions.not-found': 404,
  'suggestions.decided': 409,
  'merges.not-found': 404,
  'merges.undone': 409,
  'birth-date.future': 400,
  'institutions.not-found': 404,
  'institutions.unknown': 400,
  'institutions.code-taken': 409,
  'names.not-found': 404,
  'names.not-shipped': 400,
  'alerts.invalid': 400,
  'alerts.not-found': 404,
  'alerts.decided': 409,
  'alerts.on-hold': 409,
  'alerts.not-on-hold': 409,
  'alerts.hold-future': 400,
  'screening.not-found': 404,
  'screening.invalid-answers': 400,
  'screening.unknown-indicator': 400,
  'screening.same-level': 409,
  'screening.attended': 409,
  'screening.protection-not-green': 409,
  'screening.already-notified': 409,
  'aid.type-not-found': 404,
  'aid.type-inactive': 409,
  'aid.code-taken': 409,
  'aid.not-arrived': 409,
  'aid.departed': 409,
  'aid.repeat': 409,
  'aid.not-found': 404,
  'aid.voided': 409,
  'stock.insufficient': 409,
  'stock.not-stocked': 409,
  'stock.lot-exists': 409,
  'stock.lot-not-found': 404,
  'stock.below-zero': 409,
  'stock.no-change': 409,
  'belongings.tag-taken': 409,
  'belongings.not-found': 404,
  'belongings.returned': 409,
  'belongings.held': 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorValue {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown inside services; dispatch turns it into an ErrorValue (never crosses as a throw). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  toValue(locale: Locale): ErrorValue {
    return { code: this.code, message: translate(locale, `errors.${this.code}`, this.details), details: this.details };
  }
}

export function errorStatus(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? 500;
}
