import type { Database } from '../../db/driver';
import { reindexPersonById } from '../persons/store';
import { ERASURE_RULES, scrubValue, type ErasureRule } from './spec';

/**
 * The SQL of erasure: find a person's rows by the rules of spec.ts, overwrite the columns the
 * rules name, in the rows and in every outbox payload that carries them, and drop
 * the person's search keys and any form draft naming them. Run where the erasure is recorded
 * and again on every desk that receives it (sync/derived.ts); idempotent.
 */

function rowIds(db: Database, rule: ErasureRule, personId: string): string[] {
  const via = rule.via;
  if (via.kind === 'self') return db.prepare('SELECT id FROM persons WHERE id = ?').pluck().all(personId) as string[];
  if (via.kind === 'person') return db.prepare(`SELECT id FROM ${rule.table} WHERE person_id = ?`).pluck().all(personId) as string[];
  return db.prepare(`SELECT c.id FROM ${rule.table} c JOIN ${via.parent} p ON p.id = c.${via.column} WHERE p.person_id = ?`).pluck().all(personId) as string[];
}

/** Overwrites the rule's columns in its rows and in the outbox changes of those rows; returns the rows touched. */
function scrubRule(db: Database, rule: ErasureRule, ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  const sets = Object.entries(rule.columns).map(([col, scrub]) => `${col} = ${scrubValue(scrub, col)}`).join(', ');
  db.prepare(`UPDATE ${rule.table} SET ${sets} WHERE id IN (SELECT value FROM json_each(?))`).run(list);
  // The same columns inside every change that carries them (json_replace leaves absent keys
  // absent; `base` holds field versions, not values, and is left alone).
  const inJson = (doc: string) =>
    Object.entries(rule.columns).reduce((expr, [col, scrub]) => `json_replace(${expr}, '$.${col}', ${scrub === 'year' ? `substr(json_extract(${doc}, '$.${col}'), 1, 4)` : scrubValue(scrub, col)})`, doc);
  db.prepare(`UPDATE changes SET payload = ${inJson('payload')} WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))`).run(rule.table, list);
  return ids.length;
}

/** Merges the text index's segments, so that no segment keeps the words of erased names. */
export function mergeTextIndex(db: Database): void {
  db.prepare("INSERT INTO persons_fts (persons_fts) VALUES ('optimize')").run();
}

/**
 * Erases one person's personal data on this desk; returns how many rows were overwritten. The
 * text index is merged too, unless the caller erases several and merges once at the end.
 */
export function scrubPerson(db: Database, personId: string, options: { mergeIndex?: boolean } = {}): number {
  let rows = 0;
  for (const rule of ERASURE_RULES) rows += scrubRule(db, rule, rowIds(db, rule, personId));
  // The search keys and the text index are rebuilt from the erased row; the text index is merged
  // so that no segment keeps the old words (FTS5 otherwise keeps them until a later merge).
  reindexPersonById(db, personId);
  if (options.mergeIndex !== false) mergeTextIndex(db);
  db.prepare('DELETE FROM form_drafts WHERE instr(payload, ?) > 0').run(personId);
  return rows;
}

export function erasureOf(db: Database, personId: string): { id: string; reason: string; kind: string; erased_by: string; erased_at: string } | undefined {
  return db.prepare('SELECT id, reason, kind, erased_by, erased_at FROM erasures WHERE person_id = ? AND deleted_at IS NULL ORDER BY erased_at LIMIT 1').get(personId) as
    | { id: string; reason: string; kind: string; erased_by: string; erased_at: string }
    | undefined;
}

/** Of the rows of `table` with these ids, the persons they belong to that are erased. */
export function erasedPersonsOf(db: Database, table: string, ids: readonly string[]): string[] {
  const rule = ERASURE_RULES.find((r) => r.table === table);
  if (!rule || ids.length === 0) return [];
  const list = JSON.stringify(ids);
  const persons =
    rule.via.kind === 'self'
      ? (ids as string[])
      : rule.via.kind === 'person'
        ? (db.prepare(`SELECT DISTINCT person_id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(list) as string[])
        : (db.prepare(`SELECT DISTINCT p.person_id FROM ${table} c JOIN ${rule.via.parent} p ON p.id = c.${rule.via.column} WHERE c.id IN (SELECT value FROM json_each(?))`).pluck().all(list) as string[]);
  if (persons.length === 0) return [];
  return db.prepare('SELECT DISTINCT person_id FROM erasures WHERE deleted_at IS NULL AND person_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(persons)) as string[];
}

export function personIdsOfErasures(db: Database, ids: readonly string[]): string[] {
  return db.prepare('SELECT DISTINCT person_id FROM erasures WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
}

export function personExists(db: Database, personId: string): boolean {
  return db.prepare('SELECT 1 FROM persons WHERE id = ? AND deleted_at IS NULL').get(personId) !== undefined;
}

/** Persons whose case was closed before `before` (retention), not erased yet. */
export function closedCasesBefore(db: Database, before: string): string[] {
  return db
    .prepare(
      `SELECT c.person_id FROM case_closures c
       WHERE c.action = 'closed' AND c.recorded_at < ? AND c.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM case_closures l WHERE l.person_id = c.person_id AND l.recorded_at > c.recorded_at AND l.deleted_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.person_id = c.person_id AND e.deleted_at IS NULL)
       GROUP BY c.person_id`,
    )
    .pluck()
    .all(before) as string[];
}

/**
 * Where this desk's outbox stands before a call, when any person's data were ever erased here
 * (what the call writes comes after it); null otherwise, the common case: one cheap query per call.
 */
export function outboxMarkIfErasures(db: Database): number | null {
  if (db.prepare('SELECT 1 FROM erasures WHERE deleted_at IS NULL LIMIT 1').get() === undefined) return null;
  return db.prepare('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number;
}

/**
 * After a call on this desk: a row it wrote about a person whose data were already erased (a
 * follow-up note typed on the erased case file) is erased at once — its outbox payload too — as
 * sync/derived.ts erases one that arrives from another desk. `sinceSeq` from outboxMarkIfErasures.
 */
export function scrubWritesAboutErased(db: Database, sinceSeq: number): void {
  const written = db.prepare('SELECT table_name, row_id FROM changes WHERE seq > ?').all(sinceSeq) as { table_name: string; row_id: string }[];
  const byTable = new Map<string, string[]>();
  for (const w of written) byTable.set(w.table_name, [...(byTable.get(w.table_name) ?? []), w.row_id]);
  const erased = new Set<string>();
  for (const [table, ids] of byTable) for (const person of erasedPersonsOf(db, table, ids)) erased.add(person);
  for (const person of erased) scrubPerson(db, person, { mergeIndex: false });
  if (erased.size > 0) mergeTextIndex(db);
}

/**
 * After an erasure commits: the write-ahead log still holds the pages as they were before it (and
 * the database file too, until a checkpoint copies the new ones over). A TRUNCATE checkpoint
 * copies them now and empties the log, so the erased values are gone from both files at once
 * rather than at the daily checkpoint. secure_delete (db/open.ts) has already zeroed what the
 * erasure freed.
 */
export function foldWal(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
