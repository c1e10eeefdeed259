import type { User } from './contract';
import type { Database } from '../../db/driver';
import type { Role } from '../../roles';

/** The SQL of staff accounts (system users such as `cli` are never listed). */

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  disabled_at: string | null;
  created_at: string;
  locked_until: string | null;
}

const SELECT_USER = `
  SELECT u.id, u.username, u.display_name, u.roles, u.disabled_at, u.created_at, t.locked_until
  FROM users u LEFT JOIN login_throttle t ON t.user_id = u.id
  WHERE u.centre_id = ? AND u.deleted_at IS NULL AND u.is_system = 0`;

function toUser(row: UserRow, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until && new Date(row.locked_until) > now ? row.locked_until : null,
    createdAt: row.created_at,
  };
}

/** One staff account of the centre, or null. */
export function findUser(db: Database, centreId: string, id: string, now: Date): User | null {
  const row = db.prepare(`${SELECT_USER} AND u.id = ?`).get(centreId, id) as UserRow | undefined;
  return row ? toUser(row, now) : null;
}

/** The centre's staff by name; the disabled ones only when asked. */
export function listUsers(db: Database, centreId: string, includeDisabled: boolean, now: Date): User[] {
  const rows = db.prepare(`${SELECT_USER} ${includeDisabled ? '' : 'AND u.disabled_at IS NULL'} ORDER BY u.display_name COLLATE NOCASE`).all(centreId) as UserRow[];
  return rows.map((r) => toUser(r, now));
}

/** How many enabled admins the centre has besides `exceptId`. */
export function activeAdminsOtherThan(db: Database, centreId: string, exceptId: string): number {
  return db
    .prepare(
      `SELECT count(*) FROM users, json_each(users.roles) r
       WHERE users.centre_id = ? AND users.id <> ? AND users.deleted_at IS NULL AND users.disabled_at IS NULL
         AND users.is_system = 0 AND r.value = 'admin'`,
    )
    .pluck()
    .get(centreId, exceptId) as number;
}

export function usernameTaken(db: Database, centreId: string, username: string): boolean {
  return db.prepare('SELECT 1 FROM users WHERE centre_id = ? AND username = ? AND deleted_at IS NULL').get(centreId, username) !== undefined;
}

/** Forgets the failed sign-ins that lock an account. */
export function clearLoginThrottle(db: Database, userId: string): void {
  db.prepare('DELETE FROM login_throttle WHERE user_id = ?').run(userId);
}
