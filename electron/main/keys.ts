import { safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { encryptDatabase } from '../core/db/encrypt';
import { isPlainDatabase } from '../core/db/open';
import { AppError } from '../core/errors';
import { databaseExists, hostKeys, keyFileFor, newKeys, parseKeys, serializeKeys, type WorkstationKeys } from '../core/keys';

/**
 * The keys of the app's database (core/keys.ts says what they are for), sealed with Electron's
 * safeStorage (DPAPI on Windows, the keychain on macOS, the desktop keyring on Linux) in
 * `<userData>/acogida.keys`: the sealed blob opens only for this OS user on this machine.
 *
 * The host's 0600 key file outside the data folder is used instead when it already exists (the
 * database was made or encrypted by the CLI), and when the OS offers no real protection (Linux
 * without a keyring, where safeStorage falls back to a fixed key: `basic_text`).
 * A database from an Acogida without encryption is encrypted at the first start (db/encrypt.ts).
 */
export function appKeys(databaseFile: string, now: Date): WorkstationKeys {
  if (isPlainDatabase(databaseFile)) encryptDatabase(databaseFile, keyFileFor(databaseFile), now);
  if (fs.existsSync(keyFileFor(databaseFile))) return hostKeys(databaseFile, now);
  const sealed = path.join(path.dirname(databaseFile), 'acogida.keys');
  if (fs.existsSync(sealed)) {
    const keys = safeStorage.isEncryptionAvailable() ? parseKeys(safeStorage.decryptString(fs.readFileSync(sealed))) : null;
    if (!keys) throw new AppError('db.key-unreadable', { keyFile: sealed });
    return keys;
  }
  const protectedByOs =
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!protectedByOs) return hostKeys(databaseFile, now);
  if (databaseExists(databaseFile)) throw new AppError('db.key-missing', { keyFile: sealed, db: databaseFile });
  const keys = newKeys();
  fs.mkdirSync(path.dirname(sealed), { recursive: true, mode: 0o700 });
  fs.writeFileSync(sealed, safeStorage.encryptString(serializeKeys(keys, databaseFile, now.toISOString())), { mode: 0o600, flag: 'wx' });
  return keys;
}
