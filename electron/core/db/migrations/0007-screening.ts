import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Station 5, vulnerability screening: the versions of the traffic-light rules, each screening
 * (a new row per re-screening; the history stays), and two kinds of facts about a screening:
 * an officer's override of its colour (with the reason) and the attention given in response.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'screening',
  up(db) {
    db.exec(`
      CREATE TABLE screening_rule_versions (
        ${REPLICATED_COLUMNS},
        version INTEGER NOT NULL,
        rules TEXT NOT NULL,              -- JSON, electron/core/screening/rules.ts RulesSchema
        note TEXT,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX screening_rule_versions_version ON screening_rule_versions (centre_id, version);

      CREATE TABLE screenings (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT REFERENCES person_arrivals (id),
        sequence INTEGER NOT NULL,        -- 1 for the first screening of the person, 2 for the next…
        instrument TEXT NOT NULL,         -- id@version of the interview used
        rules_version INTEGER NOT NULL,
        answers TEXT NOT NULL,            -- JSON: question id -> answer
        indicators TEXT NOT NULL,         -- JSON array: indicators the answers raised
        level TEXT NOT NULL CHECK (level IN ('red', 'yellow', 'green')),
        reasons TEXT NOT NULL,            -- JSON array: indicators that decided the level
        deadline_at TEXT NOT NULL,
        started_at TEXT,
        screened_by TEXT NOT NULL,
        screened_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX screenings_person ON screenings (person_id, screened_at);
      CREATE INDEX screenings_arrival ON screenings (person_arrival_id);
      CREATE INDEX screenings_date ON screenings (screened_at);

      CREATE TABLE screening_overrides (
        ${REPLICATED_COLUMNS},
        screening_id TEXT NOT NULL REFERENCES screenings (id),
        from_level TEXT NOT NULL CHECK (from_level IN ('red', 'yellow', 'green')),
        to_level TEXT NOT NULL CHECK (to_level IN ('red', 'yellow', 'green')),
        deadline_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX screening_overrides_screening ON screening_overrides (screening_id, decided_at);

      CREATE TABLE screening_attentions (
        ${REPLICATED_COLUMNS},
        screening_id TEXT NOT NULL REFERENCES screenings (id),
        action TEXT NOT NULL,
        attended_by TEXT NOT NULL,
        attended_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX screening_attentions_screening ON screening_attentions (screening_id);
    `);
  },
};
