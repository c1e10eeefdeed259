import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { SessionInfo } from './domains/auth/contract';
import type { Actor, Core } from './context';
import type { Locale } from './i18n/translate';
import type { Role } from './roles';
import { readSettings } from './domains/settings/store';

interface SessionRow {
  id: string;
  user_id: string;
  locale: Locale;
  created_at: string;
  last_active_at: string;
  locked_at: string | null;
  username: string;
  display_name: string;
  roles: string;
}

export interface ResolvedSession {
  actor: Actor;
  locale: Locale;
  locked: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Called when a session locks or ends by itself (the idle lock, the maximum lifetime): what a
 * domain keeps in memory for a session (a clinician's opened keys, domains/care/keyring.ts) is
 * dropped then, not only when the user locks or signs out.
 */
const sessionClosers: ((core: Core, sessionId: string) => void)[] = [];
export function onSessionClosed(closer: (core: Core, sessionId: string) => void): void {
  sessionClosers.push(closer);
}
const closed = (core: Core, sessionId: string) => sessionClosers.forEach((close) => close(core, sessionId));

/** Creates a session; returns the bearer token (only its hash is stored). */
export function createSession(core: Core, userId: string, locale: Locale): { token: string; sessionId: string } {
  const token = randomBytes(32).toString('base64url');
  const id = uuidv7();
  const now = core.clock.now().toISOString();
  core.db
    .prepare(
      `INSERT INTO sessions (id, token_hash, user_id, locale, created_at, last_active_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, hashToken(token), userId, locale, now, now);
  return { token, sessionId: id };
}

/**
 * Finds the live session of a token. A session idle for longer than the centre's idle-lock
 * setting is locked here, in the core, whatever the renderer did; one older than the centre's
 * maximum lifetime is ended (the user signs in again, however active they were).
 */
export function resolveSession(core: Core, token: string): ResolvedSession | null {
  const row = core.db
    .prepare(
      `SELECT s.id, s.user_id, s.locale, s.created_at, s.last_active_at, s.locked_at, u.username, u.display_name, u.roles
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.ended_at IS NULL AND u.disabled_at IS NULL AND u.deleted_at IS NULL`,
    )
    .get(hashToken(token)) as SessionRow | undefined;
  if (!row) return null;
  const settings = readSettings(core.db);
  const now = core.clock.now().getTime();
  if (now - Date.parse(row.created_at) > settings.sessionMaxHours * 3_600_000) {
    endSession(core, row.id);
    return null;
  }
  let locked = row.locked_at !== null;
  if (!locked) {
    const idleMs = settings.idleLockMinutes * 60_000;
    if (now - Date.parse(row.last_active_at) > idleMs) {
      core.db.prepare('UPDATE sessions SET locked_at = ? WHERE id = ?').run(core.clock.now().toISOString(), row.id);
      closed(core, row.id);
      locked = true;
    }
  }
  return {
    actor: { kind: 'user', userId: row.user_id, username: row.username, roles: JSON.parse(row.roles) as Role[], sessionId: row.id },
    locale: row.locale,
    locked,
  };
}

export function touchSession(core: Core, sessionId: string): void {
  core.db.prepare('UPDATE sessions SET last_active_at = ? WHERE id = ?').run(core.clock.now().toISOString(), sessionId);
}

export function sessionInfo(core: Core, sessionId: string): SessionInfo {
  const row = core.db
    .prepare(
      `SELECT s.id, s.user_id, s.locale, s.locked_at, u.username, u.display_name, u.roles, c.name AS centre_name
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN centres c ON c.id = u.centre_id
       WHERE s.id = ?`,
    )
    .get(sessionId) as SessionRow & { centre_name: string };
  return {
    sessionId: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    locale: row.locale,
    locked: row.locked_at !== null,
    idleLockMinutes: readSettings(core.db).idleLockMinutes,
    centreName: row.centre_name,
  };
}

export function endSession(core: Core, sessionId: string): void {
  core.db
    .prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL')
    .run(core.clock.now().toISOString(), sessionId);
  closed(core, sessionId);
}

/** Ends every open session of a user, but `keep` (the caller's own, after a password change). */
export function endSessionsOfUser(core: Core, userId: string, keep: string | null = null): void {
  const ended = core.db
    .prepare('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND id IS NOT ? RETURNING id')
    .pluck()
    .all(core.clock.now().toISOString(), userId, keep) as string[];
  for (const id of ended) closed(core, id);
}

/**
 * Ends every open session: called when the app or the loopback host starts, so a token from
 * before a restart (left in a tab, copied from memory) opens nothing. Not on every open of the
 * database: a CLI command run beside the app must not sign its users out.
 */
export function endAllSessions(core: Core): number {
  return core.db.prepare('UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL').run(core.clock.now().toISOString()).changes;
}
