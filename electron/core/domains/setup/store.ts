import { keepLastHlc } from '../../db/outbox';
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

/** This desk continues under a new workstation id (a restore); the previous id stays on its old records. */
export function replaceWorkstationId(db: Database, workstationId: string, restoredFrom: RestoredFrom): void {
  db.prepare("UPDATE local_meta SET value = ? WHERE key = 'workstation_id'").run(workstationId);
  db.prepare("INSERT INTO local_meta (key, value) VALUES ('restored_from', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(restoredFrom));
  // The new id's clock starts after every timestamp the old one issued that this copy knows.
  const newest = db.prepare('SELECT max(hlc) FROM changes').pluck().get() as string | null;
  if (newest) keepLastHlc(db, newest);
}

/** What a restore left on record: from which backup, when, and the workstation id it continued from. */
export interface RestoredFrom {
  backup: string;
  at: string;
  previousWorkstationId: string;
}

export function readRestoredFrom(db: Database): RestoredFrom | null {
  const raw = db.prepare("SELECT value FROM local_meta WHERE key = 'restored_from'").pluck().get() as string | undefined;
  return raw ? (JSON.parse(raw) as RestoredFrom) : null;
}
