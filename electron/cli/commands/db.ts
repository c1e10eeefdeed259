import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { encryptDatabase } from '../../core/db/encrypt';
import { keyFileFor } from '../../core/keys';
import { defaultDatabasePath } from '../../core/paths';
import { cliClock, CliUsageError, print, run, t, type GlobalOptions } from '../runtime';

interface EncryptOptions extends GlobalOptions {
  keyFile?: string;
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('La base de datos de este puesto');
  db.command('encrypt')
    .description('Cifra una base de datos sin cifrar (de una versión anterior de Acogida); la clave queda en un archivo 0600 fuera de la carpeta de datos')
    .option('--db <file>', 'archivo de base de datos')
    .option('--key-file <file>', 'dónde guardar (o leer) la clave; por omisión, la carpeta de claves de este usuario')
    .option('--json', 'salida JSON')
    .action((options: EncryptOptions) =>
      run(options, async () => {
        const file = path.resolve(options.db ?? defaultDatabasePath());
        if (!fs.existsSync(file)) throw new CliUsageError(t('cli.dbMissing', { db: file }));
        const keyFile = path.resolve(options.keyFile ?? keyFileFor(file));
        const result = encryptDatabase(file, keyFile, cliClock().now());
        print(options, result, t('cli.dbEncrypted', { db: result.db, keyFile: result.keyFile, rows: result.rows }));
      }),
    );
}
