import type { Database } from '../../db/driver';

/** The SQL of re-keying names: reading the names of persons and list records, and what the keys were built with. */

export interface NamesRow {
  rowid: number;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
}

/**
 * Every (not deleted) person's or list record's names, streamed (a million persons need not sit in
 * memory). Finish the loop before writing: better-sqlite3 cannot write while a read is open.
 */
export function namesOf(db: Database, table: 'persons' | 'alert_records'): Iterable<NamesRow> {
  return db.prepare(`SELECT rowid, given_names, first_surname, second_surname FROM ${table} WHERE deleted_at IS NULL`).iterate() as Iterable<NamesRow>;
}

/** A loader of whole rows of `table` by rowid (one prepared statement for the loop). */
export function rowByRowid(db: Database, table: 'persons' | 'alert_records'): (rowid: number) => unknown {
  const statement = db.prepare(`SELECT rowid, * FROM ${table} WHERE rowid = ?`);
  return (rowid) => statement.get(rowid);
}

/** A value this workstation keeps for itself (never replicated). */
export function readLocalMeta(db: Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function writeLocalMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
