import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * The directory of institutions (*mapeo de actores*, docs/spec.md, station 8): who a person can be
 * referred to, and with whom their data may be shared (consent per institution refers to
 * these ids). Seeded at first-run setup from resources/data/institutions.json.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'institutions',
  up(db) {
    db.exec(`
      CREATE TABLE institutions (
        ${REPLICATED_COLUMNS},
        code TEXT NOT NULL,                   -- short name people use: RENAP, SVET, OIM
        name TEXT NOT NULL,
        country TEXT NOT NULL,                -- ISO3, or INT for international bodies
        level TEXT NOT NULL CHECK (level IN ('national', 'local', 'international')),
        services TEXT NOT NULL DEFAULT '[]',  -- JSON array of service codes
        contact TEXT,
        hours TEXT,
        address TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX institutions_code ON institutions (centre_id, code) WHERE deleted_at IS NULL;
    `);
  },
};
