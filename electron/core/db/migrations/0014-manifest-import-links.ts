import type { Migration } from './types';

/**
 * Which manifest import brought each expected person onto an arrival, so an import can be undone
 * (while nobody of it has arrived) without touching anyone else, and when it was undone, by whom, why.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'manifest-import-links',
  up(db) {
    db.exec(`
      ALTER TABLE person_arrivals ADD COLUMN manifest_import_id TEXT REFERENCES manifest_imports (id);
      CREATE INDEX person_arrivals_import ON person_arrivals (manifest_import_id) WHERE manifest_import_id IS NOT NULL;
      ALTER TABLE manifest_imports ADD COLUMN undone_at TEXT;
      ALTER TABLE manifest_imports ADD COLUMN undone_by TEXT;
      ALTER TABLE manifest_imports ADD COLUMN undo_reason TEXT;
    `);
  },
};
