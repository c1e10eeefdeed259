import { REPLICATED_COLUMNS, type Migration } from './types';

/** The centre, this workstation, local key/value state and the replication outbox. */
export const migration0001: Migration = {
  version: 1,
  name: 'identity-and-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE centres (
        ${REPLICATED_COLUMNS},
        name TEXT NOT NULL,
        country TEXT NOT NULL,
        time_zone TEXT NOT NULL
      ) STRICT;

      CREATE TABLE workstations (
        ${REPLICATED_COLUMNS},
        name TEXT NOT NULL
      ) STRICT;

      -- State of this installation only; never replicated.
      CREATE TABLE local_meta (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      -- Outbox: one row per write to a replicable table, in the same transaction.
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        centre_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        hlc TEXT NOT NULL,
        origin TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        pushed_at TEXT
      ) STRICT;
      CREATE INDEX changes_unpushed ON changes (seq) WHERE pushed_at IS NULL;
      CREATE INDEX changes_hlc ON changes (hlc);
      CREATE INDEX changes_row ON changes (table_name, row_id);
    `);
  },
};
