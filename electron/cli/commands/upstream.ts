import type { Command } from 'commander';
import { readCentre } from '../../core/domains/setup/store';
import { AppError } from '../../core/errors';
import { addCentre, addNationalLogin } from '../../core/sync/admin';
import { upstreamError, withUpstream } from '../../core/sync/connection';
import { migrateUpstream } from '../../core/sync/upstream-schema';
import { CliUsageError, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

interface UpstreamOptions extends GlobalOptions {
  url: string;
}

async function withAdmin<T>(url: string, body: Parameters<typeof withUpstream<T>>[1]): Promise<T> {
  return withUpstream(url, body).catch((error: unknown) => Promise.reject(upstreamError(error)));
}

export function registerUpstream(program: Command): void {
  const upstream = program.command('upstream').description('Servidor central PostgreSQL del centro o del país');
  upstream
    .command('migrate')
    .description('Crea o actualiza el esquema del servidor central (como su administrador)')
    .requiredOption('--url <url>', 'dirección de administración: postgres://admin:contraseña@servidor/base')
    .option('--json', 'salida JSON')
    .action((options: UpstreamOptions) =>
      run(options, async () => {
        const result = await withAdmin(options.url, (client) => migrateUpstream(client));
        print(options, result, t('cli.upstreamMigrated', { from: result.from, to: result.to, applied: result.applied.join(', ') || '—' }));
      }),
    );
  upstream
    .command('add-centre')
    .description('Registra el centro de una base de puesto y crea su usuario en el servidor central; muestra su dirección una sola vez')
    .requiredOption('--url <url>', 'dirección de administración del servidor central')
    .option('--db <file>', 'base de datos de un puesto del centro')
    .option('--json', 'salida JSON')
    .action((options: UpstreamOptions) =>
      run(options, async () => {
        const { core } = openCliCore(options);
        try {
          if (!core.identity) throw new AppError('setup.required');
          const centre = readCentre(core.db, core.identity.centreId);
          const result = await withAdmin(options.url, (client) =>
            addCentre(client, options.url, { centreId: core.identity!.centreId, name: centre.name, country: centre.country ?? '' }),
          );
          print(options, result, t('cli.centreAdded', { role: result.role, url: result.connection_url }));
        } finally {
          core.db.close();
        }
      }),
    );
  upstream
    .command('add-national')
    .description('Crea un acceso de la oficina nacional: lee los resúmenes de todos los centros y no escribe nada; muestra su dirección una sola vez')
    .requiredOption('--url <url>', 'dirección de administración del servidor central')
    .requiredOption('--name <login>', 'nombre del acceso (letras minúsculas, números y _; p. ej. oficina_nacional)')
    .option('--json', 'salida JSON')
    .action((options: UpstreamOptions & { name: string }) =>
      run(options, async () => {
        if (!/^[a-z][a-z0-9_]{2,40}$/.test(options.name)) throw new CliUsageError(t('cli.badLogin', { value: options.name }));
        const result = await withAdmin(options.url, (client) => addNationalLogin(client, options.url, options.name));
        print(options, result, t('cli.nationalAdded', { role: result.role, url: result.connection_url }));
      }),
    );
}
