import type { Command } from 'commander';
import { syncStatus } from '../../core/domains/sync/service';
import { checkUpstreamUrl, rememberUpstream, upstreamUrl } from '../../core/sync/connection';
import { syncOnce, type SyncCounts } from '../../core/sync/engine';
import { CliUsageError, locale, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

interface SyncOptions extends GlobalOptions {
  url?: string;
  once?: boolean;
  interval?: string;
  batch?: string;
}

function countsText(c: SyncCounts): string {
  return t('cli.syncDone', { ...c });
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .argument('[what]', '«status»: solo muestra el estado')
    .description('Sincroniza este puesto con el servidor central: envía sus cambios y recibe los de los otros puestos')
    .option('--db <file>', 'archivo de base de datos')
    .option('--url <url>', 'dirección de conexión del centro (se recuerda cifrada después de la primera vez)')
    .option('--once', 'una sola sincronización (si no, sigue cada pocos segundos hasta Ctrl+C)')
    .option('--interval <seconds>', 'segundos entre sincronizaciones sin --once', '5')
    .option('--batch <n>', 'cambios por lote (por omisión 2000 al enviar, 5000 al recibir)')
    .option('--json', 'salida JSON')
    .action((what: string | undefined, options: SyncOptions) =>
      run(options, async () => {
        if (what !== undefined && what !== 'status') throw new CliUsageError(t('cli.syncWhat', { what }));
        const { core } = openCliCore(options);
        try {
          if (what === 'status') {
            const status = syncStatus(core, locale, true);
            print(options, status, t('cli.syncStatus', { state: status.state, pending: status.pending, last: status.lastOkAt ?? '—' }));
            return;
          }
          const url = options.url === undefined ? upstreamUrl(core) : checkUpstreamUrl(options.url);
          if (!url) throw new CliUsageError(t('cli.syncNoUpstream'));
          const once = async () => {
            const batch = options.batch === undefined ? undefined : Number(options.batch);
            if (batch !== undefined && (!Number.isInteger(batch) || batch < 1 || batch > 50_000)) throw new CliUsageError(t('cli.batchInvalid', { value: options.batch }));
            const counts = await syncOnce(core, { url, batch });
            if (options.url !== undefined) rememberUpstream(core, options.url);
            return counts;
          };
          if (options.once) {
            const counts = await once();
            print(options, counts, countsText(counts));
            return;
          }
          const interval = Math.max(1, Number(options.interval) || 5) * 1000;
          for (;;) {
            try {
              const counts = await once();
              process.stdout.write(`${options.json ? JSON.stringify(counts) : countsText(counts)}\n`);
            } catch (error) {
              const message = error instanceof Error && 'toValue' in error ? (error as { toValue(l: typeof locale): { message: string } }).toValue(locale).message : String(error);
              process.stderr.write(`${message}\n`);
            }
            await new Promise((resolve) => setTimeout(resolve, interval));
          }
        } finally {
          core.db.close();
        }
      }),
    );
}
