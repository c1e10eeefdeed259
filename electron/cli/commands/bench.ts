import type { Command } from 'commander';
import { benchAid } from '../bench/aid';
import { benchAlerts } from '../bench/alerts';
import { benchFoundation } from '../bench/foundation';
import { benchPersons } from '../bench/persons';
import { formatTable, type BenchRow } from '../bench/table';
import { print, run, type GlobalOptions } from '../runtime';

/** Each station adds its benchmark suite here; `npm run bench` prints them as one table. */
const SUITES: (() => Promise<BenchRow[]>)[] = [benchFoundation, benchPersons, benchAlerts, benchAid];

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Mide el rendimiento y muestra una tabla con la comparación y la meta de cada fila')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions) =>
      run(options, async () => {
        const rows: BenchRow[] = [];
        for (const suite of SUITES) rows.push(...(await suite()));
        print(options, rows, formatTable(rows));
      }),
    );
}
