import fs from 'node:fs';
import type { Core, ServiceContext } from '../../context';
import { handle } from '../../handler';
import { readSyncRecord, syncConfigured } from '../../sync/engine';
import { workstationCode } from '../persons/store';
import { readRestoredFrom } from '../setup/store';
import { backupDatabase, defaultBackupDir, KEEP, listBackups, type BackupKind } from '../../maintenance/backup';
import type { Backup, Check, MaintenanceStatus } from './contract';
import { checkpointAndOptimize, clearLocalNote, integrityCheck, localNote, setLocalNote } from './store';

const LAST_BACKUP = 'maintenance_last_backup';
const LAST_BACKUP_ERROR = 'maintenance_last_backup_error';
const LAST_CHECK = 'maintenance_last_check';
const LAST_OPTIMIZE = 'maintenance_last_optimize';

const sizeOf = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** The folder of this database's backups (ACOGIDA_BACKUP_DIR, or `respaldos` beside the file). */
export function backupDir(core: Core, env: NodeJS.ProcessEnv = process.env): string {
  return env.ACOGIDA_BACKUP_DIR?.trim() || defaultBackupDir(core.db.name);
}

/**
 * A backup now, noted as the last one. A scheduled backup that fails is noted too, for the admin
 * screen (nobody saw it fail); a manual one fails in front of the admin and changes nothing.
 */
export function makeBackup(core: Core, kind: BackupKind, dir = backupDir(core)): Backup {
  try {
    const made = backupDatabase(core.db, dir, core.clock.now(), kind);
    setLocalNote(core.db, LAST_BACKUP, JSON.stringify(made));
    clearLocalNote(core.db, LAST_BACKUP_ERROR);
    return made;
  } catch (error) {
    if (kind === 'manual') throw error;
    try {
      setLocalNote(core.db, LAST_BACKUP_ERROR, JSON.stringify({ at: core.clock.now().toISOString(), code: (error as { code?: string }).code ?? 'internal' }));
    } catch {
      // A full disk may refuse even the note; the error still reaches the caller.
    }
    throw error;
  }
}

export function runCheck(core: Core): Check {
  const start = performance.now();
  const integrity = integrityCheck(core.db);
  checkpointAndOptimize(core.db);
  const at = core.clock.now().toISOString();
  const check = { at, integrity, ms: Math.round(performance.now() - start) };
  setLocalNote(core.db, LAST_CHECK, JSON.stringify(check));
  setLocalNote(core.db, LAST_OPTIMIZE, at);
  return check;
}

export function maintenanceStatus(core: Core): MaintenanceStatus {
  const dir = backupDir(core);
  const parse = <T>(key: string): T | null => {
    const value = localNote(core.db, key);
    return value ? (JSON.parse(value) as T) : null;
  };
  const backups = listBackups(dir);
  const failure = parse<{ at: string; code: string }>(LAST_BACKUP_ERROR);
  // A restored desk: from which backup, and whether it has synced with its upstream since.
  const restoredFrom = readRestoredFrom(core.db);
  const lastSync = readSyncRecord(core.db).lastOkAt;
  return {
    database: { file: core.db.name, sizeBytes: sizeOf(core.db.name), walBytes: sizeOf(`${core.db.name}-wal`) },
    backupDir: dir,
    backups,
    lastBackup: backups[0] ?? parse<Backup>(LAST_BACKUP),
    lastBackupError: failure ? `${failure.at} ${failure.code}` : null,
    lastCheck: parse<Check>(LAST_CHECK),
    lastOptimize: localNote(core.db, LAST_OPTIMIZE),
    keep: { ...KEEP },
    restoredFrom:
      restoredFrom && core.identity
        ? {
            backup: restoredFrom.backup,
            at: restoredFrom.at,
            previousCode: workstationCode(restoredFrom.previousWorkstationId),
            code: workstationCode(core.identity.workstationId),
            upstream: syncConfigured(core),
            resyncedAt: lastSync && lastSync > restoredFrom.at ? lastSync : null,
          }
        : null,
  };
}

export const maintenanceHandlers = {
  'maintenance.status': handle('maintenance.status', { run: (ctx: ServiceContext) => maintenanceStatus(ctx.core) }),
  // VACUUM INTO and the integrity check cannot run inside the call's transaction: they run before it.
  'maintenance.backupNow': handle('maintenance.backupNow', {
    prepare: async (ctx: ServiceContext) => makeBackup(ctx.core, 'manual'),
    run: (_ctx, _input, made: Backup) => made,
  }),
  'maintenance.checkNow': handle('maintenance.checkNow', {
    prepare: async (ctx: ServiceContext) => runCheck(ctx.core),
    run: (_ctx, _input, check: Check) => check,
  }),
};
