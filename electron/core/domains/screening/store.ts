import type { Database } from '../../db/driver';
import type { Level } from '../../screening/rules';

/** The SQL of screenings: interviews, overrides, attention, notices to psychology, and the rules' versions. */

export interface VersionRow {
  version: number;
  rules: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

const VERSION_SELECT = `SELECT v.version, v.rules, v.note, coalesce(u.display_name, v.created_by) AS created_by, v.created_at
  FROM screening_rule_versions v LEFT JOIN users u ON u.id = v.created_by
  WHERE v.centre_id = ? AND v.deleted_at IS NULL`;

/** Every saved version of the centre's rules, newest first. */
export function ruleVersionRows(db: Database, centreId: string): VersionRow[] {
  return db.prepare(`${VERSION_SELECT} ORDER BY v.version DESC, v.created_at DESC`).all(centreId) as VersionRow[];
}

/** The centre's screenings since `since`, newest first, with what the rules decided then. */
export function screeningsSince(db: Database, centreId: string, since: string): { id: string; sequence: number; screened_at: string; indicators: string; level: Level }[] {
  return db
    .prepare('SELECT id, sequence, screened_at, indicators, level FROM screenings WHERE centre_id = ? AND screened_at >= ? AND deleted_at IS NULL ORDER BY screened_at DESC')
    .all(centreId, since) as { id: string; sequence: number; screened_at: string; indicators: string; level: Level }[];
}

/** The colour each of a person's screenings first had (an override is its own event). */
export function firstLevels(db: Database, personId: string): Map<string, Level> {
  return new Map((db.prepare('SELECT id, level FROM screenings WHERE person_id = ?').all(personId) as { id: string; level: Level }[]).map((r) => [r.id, r.level]));
}

export function overridesOfPerson(db: Database, personId: string): { decided_at: string; from_level: Level; to_level: Level }[] {
  return db
    .prepare('SELECT o.decided_at, o.from_level, o.to_level FROM screening_overrides o JOIN screenings s ON s.id = o.screening_id WHERE s.person_id = ? AND o.deleted_at IS NULL')
    .all(personId) as { decided_at: string; from_level: Level; to_level: Level }[];
}

export interface ScreeningRow {
  id: string;
  person_id: string;
  person_arrival_id: string | null;
  sequence: number;
  instrument: string;
  rules_version: number;
  answers: string;
  indicators: string;
  level: Level;
  reasons: string;
  deadline_at: string;
  started_at: string | null;
  screened_by: string;
  screened_at: string;
}

export function findScreeningRow(db: Database, centreId: string, id: string): ScreeningRow | undefined {
  return db.prepare('SELECT * FROM screenings WHERE id = ? AND centre_id = ? AND deleted_at IS NULL').get(id, centreId) as ScreeningRow | undefined;
}

/** A person's screenings, newest first. */
export function screeningRowsOfPerson(db: Database, personId: string): ScreeningRow[] {
  return db.prepare('SELECT * FROM screenings WHERE person_id = ? AND deleted_at IS NULL ORDER BY screened_at DESC').all(personId) as ScreeningRow[];
}

export function screeningCount(db: Database, personId: string): number {
  return db.prepare('SELECT count(*) FROM screenings WHERE person_id = ? AND deleted_at IS NULL').pluck().get(personId) as number;
}

export function overridesOf(db: Database, screeningId: string): { from_level: Level; to_level: Level; deadline_at: string; reason: string; decided_by: string; decided_at: string }[] {
  return db
    .prepare('SELECT from_level, to_level, deadline_at, reason, decided_by, decided_at FROM screening_overrides WHERE screening_id = ? AND deleted_at IS NULL ORDER BY decided_at')
    .all(screeningId) as { from_level: Level; to_level: Level; deadline_at: string; reason: string; decided_by: string; decided_at: string }[];
}

export function attentionOf(db: Database, screeningId: string): { action: string; attended_by: string; attended_at: string } | undefined {
  return db
    .prepare('SELECT action, attended_by, attended_at FROM screening_attentions WHERE screening_id = ? AND deleted_at IS NULL ORDER BY attended_at LIMIT 1')
    .get(screeningId) as { action: string; attended_by: string; attended_at: string } | undefined;
}

export function psychologyNoticeOf(db: Database, screeningId: string): { notified_by: string; notified_at: string } | undefined {
  return db
    .prepare("SELECT notified_by, notified_at FROM screening_notices WHERE screening_id = ? AND service = 'psychology' AND deleted_at IS NULL")
    .get(screeningId) as { notified_by: string; notified_at: string } | undefined;
}

export function psychologyNoticesSince(db: Database, since: string): { screening_id: string; person_id: string; notified_by: string; notified_at: string }[] {
  return db
    .prepare(
      `SELECT n.screening_id, n.person_id, n.notified_by, n.notified_at FROM screening_notices n
       WHERE n.service = 'psychology' AND n.notified_at >= ? AND n.deleted_at IS NULL ORDER BY n.notified_at DESC`,
    )
    .all(since) as { screening_id: string; person_id: string; notified_by: string; notified_at: string }[];
}

// Summaries: the colour and deadline every role may see (an override and the attention included).

const SUMMARY = `SELECT s.id, s.sequence, s.screened_at, s.level, s.deadline_at,
    (SELECT o.to_level FROM screening_overrides o WHERE o.screening_id = s.id AND o.deleted_at IS NULL ORDER BY o.decided_at DESC LIMIT 1) AS o_level,
    (SELECT o.deadline_at FROM screening_overrides o WHERE o.screening_id = s.id AND o.deleted_at IS NULL ORDER BY o.decided_at DESC LIMIT 1) AS o_deadline,
    (SELECT a.attended_at FROM screening_attentions a WHERE a.screening_id = s.id AND a.deleted_at IS NULL ORDER BY a.attended_at LIMIT 1) AS attended_at
  FROM screenings s WHERE s.deleted_at IS NULL`;

export interface SummaryRow {
  id: string;
  sequence: number;
  screened_at: string;
  level: Level;
  deadline_at: string;
  o_level: Level | null;
  o_deadline: string | null;
  attended_at: string | null;
}

/** The latest screening's summary of a stay or of a person. */
export function latestSummaryRow(db: Database, by: 'person_arrival_id' | 'person_id', id: string): SummaryRow | undefined {
  return db.prepare(`${SUMMARY} AND s.${by} = ? ORDER BY s.screened_at DESC LIMIT 1`).get(id) as SummaryRow | undefined;
}

export function summaryRowsOfPerson(db: Database, personId: string): SummaryRow[] {
  return db.prepare(`${SUMMARY} AND s.person_id = ? ORDER BY s.screened_at DESC`).all(personId) as SummaryRow[];
}

/** Each person's latest screening since `since` whose attention is not recorded yet. */
export function unattendedLatest(db: Database, centreId: string, since: string): SummaryRow[] {
  return db
    .prepare(
      `${SUMMARY} AND s.centre_id = ? AND s.screened_at >= ?
         AND NOT EXISTS (SELECT 1 FROM screening_attentions a WHERE a.screening_id = s.id AND a.deleted_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM screenings n WHERE n.person_id = s.person_id AND n.screened_at > s.screened_at AND n.deleted_at IS NULL)`,
    )
    .all(centreId, since) as SummaryRow[];
}

/** Who, which stay and which reasons, for many screenings in one query. */
export function screeningRefs(db: Database, ids: readonly string[]): { id: string; person_id: string; person_arrival_id: string | null; reasons: string }[] {
  return db.prepare('SELECT id, person_id, person_arrival_id, reasons FROM screenings WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: string;
    person_id: string;
    person_arrival_id: string | null;
    reasons: string;
  }[];
}

