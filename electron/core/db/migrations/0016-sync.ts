import type { Migration } from './types';

/**
 * What a workstation keeps to converge with the other desks of its centre (electron/core/sync):
 *
 * - `field_versions`: the HLC of the last write of each field of a row that was edited after it
 *   was created (a field never edited has the version "", older than any write). Per-field
 *   last-writer-wins compares an incoming edit with this, never with the wall clock.
 * - `changes.base`: for an edit, the versions of its fields this desk had when it made it. A desk
 *   that receives the edit and holds another version of a field knows the two were made apart:
 *   a conflict, kept in `sync_conflicts` whichever wins.
 * - `key_aliases`: a record created on two desks with the same natural key (a kit type code)
 *   keeps the smaller id; the other is a tombstone and references to it are re-pointed.
 * - `sync_quarantine`: changes pulled from upstream that failed validation (kept, not applied).
 * - The append-only guards of the stock ledger and the hold resolutions let one thing through:
 *   re-pointing a reference from a record that lost its natural key to the one that kept it,
 *   which electron/core/sync/apply.ts does with `sync_repointing` set for that statement only.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE field_versions (
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (table_name, row_id, field)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE changes ADD COLUMN base TEXT;

      CREATE TABLE key_aliases (
        table_name TEXT NOT NULL,
        loser_id TEXT NOT NULL,
        winner_id TEXT NOT NULL,
        PRIMARY KEY (table_name, loser_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        kept_value TEXT,
        lost_value TEXT,
        kept_hlc TEXT NOT NULL,
        lost_hlc TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        UNIQUE (table_name, row_id, field, lost_hlc)
      ) STRICT;

      CREATE TABLE sync_quarantine (
        seq INTEGER PRIMARY KEY NOT NULL,
        change_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        payload TEXT NOT NULL,
        quarantined_at TEXT NOT NULL
      ) STRICT;

      DROP TRIGGER stock_movements_no_update;
      CREATE TRIGGER stock_movements_no_update BEFORE UPDATE OF quantity, lot_id, type_id ON stock_movements
      WHEN NOT EXISTS (SELECT 1 FROM local_meta WHERE key = 'sync_repointing')
      BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;

      DROP TRIGGER alert_hold_resolutions_no_update;
      CREATE TRIGGER alert_hold_resolutions_no_update BEFORE UPDATE OF match_id, person_id, outcome, institution, received_by, reason, resolved_at, recorded_by ON alert_hold_resolutions
      WHEN NOT EXISTS (SELECT 1 FROM local_meta WHERE key = 'sync_repointing')
      BEGIN SELECT RAISE(ABORT, 'alert_hold_resolutions is append-only'); END;
    `);
  },
};
