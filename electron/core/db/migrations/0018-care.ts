import { REPLICATED_COLUMNS, type Migration } from './types';

/**
 * Station 7, psychosocial and medical care (issue 17). What was said is sealed: `content` and
 * `details` hold AES-256-GCM ciphertext under the centre's care key of the service
 * (electron/core/domains/care/crypto.ts); the care keys exist only sealed to each clinician's
 * public key (care_key_grants) and under the recovery code (care_keys.recovery_wrap); a
 * clinician's private key only under their password (clinician_keys.private_wrap). Who, when,
 * which kind and how long stay in the clear: every role sees that care happened.
 *
 * Also: consent grows by the two care purposes (SQLite cannot change a CHECK, so the table is
 * rebuilt as it was with the wider list), and accounts remember whether their owner chose the
 * password (an admin who set it could otherwise open what is granted to it).
 */
export const migration0018: Migration = {
  version: 18,
  name: 'care',
  up(db) {
    db.exec(`
      -- Medicines are stock like kits (lots, expiry, the ledger); health staff dispense them.
      ALTER TABLE aid_types ADD COLUMN category TEXT NOT NULL DEFAULT 'aid' CHECK (category IN ('aid', 'medicine'));
      ALTER TABLE users ADD COLUMN password_self_set INTEGER NOT NULL DEFAULT 0 CHECK (password_self_set IN (0, 1));

      CREATE TABLE consents_new (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'sharing', 'replication', 'follow_up', 'psychological_care', 'medical_care')),
        institution TEXT NOT NULL DEFAULT '',
        granted INTEGER NOT NULL,
        language TEXT NOT NULL,
        explained_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        notes TEXT
      ) STRICT;
      INSERT INTO consents_new SELECT * FROM consents;
      DROP TABLE consents;
      ALTER TABLE consents_new RENAME TO consents;
      CREATE INDEX consents_person ON consents (person_id, purpose, institution, hlc);

      CREATE TABLE clinician_keys (
        ${REPLICATED_COLUMNS},
        user_id TEXT NOT NULL REFERENCES users (id),
        public_key TEXT NOT NULL,
        private_wrap TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clinician_keys_user ON clinician_keys (user_id) WHERE deleted_at IS NULL;

      CREATE TABLE care_keys (
        ${REPLICATED_COLUMNS},
        service TEXT NOT NULL CHECK (service IN ('psychology', 'medical')),
        recovery_wrap TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE care_key_grants (
        ${REPLICATED_COLUMNS},
        care_key_id TEXT NOT NULL REFERENCES care_keys (id),
        clinician_key_id TEXT NOT NULL REFERENCES clinician_keys (id),
        user_id TEXT NOT NULL REFERENCES users (id),
        sealed TEXT NOT NULL,
        granted_by TEXT NOT NULL,
        granted_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX care_key_grants_user ON care_key_grants (user_id) WHERE deleted_at IS NULL;

      -- One contact, session, triage or attention with one person. A group first aid is one row
      -- per person sharing group_id (the attendance list).
      CREATE TABLE care_records (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        person_arrival_id TEXT REFERENCES person_arrivals (id),
        service TEXT NOT NULL CHECK (service IN ('psychology', 'medical')),
        kind TEXT NOT NULL CHECK (kind IN ('pfa', 'individual', 'family', 'group', 'crisis', 'triage', 'first_aid', 'consultation')),
        group_id TEXT,
        held_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        next_appointment_at TEXT,
        care_key_id TEXT NOT NULL REFERENCES care_keys (id),
        content TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX care_records_person ON care_records (person_id, held_at);
      CREATE INDEX care_records_stay ON care_records (person_arrival_id) WHERE person_arrival_id IS NOT NULL;
      CREATE INDEX care_records_next ON care_records (recorded_by, next_appointment_at) WHERE next_appointment_at IS NOT NULL;
      CREATE INDEX care_records_held ON care_records (held_at);

      -- Suicide risk: the flag every role sees (no details) until a recorded action closes it.
      CREATE TABLE care_risk_flags (
        ${REPLICATED_COLUMNS},
        person_id TEXT NOT NULL REFERENCES persons (id),
        record_id TEXT NOT NULL REFERENCES care_records (id),
        raised_by TEXT NOT NULL,
        raised_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX care_risk_flags_person ON care_risk_flags (person_id);

      CREATE TABLE care_risk_actions (
        ${REPLICATED_COLUMNS},
        flag_id TEXT NOT NULL REFERENCES care_risk_flags (id),
        action TEXT NOT NULL CHECK (action IN ('stayed_with_clinician', 'hospital_transfer', 'safety_plan', 'family_accompaniment', 'mental_health_referral')),
        care_key_id TEXT REFERENCES care_keys (id),
        details TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX care_risk_actions_flag ON care_risk_actions (flag_id);

      -- Facts: what was recorded is never changed here (a person merge may re-point the person).
      CREATE TRIGGER care_records_no_update BEFORE UPDATE OF content, care_key_id, kind, service, held_at, duration_minutes, recorded_by, recorded_at ON care_records
      WHEN NOT EXISTS (SELECT 1 FROM local_meta WHERE key = 'sync_repointing')
      BEGIN SELECT RAISE(ABORT, 'care records are append-only'); END;
      CREATE TRIGGER care_risk_actions_no_update BEFORE UPDATE OF flag_id, action, details, recorded_by, recorded_at ON care_risk_actions
      BEGIN SELECT RAISE(ABORT, 'care risk actions are append-only'); END;
    `);
  },
};
