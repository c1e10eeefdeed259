/**
 * The one place that names the SQLite driver. Switching to better-sqlite3-multiple-ciphers
 * (same API, encrypted file) is a change of this import only.
 */
import Driver from 'better-sqlite3';

export type Database = Driver.Database;
export type Statement = Driver.Statement;

export function openDriver(file: string, options: Driver.Options = {}): Database {
  return new Driver(file, options);
}
