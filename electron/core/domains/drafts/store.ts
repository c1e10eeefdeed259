import type { Database } from '../../db/driver';

/** The SQL of form drafts: each user's unsent typing, one row per form. */

export interface DraftRow {
  payload: string;
  saved_at: string;
}

export function readDraft(db: Database, userId: string, formKey: string): DraftRow | undefined {
  return db.prepare('SELECT payload, saved_at FROM form_drafts WHERE user_id = ? AND form_key = ?').get(userId, formKey) as DraftRow | undefined;
}

export function writeDraft(db: Database, userId: string, formKey: string, payload: unknown, savedAt: string): void {
  db.prepare(
    `INSERT INTO form_drafts (user_id, form_key, payload, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, form_key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
  ).run(userId, formKey, JSON.stringify(payload), savedAt);
}

/** Forgets every draft saved before `before` (anyone's). */
export function forgetDraftsBefore(db: Database, before: string): void {
  db.prepare('DELETE FROM form_drafts WHERE saved_at < ?').run(before);
}

export function deleteDraft(db: Database, userId: string, formKey: string): void {
  db.prepare('DELETE FROM form_drafts WHERE user_id = ? AND form_key = ?').run(userId, formKey);
}
