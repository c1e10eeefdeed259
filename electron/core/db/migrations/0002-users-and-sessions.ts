import { REPLICATED_COLUMNS, type Migration } from './types';

/** Staff accounts (replicated), settings (replicated), sessions and login throttling (local). */
export const migration0002: Migration = {
  version: 2,
  name: 'users-and-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        ${REPLICATED_COLUMNS},
        username TEXT NOT NULL,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL,             -- JSON array of role ids
        password_hash TEXT,              -- NULL for system users that cannot sign in
        locale TEXT NOT NULL DEFAULT 'es',
        disabled_at TEXT,
        is_system INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE UNIQUE INDEX users_username ON users (centre_id, username) WHERE deleted_at IS NULL;

      CREATE TABLE settings (
        ${REPLICATED_COLUMNS},
        key TEXT NOT NULL,
        value TEXT NOT NULL              -- JSON
      ) STRICT;
      CREATE UNIQUE INDEX settings_key ON settings (centre_id, key) WHERE deleted_at IS NULL;

      -- Sessions belong to this workstation; only a hash of the token is stored.
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users (id),
        locale TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_active_at TEXT NOT NULL,
        locked_at TEXT,
        ended_at TEXT
      ) STRICT;
      CREATE INDEX sessions_user ON sessions (user_id) WHERE ended_at IS NULL;

      -- Failed sign-ins per account on this workstation (lockout).
      CREATE TABLE login_throttle (
        user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
        failures INTEGER NOT NULL,
        locked_until TEXT
      ) STRICT;
    `);
  },
};
