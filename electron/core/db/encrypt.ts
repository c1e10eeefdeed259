import fs from 'node:fs';
import path from 'node:path';
import { startKeyedChainAfterLegacy, verifyLegacyChain } from '../audit-log';
import { AppError } from '../errors';
import { syncToDisk } from '../sync-to-disk';
import { createKeyFile, readKeyFile, type WorkstationKeys } from '../keys';
import { openDriver } from './driver';
import { applyKey, isPlainDatabase, openDatabase } from './open';

export interface EncryptResult {
  db: string;
  keyFile: string;
  /** Rows of every table, the same before and after. */
  rows: number;
  /** Audit entries kept with their plain hashes; the keyed chain starts after them. */
  legacyAuditEntries: number;
  keyedFrom: number;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Moves an unencrypted database (an earlier Acogida's) to the encrypted format, in a way no crash
 * can lose it:
 * 1. the key file is written first (a crash after it leaves a key, never data without one);
 * 2. the old audit chain must verify, or nothing happens;
 * 3. the WAL is checkpointed into the file, which is copied beside it and encrypted there
 *    (`PRAGMA rekey` rewrites every page, free pages included, so deleted values go too);
 * 4. the copy is opened with the key and checked (integrity_check, the same rows in every table),
 *    the keyed audit chain starts after the old entries, and the copy is synced;
 * 5. only then it replaces the original, whose bytes are overwritten with zeros (on Windows,
 *    where an open file cannot be replaced, the old blocks are freed but not overwritten).
 */
export function encryptDatabase(file: string, keyFile: string, now: Date): EncryptResult {
  const db = path.resolve(file);
  if (!isPlainDatabase(db)) throw new AppError('db.already-encrypted', { db });
  const keys: WorkstationKeys = fs.existsSync(keyFile) ? readKeyFile(keyFile) : createKeyFile(keyFile, db, now.toISOString());

  const plain = openDriver(db);
  let rowsBefore: number;
  let legacy: number;
  try {
    const chain = verifyLegacyChain(plain);
    if (chain.broken) throw new AppError('db.audit-broken', { ...chain.broken });
    legacy = chain.checked;
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
    rowsBefore = countRows(plain);
  } finally {
    plain.close();
  }

  const copy = `${db}.encrypting`;
  fs.rmSync(copy, { force: true });
  fs.copyFileSync(db, copy);
  fs.chmodSync(copy, 0o600);
  const work = openDriver(copy);
  try {
    applyKey(work, keys.database, 'rekey');
  } finally {
    work.close();
  }

  const check = openDatabase(copy, { key: keys.database, migrate: false });
  let keyedFrom: number;
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok' || countRows(check) !== rowsBefore) throw new Error(`encrypted copy does not match: ${String(integrity)}`);
    keyedFrom = startKeyedChainAfterLegacy(check, keys.audit);
    check.pragma('wal_checkpoint(TRUNCATE)');
    check.pragma('journal_mode = DELETE');
  } finally {
    check.close();
  }
  syncToDisk(copy);

  const old = process.platform === 'win32' ? null : fs.openSync(db, 'r+');
  fs.renameSync(copy, db);
  syncToDisk(path.dirname(db));
  if (old !== null) overwriteAndClose(old);
  for (const suffix of SIDE_FILES) {
    const side = `${db}${suffix}`;
    if (!fs.existsSync(side)) continue;
    overwriteAndClose(fs.openSync(side, 'r+'));
    fs.rmSync(side);
  }
  for (const suffix of SIDE_FILES) fs.rmSync(`${copy}${suffix}`, { force: true });
  return { db, keyFile, rows: rowsBefore, legacyAuditEntries: legacy, keyedFrom };
}

function countRows(db: ReturnType<typeof openDriver>): number {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.reduce((sum, t) => sum + (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number), 0);
}


/** Overwrites a file's bytes with zeros through an open descriptor, syncs and closes it. */
function overwriteAndClose(fd: number): void {
  try {
    const size = fs.fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
