import type { Database } from '../driver';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Columns every replicable row carries (docs/architecture.md, "The database"). `hlc` orders
 * concurrent edits across workstations; `deleted_at` is a tombstone, never a hard delete.
 */
export const REPLICATED_COLUMNS = `
  id TEXT PRIMARY KEY NOT NULL,
  centre_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  origin TEXT NOT NULL,
  deleted_at TEXT`;
