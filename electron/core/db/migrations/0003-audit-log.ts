import type { Migration } from './types';

/**
 * Append-only, hash-chained audit log. The triggers stop ordinary UPDATE/DELETE; the chain
 * (each row carries the hash of the previous) makes any edit made around them detectable.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        centre_id TEXT,
        workstation_id TEXT,
        user_id TEXT,
        username TEXT NOT NULL,
        roles TEXT NOT NULL,             -- JSON array
        method TEXT NOT NULL,
        record_ids TEXT NOT NULL,        -- JSON array
        outcome TEXT NOT NULL,           -- 'ok' or an error code
        sensitive INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_at ON audit_log (at);
      CREATE INDEX audit_user ON audit_log (username, at);
      CREATE INDEX audit_method ON audit_log (method, at);

      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
