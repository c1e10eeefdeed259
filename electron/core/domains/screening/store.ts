import type { Database } from '../../db/driver';
import type { Level } from '../../screening/rules';

/** The SQL of screenings (moving here file by file: the rules' versions first). */

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
