import type { Command } from 'commander';
import fs from 'node:fs';
import { IsoDate } from '../../core/contract/common';
import { summaryCsv, tableCsv } from '../../core/summary-csv';
import { call, CliUsageError, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

export function registerReport(program: Command): void {
  const report = program.command('report').description('Informes para la coordinación');
  report
    .command('daily')
    .description('El resumen del día (o de un rango) en cifras, sin nombres')
    .option('--db <file>', 'archivo de base de datos')
    .requiredOption('--date <yyyy-mm-dd>', 'el día (o el primero del rango), en la hora del centro')
    .option('--to <yyyy-mm-dd>', 'el último día del rango (incluido)')
    .option('--csv <file>', 'escribe además las cifras en CSV')
    .option('--pdf <file>', 'escribe además el resumen en PDF (el mismo que la aplicación)')
    .option('--lang <es|en>', 'idioma del PDF', 'es')
    .option('--paper <a4|letter>', 'tamaño del papel del PDF', 'letter')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { date: string; to?: string; csv?: string; pdf?: string; lang: string; paper: string }) =>
      run(options, async () => {
        for (const value of [options.date, options.to]) if (value !== undefined && !IsoDate.safeParse(value).success) throw new CliUsageError(t('cli.badDate', { value }));
        if (!['es', 'en'].includes(options.lang)) throw new CliUsageError(t('cli.badLang', { value: options.lang }));
        if (!['a4', 'letter'].includes(options.paper)) throw new CliUsageError(t('cli.badPaper', { value: options.paper }));
        const { core } = openCliCore(options);
        try {
          const summary = await call(core, 'summary.daily', { from: options.date, ...(options.to ? { to: options.to } : {}) });
          if (options.csv) fs.writeFileSync(options.csv, summaryCsv(summary));
          if (options.pdf) {
            const pdf = await call(core, 'summary.pdf', { from: options.date, ...(options.to ? { to: options.to } : {}), locale: options.lang as 'es', paper: options.paper as 'a4' });
            fs.writeFileSync(options.pdf, Buffer.from(pdf.base64, 'base64'));
          }
          print(
            options,
            summary,
            t('cli.summaryText', { centre: summary.centre, from: summary.from, to: summary.to, arrivals: summary.arrivals.total, received: summary.persons.received, expected: summary.persons.expected, red: summary.screening.red }),
          );
        } finally {
          core.db.close();
        }
      }),
    );
  report
    .command('export')
    .description('Datos por persona anonimizados para estadística (k-anonimato, k = 5): sin nombres, documentos, fechas de nacimiento ni texto libre')
    .option('--db <file>', 'archivo de base de datos')
    .requiredOption('--from <yyyy-mm-dd>', 'primer día (hora del centro)')
    .requiredOption('--to <yyyy-mm-dd>', 'último día (incluido)')
    .requiredOption('--anonymised <file>', 'archivo CSV que se escribe')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { from: string; to: string; anonymised: string }) =>
      run(options, async () => {
        for (const value of [options.from, options.to]) if (!IsoDate.safeParse(value).success) throw new CliUsageError(t('cli.badDate', { value }));
        const { core } = openCliCore(options);
        try {
          const result = await call(core, 'summary.export', { from: options.from, to: options.to });
          fs.writeFileSync(options.anonymised, tableCsv(result.columns, result.rows));
          print(options, { rows: result.rows.length, k: result.k, suppressed_cells: result.suppressedCells }, t('cli.exportText', { rows: result.rows.length, k: result.k, cells: result.suppressedCells, file: options.anonymised }));
        } finally {
          core.db.close();
        }
      }),
    );
}
