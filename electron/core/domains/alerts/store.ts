import { POLICE_LISTS, PROTECTION_LISTS } from './contract';
import type { AlertMatch } from './contract';
import type { Database } from '../../db/driver';
import { cached } from '../../db/statements';
import { staying } from '../../presence';
import type { PersonRow } from '../persons/store';

/**
 * The SQL of alerts, beginning with what confirmed alerts mean for a person, as plain reads every station may ask (the flow board,
 * departure, screening, the timeline): a protection case, a hold. Never which list or record.
 */

const inList = (lists: readonly string[]) => lists.map((l) => `'${l}'`).join(',');

/** When each confirmed Alba-Keneth or Isabel-Claudina match of a person was decided. */
export function protectionDecisions(db: Database, personId: string): string[] {
  return db
    .prepare(
      `SELECT m.decided_at FROM alert_matches m JOIN alert_records r ON r.id = m.record_id
       WHERE m.person_id = ? AND m.status = 'confirmed' AND m.deleted_at IS NULL
         AND r.list_type IN (${inList(PROTECTION_LISTS)})`,
    )
    .pluck()
    .all(personId) as string[];
}

/** Confirmed warrant or Interpol matches of a person that no hand-over or release has ended yet. */
export function openHolds(db: Database, personId: string): { id: string; decided_at: string }[] {
  return db
    .prepare(
      `SELECT m.id, m.decided_at FROM alert_matches m JOIN alert_records r ON r.id = m.record_id
       WHERE m.person_id = ? AND m.status = 'confirmed' AND m.deleted_at IS NULL AND r.list_type IN (${inList(POLICE_LISTS)})
         AND NOT EXISTS (SELECT 1 FROM alert_hold_resolutions h WHERE h.match_id = m.id AND h.deleted_at IS NULL)
       ORDER BY m.decided_at`,
    )
    .all(personId) as { id: string; decided_at: string }[];
}

/** Whether a person is held for the police: every role sees this, never why. */
export function isOnHold(db: Database, personId: string): boolean {
  return openHolds(db, personId).length > 0;
}


/** When each hold began (the confirmation) and ended (hand-over or release), without details. */
export function holdEvents(db: Database, personId: string): { at: string; kind: 'on-hold' | 'hold-ended' }[] {
  const began = db
    .prepare(
      `SELECT m.decided_at FROM alert_matches m JOIN alert_records r ON r.id = m.record_id
       WHERE m.person_id = ? AND m.status = 'confirmed' AND m.deleted_at IS NULL AND r.list_type IN (${inList(POLICE_LISTS)})`,
    )
    .pluck()
    .all(personId) as string[];
  const ended = db.prepare('SELECT DISTINCT resolved_at FROM alert_hold_resolutions WHERE person_id = ? AND deleted_at IS NULL').pluck().all(personId) as string[];
  return [...began.map((at) => ({ at, kind: 'on-hold' as const })), ...ended.map((at) => ({ at, kind: 'hold-ended' as const }))];
}

/** When a person was checked against the lists, and whether it went to review (never which list). */
export function checksOf(db: Database, personId: string): { created_at: string; trigger: string; flagged: number }[] {
  return db.prepare('SELECT created_at, trigger, flagged FROM alert_checks WHERE person_id = ? AND deleted_at IS NULL').all(personId) as {
    created_at: string;
    trigger: string;
    flagged: number;
  }[];
}

// List records and the blocking keys that find them.

export interface RecordRow {
  rowid: number;
  id: string;
  list_type: AlertMatch['record']['list'];
  reference: string;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  notes: string | null;
  active: number;
}

/** How many candidates a check scores at most: those sharing the most keys. */
const CANDIDATE_LIMIT = 150;


