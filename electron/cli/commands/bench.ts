import type { Command } from 'commander';
import { benchAid } from '../bench/aid';
import { benchAlerts } from '../bench/alerts';
import { benchFoundation } from '../bench/foundation';
import { benchPersons } from '../bench/persons';
import { benchStartup } from '../bench/startup';
import { benchSync } from '../bench/sync';
import { benchCare } from '../bench/care';
import { benchReferrals } from '../bench/referrals';
import { benchSummary } from '../bench/summary';
import { formatTable, type BenchRow } from '../bench/table';
import { CliUsageError, print, run, t, type GlobalOptions } from '../runtime';

/** Each station adds its benchmark suite here; `npm run bench` prints them as one table. */
const SUITES: (() => Promise<BenchRow[]>)[] = [benchFoundation, benchPersons, benchAlerts, benchAid, benchStartup, benchSync, benchCare, benchReferrals, benchSummary];
/** `npm run bench -- --only startup` runs one suite. */
const NAMED: Record<string, () => Promise<BenchRow[]>> = { foundation: benchFoundation, persons: benchPersons, alerts: benchAlerts, aid: benchAid, startup: benchStartup, sync: benchSync, care: benchCare, referrals: benchReferrals, summary: benchSummary };

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Mide el rendimiento y muestra una tabla con la comparación y la meta de cada fila')
    .option('--json', 'salida JSON')
    .option('--only <suite>', 'solo una serie: foundation, persons, alerts, aid, startup, sync, care, referrals o summary')
    .action((options: GlobalOptions & { only?: string }) =>
      run(options, async () => {
        const rows: BenchRow[] = [];
        const chosen = options.only ? [NAMED[options.only]] : SUITES;
        if (chosen.some((s) => !s)) throw new CliUsageError(t('cli.benchSuite', { suites: Object.keys(NAMED).join(', ') }));
        for (const suite of chosen) rows.push(...(await suite!()));
        print(options, rows, formatTable(rows));
      }),
    );
}
