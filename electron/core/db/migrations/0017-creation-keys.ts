import type { Migration } from './types';

/**
 * The natural key each record was created with, and which records with that key its desk knew
 * when it created it (electron/core/sync/apply.ts). Two creations of the same key conflict only
 * if neither knew the other: a tag given out again after its bag was returned is not a
 * duplicate, two desks giving the same tag apart are, on every desk and in any order. Filled
 * here from the rows already present (their creators' knowledge is unknown: none).
 */
const NATURAL_KEYS: Record<string, readonly string[]> = {
  aid_types: ['centre_id', 'code'],
  belongings: ['centre_id', 'tag_number'],
  manifest_imports: ['arrival_id', 'file_hash'],
  alert_matches: ['person_id', 'record_id'],
  alert_hold_resolutions: ['match_id'],
  institutions: ['centre_id', 'code'],
  screening_notices: ['screening_id', 'service'],
  settings: ['centre_id', 'key'],
  users: ['centre_id', 'username'],
};

export const migration0017: Migration = {
  version: 17,
  name: 'creation-keys',
  up(db) {
    db.exec(`
      CREATE TABLE creation_keys (
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        key TEXT NOT NULL,
        known TEXT,
        PRIMARY KEY (table_name, row_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX creation_keys_key ON creation_keys (table_name, key);
    `);
    for (const [table, columns] of Object.entries(NATURAL_KEYS)) {
      db.exec(`INSERT OR IGNORE INTO creation_keys (table_name, row_id, key)
        SELECT '${table}', id, json_array(${columns.join(', ')}) FROM ${table} WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')}`);
    }
  },
};
