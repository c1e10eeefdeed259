/**
 * The one place that names the SQLite driver: better-sqlite3-multiple-ciphers, better-sqlite3's
 * API over SQLite3 Multiple Ciphers, so the whole file (and its WAL and journal) is encrypted
 * with a SQLCipher-compatible scheme. Keys are applied in db/open.ts.
 */
import Driver from 'better-sqlite3-multiple-ciphers';

export type Database = Driver.Database;
export type Statement = Driver.Statement;

/**
 * Electron's Node has another ABI than the system Node the CLI uses: scripts/start.cjs builds an
 * Electron copy of the native module and names it here, so both can run from one checkout.
 */
const nativeBinding = process.env.ACOGIDA_SQLITE_BINDING || undefined;

export function openDriver(file: string, options: Driver.Options = {}): Database {
  return new Driver(file, nativeBinding ? { nativeBinding, ...options } : options);
}
