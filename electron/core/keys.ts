import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isPlainDatabase } from './db/open';
import { AppError } from './errors';
import { keysDir } from './paths';

/**
 * The two secrets of one workstation database, neither of them stored in it:
 * - `database`: the 256-bit SQLCipher key of the whole file (and its WAL and journal);
 * - `audit`: the HMAC key of the audit chain and of its head file, so that someone holding the
 *   file can neither read it nor rewrite the log and recompute the hashes.
 *
 * In Electron both come from `safeStorage` (electron/main/keys.ts); the loopback host and the CLI
 * keep them in a 0600 key file outside the data folder (this module).
 */
export interface WorkstationKeys {
  database: Buffer;
  audit: Buffer;
}

const Key32 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/)
  .transform((v) => Buffer.from(v, 'base64'));

const KeyFileSchema = z.strictObject({
  format: z.literal('acogida-keys/1'),
  database: Key32,
  audit: Key32,
  createdAt: z.string(),
  /** Where the database was when its key was made: a hint for whoever finds the file alone. */
  databaseFile: z.string(),
});

export function newKeys(): WorkstationKeys {
  return { database: randomBytes(32), audit: randomBytes(32) };
}

/** The keys as text (the key file, or the blob Electron's safeStorage encrypts). */
export function serializeKeys(keys: WorkstationKeys, databaseFile: string, createdAt: string): string {
  return `${JSON.stringify(
    { format: 'acogida-keys/1', database: keys.database.toString('base64'), audit: keys.audit.toString('base64'), createdAt, databaseFile },
    null,
    2,
  )}\n`;
}

export function parseKeys(text: string): WorkstationKeys | null {
  try {
    const parsed = KeyFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { database: parsed.data.database, audit: parsed.data.audit } : null;
  } catch {
    return null;
  }
}

/**
 * The key file of a database for the host and the CLI: ACOGIDA_KEY_FILE when set, otherwise one
 * file per database path in the keys folder (paths.ts `keysDir`), named after the database and a
 * hash of its absolute path so two databases never share a key by accident.
 */
export function keyFileFor(databaseFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const named = env.ACOGIDA_KEY_FILE?.trim();
  if (named) return path.resolve(named);
  const absolute = path.resolve(databaseFile);
  const stem = path.basename(absolute).replace(/[^\w.-]/g, '_').slice(0, 60);
  const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  return path.join(keysDir(env), `${stem}-${hash}.key`);
}

/** Whether a file holds a database (anything written to it at all). */
export function databaseExists(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * The keys of a database for the host and the CLI. An existing key file is read (refused when
 * others can read it); a missing one is created only for a database that does not exist yet.
 * A database without its key is never replaced by a new empty one: the error says where the
 * key was looked for and what a lost key means.
 */
export function hostKeys(databaseFile: string, now: Date, options: { keyFile?: string } = {}): WorkstationKeys {
  const keyFile = path.resolve(options.keyFile ?? keyFileFor(databaseFile));
  const dataFolder = path.dirname(path.resolve(databaseFile));
  if (keyFile.startsWith(dataFolder + path.sep))
    throw new AppError('db.key-inside-data-folder', { keyFile, folder: dataFolder });
  // An unencrypted file needs `acogida db encrypt`, not a key: say that first.
  if (isPlainDatabase(databaseFile)) throw new AppError('db.not-encrypted', { db: path.resolve(databaseFile) });
  if (fs.existsSync(keyFile)) return readKeyFile(keyFile);
  if (databaseExists(databaseFile)) throw new AppError('db.key-missing', { keyFile, db: path.resolve(databaseFile) });
  return createKeyFile(keyFile, databaseFile, now.toISOString());
}

export function readKeyFile(keyFile: string): WorkstationKeys {
  if (process.platform !== 'win32') {
    const mode = fs.statSync(keyFile).mode & 0o777;
    if (mode & 0o077) throw new AppError('db.key-exposed', { keyFile, mode: mode.toString(8) });
  }
  const keys = parseKeys(fs.readFileSync(keyFile, 'utf8'));
  if (!keys) throw new AppError('db.key-unreadable', { keyFile });
  return keys;
}

/** Writes a new key file: folder 0700, file 0600, never over an existing one, synced to disk. */
export function createKeyFile(keyFile: string, databaseFile: string, createdAt: string, keys: WorkstationKeys = newKeys()): WorkstationKeys {
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(keyFile, 'wx', 0o600);
  try {
    fs.writeSync(fd, serializeKeys(keys, path.resolve(databaseFile), createdAt));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return keys;
}
