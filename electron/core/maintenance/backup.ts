import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { auditHeadFile, verifyAudit, type AuditVerification } from '../audit-log';
import type { Actor } from '../context';
import { openCore } from '../core';
import { runInternal } from '../dispatch';
import { continueAsRestored } from '../domains/setup/service';
import type { Database } from '../db/driver';
import { openDatabase } from '../db/open';
import { AppError } from '../errors';
import { syncToDisk } from '../sync-to-disk';
import type { WorkstationKeys } from '../keys';

/**
 * Backups of a workstation's database (issue 20). A backup is a consistent copy taken while the
 * app runs, encrypted with the database's own key, in a folder of its own, named by the instant
 * and its kind; the daily ones are rotated (7 daily and 4 weekly kept).
 *
 * The copy is made with `VACUUM INTO`, not with SQLite's backup API: with the cipher in use
 * (SQLite3 Multiple Ciphers) the backup API refuses an encrypted source ("backup is not supported
 * with incompatible source and target databases"), while `VACUUM INTO` reads one snapshot in one
 * read transaction, writes it with the same cipher and key, and leaves no free page (nothing
 * deleted survives in a backup). It is written beside its final name and renamed when complete,
 * so a crash leaves no half backup under a backup's name.
 */
export type BackupKind = 'daily' | 'weekly' | 'manual';

export interface BackupInfo {
  file: string;
  at: string;
  kind: BackupKind;
  sizeBytes: number;
}

export const KEEP = { daily: 7, weekly: 4 } as const;
const NAME = /^acogida-(\d{8}T\d{6}Z)-(daily|weekly|manual)(?:-\d+)?\.db$/;

/** Where a database's backups go unless the admin chose a folder: `respaldos` beside it. */
export function defaultBackupDir(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), 'respaldos');
}

const stampOf = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
const instantOf = (stamp: string) => `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.000Z`;

/** Backups in a folder, newest first (files not named as backups are not ours and are left alone). */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((x): x is { name: string; match: RegExpExecArray } => x.match !== null)
    .map(({ name, match }) => ({ file: path.join(dir, name), at: instantOf(match[1]!), kind: match[2] as BackupKind, sizeBytes: fs.statSync(path.join(dir, name)).size }))
    .sort((a, b) => b.at.localeCompare(a.at) || b.file.localeCompare(a.file, 'en', { numeric: true }));
}

/** A copy of the open database in `dir`, encrypted as it is; fails cleanly (no file) when the disk cannot take it. */
export function backupDatabase(db: Database, dir: string, at: Date, kind: BackupKind): BackupInfo {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Two backups in the same second (an admin pressing twice) get -2, -3…: never one over another.
  let file = path.join(dir, `acogida-${stampOf(at)}-${kind}.db`);
  for (let n = 2; fs.existsSync(file); n++) {
    if (n > 99) throw new AppError('backup.exists', { file });
    file = path.join(dir, `acogida-${stampOf(at)}-${kind}-${n}.db`);
  }
  const partial = `${file}.partial-${crypto.randomBytes(4).toString('hex')}`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.chmodSync(partial, 0o600);
    syncToDisk(partial);
    fs.renameSync(partial, file);
    syncToDisk(dir);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') throw new AppError('backup.disk-full', { dir });
    if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_READONLY') throw new AppError('backup.folder-unwritable', { dir });
    throw error;
  }
  return { file, at: at.toISOString(), kind, sizeBytes: fs.statSync(file).size };
}

/**
 * The kind of today's automatic backup: weekly when no weekly one is less than seven days old,
 * daily otherwise.
 */
export function automaticKind(dir: string, at: Date): 'daily' | 'weekly' {
  const weekAgo = new Date(at.getTime() - 7 * 86_400_000).toISOString();
  return listBackups(dir).some((b) => b.kind === 'weekly' && b.at > weekAgo) ? 'daily' : 'weekly';
}

/** Keeps the newest 7 daily and 4 weekly backups (manual ones are the admin's to delete); returns what was removed. */
export function rotateBackups(dir: string): string[] {
  const removed: string[] = [];
  for (const kind of ['daily', 'weekly'] as const) {
    for (const old of listBackups(dir).filter((b) => b.kind === kind).slice(KEEP[kind])) {
      fs.rmSync(old.file, { force: true });
      removed.push(old.file);
    }
  }
  return removed;
}

export interface BackupCheck {
  ok: boolean;
  file: string;
  integrity: string;
  schemaVersion: number;
  audit: Pick<AuditVerification, 'ok' | 'checked' | 'firstBroken'>;
  tables: Record<string, number>;
}

