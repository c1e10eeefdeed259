import { DOMAIN_ERRORS } from './domains/registry';
import { translate, type Locale } from './i18n/translate';

/**
 * Error codes of the kernel (transport, dispatch, database). Each domain declares its own in its
 * contract.ts; every code has a message in every locale and a transport status for the host.
 */
const KERNEL_ERROR_STATUS = {
  'request.invalid-json': 400,
  'request.too-large': 413,
  'request.bad-path': 400,
  'request.too-deep': 400,
  'request.foreign-origin': 403,
  'method.unknown': 404,
  'input.invalid': 400,
  'auth.required': 401,
  'auth.session-locked': 423,
  forbidden: 403,
  'setup.required': 409,
  'db.newer-version': 500,
  'db.not-encrypted': 500,
  'db.already-encrypted': 409,
  'db.key-wrong': 500,
  'db.key-missing': 500,
  'db.key-exposed': 500,
  'db.key-unreadable': 500,
  'db.key-inside-data-folder': 500,
  'db.audit-broken': 409,
  internal: 500,
} as const;

export const ERROR_STATUS = { ...KERNEL_ERROR_STATUS, ...DOMAIN_ERRORS };

export type ErrorCode = keyof typeof ERROR_STATUS & string;

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
