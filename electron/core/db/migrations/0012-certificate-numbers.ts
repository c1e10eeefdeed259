import type { Migration } from './types';

/**
 * The returnee certificate (constancia) is issued once, with a number; a re-print is a copy of
 * that one. The number is unique across workstations like the case number ("C-2026-7K3F-00042").
 */
export const migration0012: Migration = {
  version: 12,
  name: 'certificate-numbers',
  up(db) {
    db.exec(`
      ALTER TABLE person_arrivals ADD COLUMN certificate_number TEXT;
      CREATE UNIQUE INDEX person_arrivals_certificate ON person_arrivals (certificate_number) WHERE certificate_number IS NOT NULL;
      -- Local, like case_counters: the workstation code in the number keeps it unique upstream.
      CREATE TABLE certificate_counters (
        year INTEGER PRIMARY KEY NOT NULL,
        last INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
