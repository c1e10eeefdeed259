import fs from 'node:fs';
import path from 'node:path';
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

/** The first 16 bytes of every unencrypted SQLite file; an encrypted one starts with random bytes. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file is an unencrypted SQLite database (an older Acogida's, or a copy made by hand). */
export function isPlainDatabase(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(PLAIN_HEADER);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Applies the SQLCipher-compatible scheme and the raw 256-bit key (no passphrase: the key is
 * random, so a slow key derivation would add nothing but 200 ms to every open). Outside tools
 * open the file with `PRAGMA cipher='sqlcipher'; PRAGMA legacy=4; PRAGMA key="x'<hex>'"`.
 */
export function applyKey(db: Database, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

/** The folder a new database goes in: created 0700 (an existing folder is left as its owner set it). */
export function ensureDataFolder(file: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder)) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/**
 * Creates the database file 0600 before SQLite opens it: SQLite gives its WAL, shared-memory and
 * journal files the database file's permissions, so they are 0600 too.
 */
function createPrivateFile(file: string): void {
  if (fs.existsSync(file)) return;
  fs.closeSync(fs.openSync(file, 'a', 0o600));
}

export interface OpenOptions {
  /** The database key (keys.ts). */
  key: Buffer;
  readonly?: boolean;
  /** Run pending migrations (default: yes, unless read-only). */
  migrate?: boolean;
}

/**
 * Opens (creating if needed) an encrypted workstation database with the pragmas a record store
 * needs: WAL for concurrent readers, synchronous=FULL so a committed record survives a power cut,
 * secure_delete so a deleted value (a draft, a pruned outbox entry) is overwritten, not left in a
 * free page. A plain (unencrypted) file is refused with the command that encrypts it; a wrong key
 * is said as such, never papered over.
 */
export function openDatabase(file: string, options: OpenOptions): Database {
  const readonly = options.readonly ?? false;
  if (isPlainDatabase(file)) throw new AppError('db.not-encrypted', { db: path.resolve(file) });
  if (!readonly) {
    ensureDataFolder(file);
    createPrivateFile(file);
  }
  const db = openDriver(file, { readonly });
  try {
    applyKey(db, options.key);
    try {
      db.pragma('user_version', { simple: true });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('db.key-wrong', { db: path.resolve(file) });
      throw error;
    }
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('secure_delete = ON');
    db.pragma('cache_size = -65536'); // 64 MiB of pages: lists and the person index stay hot
    if (!readonly && options.migrate !== false) migrate(db);
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
