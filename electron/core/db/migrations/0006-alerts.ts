import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Station 4, alert verification: imported list versions and their records, the blocking keys
 * that find candidates without scanning a list, the possible matches an alert officer reviews
 * (with the decision and its reason) and the record of every check run on a person.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alert_list_versions (
        ${REPLICATED_COLUMNS},
        list_type TEXT NOT NULL CHECK (list_type IN ('interpol', 'alba-keneth', 'isabel-claudina', 'warrant', 'custom')),
        mode TEXT NOT NULL CHECK (mode IN ('replace', 'append')),
        source_file TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE alert_records (
        ${REPLICATED_COLUMNS},
        version_id TEXT NOT NULL REFERENCES alert_list_versions (id),
        list_type TEXT NOT NULL,
        reference TEXT NOT NULL,
        given_names TEXT NOT NULL,
        first_surname TEXT NOT NULL,
        second_surname TEXT,
        birth_date TEXT,
        sex TEXT,
        nationality TEXT,
        notes TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))  -- 0 once a newer version replaces it
      ) STRICT;
      CREATE INDEX alert_records_list ON alert_records (list_type, active);

      -- Blocking keys (local, rebuilt from alert_records): name pairs and name+birth year.
      CREATE TABLE alert_keys (
        key TEXT NOT NULL,
        record INTEGER NOT NULL,          -- alert_records.rowid
        PRIMARY KEY (key, record)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE alert_matches (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        record_id TEXT NOT NULL REFERENCES alert_records (id),
        score REAL NOT NULL,
        reasons TEXT NOT NULL,            -- JSON array of reason codes
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'dismissed', 'superseded')),
        decided_by TEXT,
        decided_at TEXT,
        decision_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX alert_matches_pair ON alert_matches (person_id, record_id) WHERE deleted_at IS NULL;
      CREATE INDEX alert_matches_status ON alert_matches (status, created_at);

      -- Every check run on a person (registration, check-in, batch, new list version): a fact.
      CREATE TABLE alert_checks (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        trigger TEXT NOT NULL CHECK (trigger IN ('registration', 'check-in', 'batch', 'list-import')),
        candidates INTEGER NOT NULL,
        flagged INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX alert_checks_person ON alert_checks (person_id);
    `);
  },
};
