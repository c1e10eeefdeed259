import type { Migration } from './types';

/**
 * Drafts of forms being filled in (a registration, an interview), so the idle lock, a user switch
 * or a reload never loses typed work. Local to this workstation (never replicated) and readable
 * only by the user who typed them: the core answers drafts.* with the caller's own rows only.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'form-drafts',
  up(db) {
    db.exec(`
      CREATE TABLE form_drafts (
        user_id TEXT NOT NULL REFERENCES users (id),
        form_key TEXT NOT NULL,
        payload TEXT NOT NULL,            -- JSON of the form's values
        saved_at TEXT NOT NULL,
        PRIMARY KEY (user_id, form_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX form_drafts_saved ON form_drafts (saved_at);
    `);
  },
};
