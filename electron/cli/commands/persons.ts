import type { Command } from 'commander';
import { call, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

export function registerPersons(program: Command): void {
  const persons = program.command('persons').description('Personas registradas');
  persons
    .command('search <text>')
    .description('Busca por nombre, documento o número de expediente (tolera tildes y errores de tipeo)')
    .option('--limit <n>', 'máximo de resultados', '10')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((text: string, options: GlobalOptions & { limit: string }) =>
      run(options, async () => {
        const { core } = openCliCore(options);
        try {
          const hits = await call(core, 'persons.search', { text, limit: Number(options.limit) });
          const lines = hits.map((h) => `${h.caseNumber}  ${h.fullName.padEnd(40)} ${h.birthDate ?? ''.padEnd(10)}  ${h.documentNumber ?? ''}  (${h.score})`);
          print(options, hits, lines.length ? lines.join('\n') : t('cli.noResults'));
        } finally {
          core.db.close();
        }
      }),
    );
}
