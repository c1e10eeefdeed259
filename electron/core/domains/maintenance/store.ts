import type { Database } from '../../db/driver';

/** This workstation's own notes on its file (local_meta: never replicated). */
export function localNote(db: Database, key: string): string | null {
  return (db.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setLocalNote(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function clearLocalNote(db: Database, key: string): void {
  db.prepare('DELETE FROM local_meta WHERE key = ?').run(key);
}

/** The full integrity check (slow on a big file: run from the schedule or on request). */
export function integrityCheck(db: Database): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}

/** Folds the WAL into the file and lets SQLite refresh the statistics its planner uses. */
export function checkpointAndOptimize(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
}
