import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Each manifest file imported into an arrival, by the hash of its bytes: the same file twice into
 * one arrival is refused instead of duplicating 135 people.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'manifest-imports',
  up(db) {
    db.exec(`
      CREATE TABLE manifest_imports (
        ${REPLICATED_COLUMNS},
        arrival_id TEXT NOT NULL REFERENCES arrivals (id),
        file_name TEXT NOT NULL,
        file_hash TEXT NOT NULL,          -- sha256 of the file's bytes, hex
        row_count INTEGER NOT NULL,
        imported INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX manifest_imports_arrival ON manifest_imports (arrival_id, file_hash);
    `);
  },
};
