import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Station 8, referral (issue 18): what the person says they need, the referrals made to the
 * directory's institutions with each step of their life, and the proposals someone dismissed
 * (with the reason, so the same rule does not propose them again on that stay).
 */
export const migration0019: Migration = {
  version: 19,
  name: 'referrals',
  up(db) {
    db.exec(`
      -- The directory grows by offices: an office of an institution (office_of: its code, e.g. a
      -- RENAP delegation) and the departments it covers (coverage: JSON names as in places.json;
      -- empty = the whole country). A route names the institution; the office that covers the
      -- person's destination is proposed.
      ALTER TABLE institutions ADD COLUMN office_of TEXT;
      ALTER TABLE institutions ADD COLUMN coverage TEXT NOT NULL DEFAULT '[]';

      -- Needs the person expressed (necesidades expresadas), per stay; the newest list is in force.
      CREATE TABLE person_needs (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT REFERENCES person_arrivals (id),
        needs TEXT NOT NULL,              -- JSON array of need ids (electron/core/referrals/routes.ts)
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_needs_person ON person_needs (person_id, recorded_at);

      CREATE TABLE referrals (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT REFERENCES person_arrivals (id),
        institution_id TEXT NOT NULL REFERENCES institutions (id),
        service TEXT NOT NULL,
        priority TEXT NOT NULL CHECK (priority IN ('high', 'normal')),
        deadline_at TEXT NOT NULL,        -- by when it must be sent
        status TEXT NOT NULL CHECK (status IN ('created', 'sent', 'received', 'attended', 'closed', 'rejected', 'cancelled')),
        rule TEXT,                        -- the route that proposed it; NULL when made by hand
        parent_id TEXT REFERENCES referrals (id),
        transport TEXT,                   -- how the person is taken, when transport was arranged
        -- A birth abroad registered: whether the civil registry required an apostilled birth
        -- certificate or dispensed with it (source document, section 3.6).
        apostille TEXT CHECK (apostille IN ('required', 'dispensed')),
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referrals_person ON referrals (person_id);
      CREATE INDEX referrals_status ON referrals (status, deadline_at);
      CREATE INDEX referrals_institution ON referrals (institution_id, status);

      -- Each step: who, when, a note; the institution's answer (contrarreferencia) on received/attended.
      CREATE TABLE referral_events (
        ${REPLICATED_COLUMNS},
        referral_id TEXT NOT NULL REFERENCES referrals (id),
        status TEXT NOT NULL,
        note TEXT,
        direct INTEGER NOT NULL DEFAULT 0 CHECK (direct IN (0, 1)),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referral_events_referral ON referral_events (referral_id, recorded_at);

      CREATE TABLE referral_dismissals (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT REFERENCES person_arrivals (id),
        institution_code TEXT NOT NULL,
        service TEXT NOT NULL,
        rule TEXT NOT NULL,
        reason TEXT NOT NULL,
        dismissed_by TEXT NOT NULL,
        dismissed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referral_dismissals_person ON referral_dismissals (person_id);

      -- Follow-up after departure (seguimiento): each contact tried, its outcome, the next date.
      CREATE TABLE follow_ups (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        referral_id TEXT REFERENCES referrals (id),
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'message')),
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'not_reached')),
        note TEXT,
        next_at TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX follow_ups_person ON follow_ups (person_id, recorded_at);
      CREATE INDEX follow_ups_next ON follow_ups (next_at) WHERE next_at IS NOT NULL;

      -- The case concluded (needs met) or reopened (new needs): the newest row says which.
      CREATE TABLE case_closures (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        action TEXT NOT NULL CHECK (action IN ('closed', 'reopened')),
        reason TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_closures_person ON case_closures (person_id, recorded_at);

      -- The referral routes in force: the shipped document stands as version 1 until an admin
      -- saves version 2 (like the screening rules).
      CREATE TABLE referral_route_versions (
        ${REPLICATED_COLUMNS},
        version INTEGER NOT NULL,
        routes TEXT NOT NULL,             -- JSON, electron/core/referrals/routes.ts RoutesDocument
        note TEXT,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referral_route_versions_version ON referral_route_versions (centre_id, version);

      CREATE TRIGGER referral_events_no_update BEFORE UPDATE OF referral_id, status, note, direct, recorded_by, recorded_at ON referral_events
      BEGIN SELECT RAISE(ABORT, 'referral events are append-only'); END;
    `);
  },
};
