import type { Command } from 'commander';
import path from 'node:path';
import { rendererBuildDir } from '../../core/paths';
import { CoreWorker } from '../../core/worker/client';
import { createHost, listen } from '../../host/server';
import { CliUsageError, cliClockStart, cliDatabaseFile, print, run, t, type GlobalOptions } from '../runtime';

interface ServeOptions extends GlobalOptions {
  port: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Sirve la aplicación en el host local 127.0.0.1 (sin Electron)')
    .option('--port <port>', 'puerto (0 = uno libre)', '4780')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: ServeOptions) =>
      run(options, async () => {
        // The core runs in its worker thread: this thread only accepts connections and answers
        // /ping, so a long import never holds up the next request. A token from before this start
        // opens nothing (endSessions).
        const file = cliDatabaseFile(options);
        const core = await CoreWorker.open({ file, clockStart: cliClockStart(), endSessions: true });
        const root = path.resolve(__dirname, '..', '..', '..');
        const server = createHost(core.call, rendererBuildDir(root));
        let url: string;
        try {
          url = await listen(server, Number(options.port));
        } catch (error) {
          await core.close();
          // Said plainly: another Acogida (or another program) already answers on that port.
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliUsageError(t('cli.portInUse', { port: options.port }));
          throw error;
        }
        print(options, { url, db: file }, t('cli.serving', { url }));
        const stop = () => server.close(() => {
          void core.close().then(() => process.exit(0));
        });
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
    );
}
