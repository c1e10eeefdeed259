import type { Command } from 'commander';
import path from 'node:path';
import { backupDatabase, defaultBackupDir, restoreBackup, verifyBackup } from '../../core/maintenance/backup';
import { keyFileFor, readKeyFile } from '../../core/keys';
import { AppError } from '../../core/errors';
import { cliClock, cliDatabaseFile, locale, openCliCore, print, run, t, type GlobalOptions } from '../runtime';
import { openCore } from '../../core/core';
import type { ErrorValue } from '../../core/errors';
import { syncConfigured, syncOnce } from '../../core/sync/engine';

/** The key a backup opens with: the key file of the workstation database it came from (--db, or the default one). */
function keysOf(options: GlobalOptions) {
  const file = cliDatabaseFile(options);
  try {
    return readKeyFile(keyFileFor(file));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new AppError('db.key-missing', { keyFile: keyFileFor(file), db: path.resolve(file) });
    throw error;
  }
}

export function registerBackup(program: Command): void {
  const backup = program
    .command('backup')
    .description('Respalda la base de datos del puesto (cifrada con su clave) en una carpeta')
    .option('--db <file>', 'archivo de base de datos')
    .option('--to <dir>', 'carpeta del respaldo (por omisión, «respaldos» junto a la base)')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { to?: string }) =>
      run(options, async () => {
        const { core, file } = openCliCore(options);
        try {
          const made = backupDatabase(core.db, path.resolve(options.to ?? defaultBackupDir(file)), core.clock.now(), 'manual');
          print(options, { file: made.file, at: made.at, kind: made.kind, size_bytes: made.sizeBytes }, t('cli.backupMade', { file: made.file }));
        } finally {
          core.db.close();
        }
      }),
    );
  backup
    .command('verify <file>')
    .description('Comprueba un respaldo: lo abre con la clave del puesto, integridad y cadena de auditoría')
    .option('--db <file>', 'la base de datos del puesto cuyo respaldo es (por su clave)')
    .option('--json', 'salida JSON')
    .action((file: string, own: GlobalOptions, command: Command) => {
      // --db and --json may land on `backup` itself (it has them too): read both levels.
      const options = command.optsWithGlobals<GlobalOptions>();
      return run(options, async () => {
        const check = verifyBackup(path.resolve(file), keysOf(options));
        print(
          options,
          { ok: check.ok, file: check.file, integrity: check.integrity, schema_version: check.schemaVersion, audit: { ok: check.audit.ok, checked: check.audit.checked, first_broken: check.audit.firstBroken }, tables: check.tables },
          t(check.ok ? 'cli.backupOk' : 'cli.backupBroken', { file: check.file, integrity: check.integrity, entries: check.audit.checked }),
        );
        if (!check.ok) process.exitCode = 1;
      });
    });
  program
    .command('restore <file>')
    .description('Restaura un respaldo en lugar de la base de datos (con --force si ya existe; la actual se guarda al lado)')
    .requiredOption('--db <file>', 'la base de datos que se restaura')
    .option('--force', 'reemplaza una base de datos existente (se guarda al lado, no se borra)')
    .option('--no-sync', 'no sincroniza ahora con el servidor central (la aplicación lo hará al abrirse)')
    .option('--json', 'salida JSON')
    .action((file: string, options: GlobalOptions & { force?: boolean; sync?: boolean }) =>
      run(options, async () => {
        const db = cliDatabaseFile(options);
        // A restore onto a workstation whose database is gone still needs that workstation's key
        // (never a new one: the backup would not open with it).
        const keys = keysOf(options);
        const result = restoreBackup(path.resolve(file), db, keys, { force: options.force === true, at: cliClock().now(), by: 'acogida restore' });
        // The restored desk re-syncs at once if it has an upstream (the app's loop does it too,
        // should the upstream not answer now): what it sent after the backup comes back.
        let resync: { pushed: number; pulled: number; conflicts: number } | null = null;
        let resyncError: ErrorValue | null = null;
        const core = openCore(db, cliClock(), keys);
        let configured = false;
        try {
          // Whether it remembers an upstream (or ACOGIDA_UPSTREAM_URL names one).
          configured = result.workstationId !== null && syncConfigured(core);
          if (configured && options.sync !== false) {
            const counts = await syncOnce(core);
            resync = { pushed: counts.pushed, pulled: counts.pulled, conflicts: counts.conflicts };
          }
        } catch (error) {
          resyncError = error instanceof AppError ? error.toValue(locale) : { code: 'internal', message: (error as Error).message };
        } finally {
          core.db.close();
        }
        const text = [t('cli.restored', { db: result.db, from: result.from, lost: result.entriesAfterBackup, id: result.workstationId ?? '—' })];
        if (resync) text.push(t('cli.resynced', { pulled: resync.pulled, pushed: resync.pushed }));
        else if (resyncError) text.push(t('cli.resyncLater', { error: resyncError.message }));
        else if (!configured) text.push(t('cli.noUpstream'));
        print(
          options,
          {
            db: result.db,
            from: result.from,
            replaced: result.replaced,
            entries_after_backup: result.entriesAfterBackup,
            workstation_id: result.workstationId,
            previous_workstation_id: result.previousWorkstationId,
            upstream: configured,
            resync,
            resync_error: resyncError,
          },
          text.join('\n'),
        );
      }),
    );
}
