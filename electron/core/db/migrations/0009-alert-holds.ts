import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * A confirmed warrant or Interpol notice holds the person at the centre until an alert officer
 * or the manager records how the hold ended: handed over to the police (who received the person,
 * from which institution, when) or released with a reason. One row per confirmed match it ends:
 * facts, append-only like the stock ledger.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'alert-holds',
  up(db) {
    db.exec(`
      CREATE TABLE alert_hold_resolutions (
        ${REPLICATED_COLUMNS},
        match_id TEXT NOT NULL REFERENCES alert_matches (id),
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT REFERENCES person_arrivals (id),
        outcome TEXT NOT NULL CHECK (outcome IN ('handover', 'release')),
        institution TEXT,                 -- handover: who took the person (PNC, INTERPOL…)
        received_by TEXT,                 -- handover: the officer's name and badge
        reason TEXT,                      -- release: why the hold ends
        resolved_at TEXT NOT NULL,        -- when it happened (may be before it was recorded)
        recorded_by TEXT NOT NULL,
        CHECK (outcome <> 'handover' OR (institution IS NOT NULL AND received_by IS NOT NULL)),
        CHECK (outcome <> 'release' OR reason IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX alert_hold_resolutions_match ON alert_hold_resolutions (match_id) WHERE deleted_at IS NULL;
      CREATE INDEX alert_hold_resolutions_person ON alert_hold_resolutions (person_id);
      CREATE INDEX alert_matches_person ON alert_matches (person_id, status);
      -- Never edited (a tombstone may still be set by replication).
      CREATE TRIGGER alert_hold_resolutions_no_update BEFORE UPDATE OF match_id, person_id, outcome, institution, received_by, reason, resolved_at, recorded_by ON alert_hold_resolutions
      BEGIN SELECT RAISE(ABORT, 'alert_hold_resolutions is append-only'); END;
      CREATE TRIGGER alert_hold_resolutions_no_delete BEFORE DELETE ON alert_hold_resolutions
      BEGIN SELECT RAISE(ABORT, 'alert_hold_resolutions is append-only'); END;
    `);
  },
};
