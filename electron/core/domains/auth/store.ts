import type { Database } from '../../db/driver';
import type { Locale } from '../../i18n/locales';

/** The SQL of signing in: who may sign in, failed attempts that lock an account, and the lock of a session. */

export interface LoginUser {
  id: string;
  roles: string;
  password_hash: string | null;
  disabled_at: string | null;
  locale: Locale;
  password_self_set: number;
}

/** A staff account of the centre by user name (never a system user such as `cli`). */
export function loginUser(db: Database, centreId: string, username: string): LoginUser | undefined {
  return db
    .prepare(
      `SELECT id, roles, password_hash, disabled_at, locale, password_self_set FROM users
       WHERE centre_id = ? AND username = ? AND deleted_at IS NULL AND is_system = 0`,
    )
    .get(centreId, username) as LoginUser | undefined;
}

/** An account by id, as signing in needs it (unlock, password change). */
export function userById(db: Database, userId: string): LoginUser | undefined {
  return db.prepare('SELECT id, roles, password_hash, disabled_at, locale, password_self_set FROM users WHERE id = ?').get(userId) as LoginUser | undefined;
}

export function passwordHashOf(db: Database, userId: string): string | null {
  return (db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(userId) as string | null | undefined) ?? null;
}

export function loginThrottle(db: Database, userId: string): { failures: number; locked_until: string | null } | undefined {
  return db.prepare('SELECT failures, locked_until FROM login_throttle WHERE user_id = ?').get(userId) as { failures: number; locked_until: string | null } | undefined;
}

export function writeLoginThrottle(db: Database, userId: string, failures: number, lockedUntil: string | null): void {
  db.prepare(
    `INSERT INTO login_throttle (user_id, failures, locked_until) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
  ).run(userId, failures, lockedUntil);
}

/** Locks a session (the time it first locked is kept). */
export function lockSession(db: Database, sessionId: string, at: string): void {
  db.prepare('UPDATE sessions SET locked_at = coalesce(locked_at, ?) WHERE id = ?').run(at, sessionId);
}

export function unlockSession(db: Database, sessionId: string): void {
  db.prepare('UPDATE sessions SET locked_at = NULL WHERE id = ?').run(sessionId);
}

export function setSessionLocale(db: Database, sessionId: string, locale: Locale): void {
  db.prepare('UPDATE sessions SET locale = ? WHERE id = ?').run(locale, sessionId);
}
