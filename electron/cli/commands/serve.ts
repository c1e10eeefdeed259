import type { Command } from 'commander';
import path from 'node:path';
import { rendererBuildDir } from '../../core/paths';
import { createHost, listen } from '../../host/server';
import { openCliCore, print, run, t, type GlobalOptions } from '../runtime';

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
        const { core, file } = openCliCore(options);
        const root = path.resolve(__dirname, '..', '..', '..');
        const server = createHost(core, rendererBuildDir(root));
        const url = await listen(server, Number(options.port));
        print(options, { url, db: file }, t('cli.serving', { url }));
        const stop = () => server.close(() => {
          core.db.close();
          process.exit(0);
        });
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
    );
}
