import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Erasure on request (issue 20): one row per erased person, replicated like any other, so every
 * desk erases the same data (electron/core/domains/erasure). The reason is kept; the erased
 * values are not.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'erasures',
  up(db) {
    db.exec(`
      CREATE TABLE erasures (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        reason TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('request', 'retention')),
        erased_by TEXT NOT NULL,
        erased_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX erasures_person ON erasures (person_id);
    `);
  },
};