/** The list records in force that share the most blocking keys with `keys`, at most CANDIDATE_LIMIT. */
export function candidateRecords(db: Database, keys: readonly string[]): RecordRow[] {
  // Kept prepared (db/statements.ts): the key list travels as JSON, so the text never changes.
  const hits = cached(
    db,
    `SELECT record FROM alert_keys WHERE key IN (SELECT value FROM json_each(?))
     GROUP BY record ORDER BY count(*) DESC LIMIT ${CANDIDATE_LIMIT}`,
  )
    .pluck()
    .all(JSON.stringify(keys)) as number[];
  if (!hits.length) return [];
  return cached(db, 'SELECT rowid, * FROM alert_records WHERE rowid IN (SELECT value FROM json_each(?)) AND active = 1 AND deleted_at IS NULL').all(
    JSON.stringify(hits),
  ) as RecordRow[];
}

export function insertAlertKeys(db: Database, rowid: number, keys: readonly string[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO alert_keys (key, record) VALUES (?, ?)');
  for (const key of keys) insert.run(key, rowid);
}

export function dropRecordKeys(db: Database, rowid: number): void {
  db.prepare('DELETE FROM alert_keys WHERE record = ?').run(rowid);
}

/** A record by id with its rowid, whatever its state (a change pulled from another desk). */
export function recordById(db: Database, id: string): (RecordRow & { rowid: number; active: number; deleted_at: string | null }) | undefined {
  return db.prepare('SELECT rowid, * FROM alert_records WHERE id = ?').get(id) as (RecordRow & { rowid: number; active: number; deleted_at: string | null }) | undefined;
}

export function activeRecordsOfList(db: Database, list: string): { rowid: number; id: string }[] {
  return db.prepare('SELECT rowid, id FROM alert_records WHERE list_type = ? AND active = 1 AND deleted_at IS NULL').all(list) as { rowid: number; id: string }[];
}

/** Pending questions about records of this list that were retired. */
export function pendingOnRetiredRecords(db: Database, list: string): string[] {
  return db
    .prepare("SELECT m.id FROM alert_matches m JOIN alert_records r ON r.id = m.record_id WHERE r.list_type = ? AND r.active = 0 AND m.status = 'pending'")
    .pluck()
    .all(list) as string[];
}

/** A reader of a record's rowid by id (one prepared statement for an import's loop). */
export function recordRowid(db: Database): (id: string) => number {
  const statement = db.prepare('SELECT rowid FROM alert_records WHERE id = ?').pluck();
  return (id) => statement.get(id) as number;
}

/** Every imported version of every list, newest first, with how many of its records are in force. */
export function listVersions(db: Database): Record<string, string | number>[] {
  return db
    .prepare(
      `SELECT v.id, v.list_type, v.mode, v.source_file, v.row_count, v.imported_at, coalesce(u.display_name, v.imported_by) AS imported_by,
              (SELECT count(*) FROM alert_records r WHERE r.version_id = v.id AND r.active = 1) AS active_records
       FROM alert_list_versions v LEFT JOIN users u ON u.id = v.imported_by WHERE v.deleted_at IS NULL ORDER BY v.hlc DESC`,
    )
    .all() as Record<string, string | number>[];
}

// Possible matches (the alert officer's questions).

const MATCH_SELECT = `
  SELECT m.id, m.score, m.reasons, m.status, m.created_at, m.decided_at, m.decision_reason, u.display_name AS decided_by,
         p.id AS p_id, p.case_number, p.given_names AS p_given, p.first_surname AS p_first, p.second_surname AS p_second,
         p.birth_date AS p_birth, p.sex AS p_sex, p.nationality AS p_nat, p.document_number AS p_doc,
         r.id AS r_id, r.list_type, r.reference, r.given_names AS r_given, r.first_surname AS r_first, r.second_surname AS r_second,
         r.birth_date AS r_birth, r.sex AS r_sex, r.nationality AS r_nat, r.notes, r.active
  FROM alert_matches m JOIN persons p ON p.id = m.person_id JOIN alert_records r ON r.id = m.record_id
  LEFT JOIN users u ON u.id = m.decided_by
  WHERE m.deleted_at IS NULL`;

export function matchOfPair(db: Database, personId: string, recordId: string): { id: string; status: string } | undefined {
  return db.prepare('SELECT id, status FROM alert_matches WHERE person_id = ? AND record_id = ? AND deleted_at IS NULL').get(personId, recordId) as { id: string; status: string } | undefined;
}

export function findMatchRow(db: Database, id: string): Record<string, unknown> | undefined {
  return db.prepare(`${MATCH_SELECT} AND m.id = ?`).get(id) as Record<string, unknown> | undefined;
}

/** Matches by `where` (a status filter and its order, written by the service), at most `limit`. */
export function matchRows(db: Database, where: string, limit: number): Record<string, unknown>[] {
  return db.prepare(`${MATCH_SELECT} ${where} LIMIT ?`).all(limit) as Record<string, unknown>[];
}

/** When the person was last checked, and how many questions about them are pending. */
export function checkSummary(db: Database, personId: string): { last: string | null; pending: number } {
  return db
    .prepare(
      `SELECT (SELECT max(created_at) FROM alert_checks WHERE person_id = @person AND deleted_at IS NULL) AS last,
              (SELECT count(*) FROM alert_matches WHERE person_id = @person AND status = 'pending' AND deleted_at IS NULL) AS pending`,
    )
    .get({ person: personId }) as { last: string | null; pending: number };
}

// Persons to check, and holds.

/** People present at the centre (electron/core/presence.ts) whose arrival is no older than `since`. */
export function personsPresentSince(db: Database, since: string): PersonRow[] {
  return db
    .prepare(
      `SELECT DISTINCT p.rowid, p.* FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id JOIN persons p ON p.id = pa.person_id
       WHERE ${staying()} AND a.arrival_date >= ?
         AND p.merged_into IS NULL AND p.deleted_at IS NULL`,
    )
    .all(since) as PersonRow[];
}

export function arrivalExists(db: Database, arrivalId: string): boolean {
  return db.prepare('SELECT 1 FROM arrivals WHERE id = ? AND deleted_at IS NULL').get(arrivalId) !== undefined;
}

/** The people of an arrival who did not fail to show, merged records left out. */
export function personsOnArrival(db: Database, arrivalId: string): PersonRow[] {
  return db
    .prepare(
      `SELECT p.rowid, p.* FROM person_arrivals pa JOIN persons p ON p.id = pa.person_id
       WHERE pa.arrival_id = ? AND pa.status <> 'no_show' AND pa.deleted_at IS NULL AND p.merged_into IS NULL`,
    )
    .all(arrivalId) as PersonRow[];
}

export interface HoldResolutionRow {
  outcome: 'handover' | 'release';
  institution: string | null;
  received_by: string | null;
  reason: string | null;
  resolved_at: string;
  recorded_by: string;
  held_since: string;
}

/** How the person's holds ended, oldest first, with when each began. */
export function holdResolutions(db: Database, personId: string): HoldResolutionRow[] {
  return db
    .prepare(
      `SELECT h.outcome, h.institution, h.received_by, h.reason, h.resolved_at, coalesce(u.display_name, h.recorded_by) AS recorded_by,
              (SELECT m.decided_at FROM alert_matches m WHERE m.id = h.match_id) AS held_since
       FROM alert_hold_resolutions h LEFT JOIN users u ON u.id = h.recorded_by
       WHERE h.person_id = ? AND h.deleted_at IS NULL ORDER BY h.resolved_at`,
    )
    .all(personId) as HoldResolutionRow[];
}

/** The stay the person is in now (arrived, not left), if any. */
export function currentStay(db: Database, personId: string): string | undefined {
  return db
    .prepare(`SELECT id FROM person_arrivals WHERE person_id = ? AND ${staying('person_arrivals')} ORDER BY checked_in_at DESC LIMIT 1`)
    .pluck()
    .get(personId) as string | undefined;
}
