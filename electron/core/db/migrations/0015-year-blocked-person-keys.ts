import type { Migration } from './types';

/**
 * Keys that block on a pair of names AND the birth year (`b:<year>:<pair>`, `b:?:<pair>` when the
 * year is unknown), so repeat-returnee detection reads a few postings even where everyone is a
 * José López: the pair keys alone grow with the whole population. Built here from the pair (p:)
 * and year (y:) keys each person already has, in SQL, so this migration never depends on code
 * that may change later.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'year-blocked-person-keys',
  up(db) {
    db.exec(`
      INSERT OR IGNORE INTO person_keys (key, person_id)
        SELECT 'b:' || substr(y.key, 3) || ':' || substr(p.key, 3), p.person_id
        FROM person_keys p JOIN person_keys y ON y.person_id = p.person_id AND y.key LIKE 'y:%'
        WHERE p.key LIKE 'p:%';
      INSERT OR IGNORE INTO person_keys (key, person_id)
        SELECT 'b:?:' || substr(p.key, 3), p.person_id
        FROM person_keys p
        WHERE p.key LIKE 'p:%'
          AND NOT EXISTS (SELECT 1 FROM person_keys y WHERE y.person_id = p.person_id AND y.key LIKE 'y:%');
    `);
  },
};
