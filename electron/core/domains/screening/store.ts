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
