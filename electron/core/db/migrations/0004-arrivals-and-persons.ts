import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Stations 1–3: arrivals, persons and their arrivals (expected → arrived), repeat-returnee
 * suggestions and merges, informed consent (append-only), the search index and the keys used
 * to find earlier records of the same person.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'arrivals-and-persons',
  up(db) {
    db.exec(`
      CREATE TABLE arrivals (
        ${REPLICATED_COLUMNS},
        kind TEXT NOT NULL CHECK (kind IN ('flight', 'bus', 'walk_in')),
        route TEXT NOT NULL CHECK (route IN ('air', 'land')),
        origin_country TEXT NOT NULL,
        carrier TEXT,
        reference TEXT,
        arrival_date TEXT NOT NULL,           -- yyyy-mm-dd in the centre's time zone
        scheduled_at TEXT,
        actual_at TEXT,
        point_of_entry TEXT,
        manifest_file TEXT,
        closed_at TEXT
      ) STRICT;
      CREATE INDEX arrivals_date ON arrivals (centre_id, arrival_date) WHERE deleted_at IS NULL;

      CREATE TABLE persons (
        ${REPLICATED_COLUMNS},
        case_number TEXT NOT NULL,
        given_names TEXT NOT NULL,
        first_surname TEXT NOT NULL,
        second_surname TEXT,
        birth_date TEXT,                      -- yyyy, yyyy-mm or yyyy-mm-dd
        sex TEXT CHECK (sex IN ('F', 'M', 'X')),
        gender_identity TEXT,
        nationality TEXT,
        document_type TEXT,
        document_number TEXT,
        origin_country TEXT,
        origin_department TEXT,
        origin_municipality TEXT,
        people TEXT,
        languages TEXT NOT NULL DEFAULT '[]',  -- JSON array of language codes
        interpreter_needed INTEGER NOT NULL DEFAULT 0,
        disabilities TEXT NOT NULL DEFAULT '[]',
        phone TEXT,
        family_contact TEXT,
        years_abroad REAL,
        detention_days INTEGER,
        merged_into TEXT
      ) STRICT;
      CREATE UNIQUE INDEX persons_case ON persons (case_number);
      CREATE INDEX persons_document ON persons (document_number) WHERE document_number IS NOT NULL;

      CREATE TABLE person_arrivals (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        arrival_id TEXT NOT NULL REFERENCES arrivals (id),
        status TEXT NOT NULL CHECK (status IN ('expected', 'arrived', 'no_show')),
        source TEXT NOT NULL CHECK (source IN ('manifest', 'walk_in', 'unlisted')),
        manifest_row INTEGER,
        group_type TEXT NOT NULL DEFAULT 'alone' CHECK (group_type IN ('alone', 'family', 'unaccompanied_minor')),
        family_group TEXT,
        ticket_code TEXT NOT NULL,
        checked_in_at TEXT,
        registered_at TEXT,
        departed_at TEXT,
        certificate_at TEXT
      ) STRICT;
      CREATE INDEX person_arrivals_arrival ON person_arrivals (arrival_id, status);
      CREATE INDEX person_arrivals_person ON person_arrivals (person_id);
      CREATE UNIQUE INDEX person_arrivals_ticket ON person_arrivals (ticket_code);

      CREATE TABLE duplicate_suggestions (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        candidate_id TEXT NOT NULL REFERENCES persons (id),
        score REAL NOT NULL,
        reasons TEXT NOT NULL,                -- JSON array of reason codes
        status TEXT NOT NULL CHECK (status IN ('open', 'linked', 'dismissed')),
        decided_by TEXT,
        decided_at TEXT
      ) STRICT;
      CREATE INDEX duplicate_suggestions_person ON duplicate_suggestions (person_id, status);

      -- A merge moves the arrivals and consents of one record to another; the moved ids are kept
      -- so that undoing it puts everything back.
      CREATE TABLE person_merges (
        ${REPLICATED_COLUMNS},
        source_id TEXT NOT NULL REFERENCES persons (id),
        target_id TEXT NOT NULL REFERENCES persons (id),
        moved TEXT NOT NULL,                  -- JSON {person_arrivals: [...], consents: [...]}
        reason TEXT NOT NULL,
        undone_at TEXT,
        undone_by TEXT
      ) STRICT;

      -- Consent is a history: the newest row for (person, purpose, institution) is in force.
      CREATE TABLE consents (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'sharing', 'replication', 'follow_up')),
        institution TEXT NOT NULL DEFAULT '',
        granted INTEGER NOT NULL,
        language TEXT NOT NULL,
        explained_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        notes TEXT
      ) STRICT;
      CREATE INDEX consents_person ON consents (person_id, purpose, institution, hlc);

      -- Blocking keys to find earlier records of a person without scanning: sound-alike keys of
      -- surnames (s:) and first given name (g:), birth year (y:) and document (d:).
      CREATE TABLE person_keys (
        key TEXT NOT NULL,
        person_id TEXT NOT NULL,
        PRIMARY KEY (key, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_keys_person ON person_keys (person_id);

      -- Accent-insensitive substring search by name, document or case number.
      CREATE VIRTUAL TABLE persons_fts USING fts5(
        name, document, case_number,
        tokenize = 'trigram remove_diacritics 1'
      );

      CREATE TABLE case_counters (
        year INTEGER PRIMARY KEY NOT NULL,
        last INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
