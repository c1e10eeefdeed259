import type { Database } from '../../db/driver';

export interface ConflictRow {
  id: number;
  table_name: string;
  row_id: string;
  field: string;
  kept_value: string | null;
  lost_value: string | null;
  kept_hlc: string;
  lost_hlc: string;
  detected_at: string;
}

export function conflictCount(db: Database): number {
  return db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get() as number;
}

export function recentConflicts(db: Database, limit: number): ConflictRow[] {
  return db.prepare('SELECT * FROM sync_conflicts ORDER BY id DESC LIMIT ?').all(limit) as ConflictRow[];
}

export interface QuarantineRow {
  seq: number;
  table_name: string;
  row_id: string;
  reason: string;
  quarantined_at: string;
}

export function quarantined(db: Database): QuarantineRow[] {
  return db.prepare('SELECT seq, table_name, row_id, reason, quarantined_at FROM sync_quarantine ORDER BY seq LIMIT 500').all() as QuarantineRow[];
}

export function workstationName(db: Database, id: string): string | undefined {
  return db.prepare('SELECT name FROM workstations WHERE id = ?').pluck().get(id) as string | undefined;
}

export function syncCursor(db: Database): number {
  return Number(db.prepare("SELECT value FROM local_meta WHERE key = 'sync_cursor'").pluck().get() ?? 0);
}