/** Opens a backup read-only with the workstation's key: integrity_check, the audit chain, rows per table. */
export function verifyBackup(file: string, keys: WorkstationKeys): BackupCheck {
  if (!fs.existsSync(file)) throw new AppError('backup.not-found', { file });
  let db: Database;
  try {
    db = openDatabase(file, { key: keys.database, readonly: true, migrate: false });
  } catch (error) {
    if (error instanceof AppError && error.code === 'db.key-wrong') throw new AppError('backup.unreadable', { file });
    throw error;
  }
  try {
    let integrity: string;
    try {
      integrity = String(db.pragma('integrity_check', { simple: true }));
    } catch (error) {
      integrity = (error as Error).message;
    }
    const audit = integrity === 'ok' ? verifyAudit(db, keys.audit, null) : { ok: false, checked: 0, firstBroken: null };
    const tables: Record<string, number> = {};
    if (integrity === 'ok')
      for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[])
        tables[t] = db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { ok: integrity === 'ok' && audit.ok, file, integrity, schemaVersion, audit: { ok: audit.ok, checked: audit.checked, firstBroken: audit.firstBroken }, tables };
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  db: string;
  from: string;
  replaced: boolean;
  /** The audit entries the replaced database had beyond the backup's (lost by the restore, and said so in the log). */
  entriesAfterBackup: number;
  /** The restored desk continues under this new workstation id (null: the backup was never set up). */
  workstationId: string | null;
  previousWorkstationId: string | null;
}

/**
 * Puts a backup in place of `target`. Verified first (a broken backup restores nothing); an
 * existing database is replaced only with `force`, and is kept beside it as
 * `<db>.before-restore-<instant>` rather than deleted. The restored log records the restore (from
 * which backup, how many entries the replaced database had), and the head file starts again from
 * the restored log, the previous one kept beside it: a restore is visible, never silent.
 *
 * The restored desk continues under a new workstation id (setup's continueAsRestored): its next
 * sync with the upstream, if it has one, brings back what it did after the backup, and it never
 * issues a case number twice.
 */
export function restoreBackup(file: string, target: string, keys: WorkstationKeys, options: { force: boolean; at: Date; by: string }): RestoreResult {
  const check = verifyBackup(file, keys);
  if (!check.ok) throw new AppError('backup.broken', { file, integrity: check.integrity, audit: check.audit.firstBroken?.reason ?? 'ok' });
  const db = path.resolve(target);
  const exists = fs.existsSync(db) && fs.statSync(db).size > 0;
  if (exists && !options.force) throw new AppError('backup.target-exists', { db });
  const stamp = stampOf(options.at);
  let entriesBefore = 0;
  if (exists) {
    try {
      const current = openDatabase(db, { key: keys.database, readonly: true, migrate: false });
      entriesBefore = current.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;
      current.close();
    } catch {
      // The database being replaced may be the broken one: keep it aside all the same.
    }
    fs.renameSync(db, `${db}.before-restore-${stamp}`);
    for (const side of ['-wal', '-shm']) if (fs.existsSync(db + side)) fs.renameSync(db + side, `${db}.before-restore-${stamp}${side}`);
  }
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const partial = `${db}.restoring`;
  fs.copyFileSync(file, partial);
  fs.chmodSync(partial, 0o600);
  syncToDisk(partial);
  fs.renameSync(partial, db);
  syncToDisk(path.dirname(db));
  const head = auditHeadFile(db);
  if (fs.existsSync(head)) fs.renameSync(head, `${head}.before-restore-${stamp}`);
  const restored = openCore(db, { now: () => options.at }, keys);
  try {
    const backupLast = restored.db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;
    const actor: Actor = { kind: 'system', userId: null, username: options.by, roles: [], sessionId: null };
    const identity = runInternal(restored, actor, 'backup.restore', (ctx) => {
      // Which backup, and how far the replaced log had gone: what the restore took back.
      ctx.records.add(path.basename(file));
      ctx.records.add(`entries-before:${entriesBefore}`);
      return continueAsRestored(ctx, path.basename(file));
    });
    return {
      db,
      from: file,
      replaced: exists,
      entriesAfterBackup: Math.max(0, entriesBefore - backupLast),
      workstationId: identity?.workstationId ?? null,
      previousWorkstationId: identity?.previousWorkstationId ?? null,
    };
  } finally {
    restored.db.close();
  }
}
