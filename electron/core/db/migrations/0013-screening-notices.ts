import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * "Avisar a psicología": the interviewer tells psychology about a screening whose answers call for
 * it (thoughts of self-harm, great distress). A fact, once per screening; the psychologists' list
 * until the care station (issue 17) takes these as its queue entries.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'screening-notices',
  up(db) {
    db.exec(`
      CREATE TABLE screening_notices (
        ${REPLICATED_COLUMNS},
        screening_id TEXT NOT NULL REFERENCES screenings (id),
        person_id TEXT NOT NULL REFERENCES persons (id),
        service TEXT NOT NULL CHECK (service IN ('psychology')),
        notified_by TEXT NOT NULL,
        notified_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX screening_notices_once ON screening_notices (screening_id, service) WHERE deleted_at IS NULL;
      CREATE INDEX screening_notices_at ON screening_notices (service, notified_at);
    `);
  },
};
