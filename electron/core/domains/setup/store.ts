import type { Database } from '../../db/driver';

/** The SQL of this workstation's identity: which centre it belongs to and what it is called. */

export interface CentreRow {
  id: string;
  name: string;
  country: string;
  timeZone: string;
}

export function readCentre(db: Database, centreId: string): CentreRow {
  return db.prepare('SELECT id, name, country, time_zone AS timeZone FROM centres WHERE id = ?').get(centreId) as CentreRow;
}

/** Whether any account here has a password (a joined desk has none until the centre's arrive). */
export function anyoneCanSignIn(db: Database): boolean {
  return db.prepare('SELECT 1 FROM users WHERE password_hash IS NOT NULL AND deleted_at IS NULL LIMIT 1').get() !== undefined;
}

export function workstationName(db: Database, workstationId: string): string {
  return db.prepare('SELECT name FROM workstations WHERE id = ?').pluck().get(workstationId) as string;
}

/** Records, on this workstation only (never replicated), which centre and workstation it is. */
export function writeIdentity(db: Database, centreId: string, workstationId: string): void {
  db.prepare("INSERT INTO local_meta (key, value) VALUES ('centre_id', ?), ('workstation_id', ?)").run(centreId, workstationId);
}
