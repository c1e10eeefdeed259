import type { Database } from '../../db/driver';

/** The SQL of manifest imports: what a file brought, whether it may be undone, and undoing it. */

export interface ImportedRow {
  pa_id: string;
  person_id: string;
  person_rowid: number;
  status: string;
  checked_in_at: string | null;
  registered_at: string | null;
  merged_into: string | null;
}

/** When this same file (by hash) was imported into the arrival, if it was and is not undone. */
export function earlierImportOf(db: Database, arrivalId: string, fileHash: string): string | undefined {
  return db
    .prepare('SELECT imported_at FROM manifest_imports WHERE arrival_id = ? AND file_hash = ? AND undone_at IS NULL AND deleted_at IS NULL ORDER BY imported_at LIMIT 1')
    .pluck()
    .get(arrivalId, fileHash) as string | undefined;
}

/** How many imports of this file into the arrival were undone: a new import of it is the next "generation". */
export function undoneImportsOf(db: Database, arrivalId: string, fileHash: string): number {
  return db.prepare('SELECT count(*) FROM manifest_imports WHERE arrival_id = ? AND file_hash = ? AND undone_at IS NOT NULL').pluck().get(arrivalId, fileHash) as number;
}

/** The people already on an arrival, to tell a file's rows that repeat them. */
export function peopleOnArrival(db: Database, arrivalId: string): { given_names: string; first_surname: string; second_surname: string | null; birth_date: string | null; document_number: string | null }[] {
  return db
    .prepare(
      `SELECT p.given_names, p.first_surname, p.second_surname, p.birth_date, p.document_number FROM person_arrivals pa JOIN persons p ON p.id = pa.person_id
       WHERE pa.arrival_id = ? AND pa.deleted_at IS NULL AND p.deleted_at IS NULL`,
    )
    .all(arrivalId) as { given_names: string; first_surname: string; second_surname: string | null; birth_date: string | null; document_number: string | null }[];
}

/** The stays an import created. */
export function rowsOfImport(db: Database, importId: string): ImportedRow[] {
  return db
    .prepare(
      `SELECT pa.id AS pa_id, pa.person_id, p.rowid AS person_rowid, pa.status, pa.checked_in_at, pa.registered_at, p.merged_into
       FROM person_arrivals pa JOIN persons p ON p.id = pa.person_id WHERE pa.manifest_import_id = ? AND pa.deleted_at IS NULL`,
    )
    .all(importId) as ImportedRow[];
}

/** Whether anything besides being listed was recorded about the person (merges, decided suggestions, screenings, consent, kits, belongings, alerts). */
export function hasOtherRecords(db: Database, personId: string): boolean {
  const any = (sql: string) => db.prepare(sql).get(personId, personId) !== undefined;
  return (
    any('SELECT 1 FROM person_merges WHERE (source_id = ? OR target_id = ?) AND deleted_at IS NULL') ||
    any("SELECT 1 FROM duplicate_suggestions WHERE (person_id = ? OR candidate_id = ?) AND status <> 'open' AND deleted_at IS NULL") ||
    any('SELECT 1 FROM screenings WHERE person_id = ? AND deleted_at IS NULL UNION ALL SELECT 1 FROM consents WHERE person_id = ? AND deleted_at IS NULL') ||
    any('SELECT 1 FROM aid_deliveries WHERE person_id = ? AND deleted_at IS NULL UNION ALL SELECT 1 FROM belongings WHERE person_id = ? AND deleted_at IS NULL') ||
    any('SELECT 1 FROM alert_matches WHERE person_id = ? AND deleted_at IS NULL UNION ALL SELECT 1 FROM alert_checks WHERE person_id = ? AND deleted_at IS NULL')
  );
}

export interface ImportSummaryRow {
  id: string;
  file_name: string;
  imported_at: string;
  imported_by: string;
  row_count: number;
  imported: number;
  undone_at: string | null;
  undo_reason: string | null;
}

/** The files imported into an arrival, newest first, with who imported each. */
export function importsOfArrival(db: Database, arrivalId: string): ImportSummaryRow[] {
  return db
    .prepare(
      `SELECT m.id, m.file_name, m.imported_at, coalesce(u.display_name, m.imported_by) AS imported_by, m.row_count, m.imported, m.undone_at, m.undo_reason
       FROM manifest_imports m LEFT JOIN users u ON u.id = m.imported_by WHERE m.arrival_id = ? AND m.deleted_at IS NULL ORDER BY m.imported_at DESC`,
    )
    .all(arrivalId) as ImportSummaryRow[];
}

export function findImport(db: Database, importId: string): { arrival_id: string; undone_at: string | null } | undefined {
  return db.prepare('SELECT arrival_id, undone_at FROM manifest_imports WHERE id = ? AND deleted_at IS NULL').get(importId) as { arrival_id: string; undone_at: string | null } | undefined;
}

/** Whether the person has any stay left. */
export function hasStays(db: Database, personId: string): boolean {
  return db.prepare('SELECT 1 FROM person_arrivals WHERE person_id = ? AND deleted_at IS NULL').get(personId) !== undefined;
}

/** Suggestions about the person, on either side, not deleted. */
export function suggestionsTouching(db: Database, personId: string): string[] {
  return db.prepare('SELECT id FROM duplicate_suggestions WHERE (person_id = ? OR candidate_id = ?) AND deleted_at IS NULL').pluck().all(personId, personId) as string[];
}

/** Removes a person from the search index and the repeat-returnee keys (local tables, not replicated). */
export function dropSearchEntries(db: Database, personId: string, personRowid: number): void {
  db.prepare('DELETE FROM person_keys WHERE person_id = ?').run(personId);
  db.prepare('DELETE FROM persons_fts WHERE rowid = ?').run(personRowid);
}
