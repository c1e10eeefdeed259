import { AppError } from '../errors';
import { openDriver, type Database } from './driver';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export class DatabaseTooNewError extends AppError {
  constructor(found: number, supported: number) {
    super('db.newer-version', { found, supported });
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Opens (creating if needed) a workstation database with the pragmas a record store needs:
 * WAL for concurrent readers, synchronous=FULL so a committed record survives a power cut.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Database {
  const db = openDriver(file, { readonly: options.readonly ?? false });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MiB of pages: lists and the person index stay hot
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every pending migration in ONE transaction; a database from a newer app is refused. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

export { LATEST_VERSION };
