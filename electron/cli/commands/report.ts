import type { Command } from 'commander';
import fs from 'node:fs';
import { IsoDate } from '../../core/contract/common';
import { z } from 'zod';
import type { DailySummary } from '../../core/domains/summary/contract';
import { nationalSummary } from '../../core/domains/summary/national';
import { upstreamAidTypeNames } from '../../core/domains/summary/upstream-store';
import { summaryPdf, type Paper } from '../../core/domains/summary/pdf';
import { summaryCsv, summaryXlsx, tableCsv } from '../../core/domains/summary/tables';
import { AppError } from '../../core/errors';
import type { Locale } from '../../core/i18n/translate';
import { checkUpstreamUrl, upstreamError, withUpstream } from '../../core/sync/connection';
import { formatInstant } from '../../core/time';
import { call, cliClock, CliUsageError, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

export function registerReport(program: Command): void {
  const report = program.command('report').description('Informes para la coordinación');
  report
    .command('daily')
    .description('El resumen del día (o de un rango) en cifras, sin nombres: de esta estación (--db) o del servidor central (--url)')
    .option('--db <file>', 'archivo de base de datos')
    .option('--url <url>', 'servidor central (PostgreSQL) con un acceso nacional: el resumen de un centro o de todos')
    .option('--centre <id>', 'con --url: solo este centro (por omisión, todos sumados)')
    .requiredOption('--date <yyyy-mm-dd>', 'el día (o el primero del rango), en la hora del centro')
    .option('--to <yyyy-mm-dd>', 'el último día del rango (incluido)')
    .option('--csv <file>', 'escribe además las cifras en CSV')
    .option('--xlsx <file>', 'escribe además las cifras en una hoja de cálculo (XLSX)')
    .option('--pdf <file>', 'escribe además el resumen en PDF (el mismo que la aplicación)')
    .option('--lang <es|en>', 'idioma del PDF', 'es')
    .option('--paper <a4|letter>', 'tamaño del papel del PDF', 'letter')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { url?: string; centre?: string; date: string; to?: string; csv?: string; xlsx?: string; pdf?: string; lang: string; paper: string }) =>
      run(options, async () => {
        for (const value of [options.date, options.to]) if (value !== undefined && !IsoDate.safeParse(value).success) throw new CliUsageError(t('cli.badDate', { value }));
        if (options.to !== undefined && options.to < options.date) throw new CliUsageError(t('validation.summaryRange'));
        if (!['es', 'en'].includes(options.lang)) throw new CliUsageError(t('cli.badLang', { value: options.lang }));
        if (!['a4', 'letter'].includes(options.paper)) throw new CliUsageError(t('cli.badPaper', { value: options.paper }));
        if (options.url !== undefined && options.db !== undefined) throw new CliUsageError(t('cli.dbOrUrl'));
        if (options.centre !== undefined && !z.uuid().safeParse(options.centre).success) throw new CliUsageError(t('cli.badCentre', { value: options.centre }));
        const locale = options.lang as Locale;
        const paper = options.paper as Paper;
        const period = { from: options.date, to: options.to ?? options.date };
        let summary: DailySummary;
        let pdf: () => Promise<Buffer>;
        if (options.url !== undefined) {
          const url = checkUpstreamUrl(options.url);
          const now = cliClock().now().toISOString();
          let names: Record<string, string> = {};
          summary = await withUpstream(url, async (client) => {
            names = await upstreamAidTypeNames(client, locale);
            return nationalSummary(client, { centre: options.centre, ...period, now, locale });
          }).catch((error: unknown) => {
            throw error instanceof AppError ? error : upstreamError(error);
          });
          const by = new URL(url).username;
          pdf = () => summaryPdf(summary, { locale, paper, generatedAt: formatInstant(now, Intl.DateTimeFormat().resolvedOptions().timeZone), generatedBy: by, aidTypeNames: names });
        } else {
          if (options.centre !== undefined) throw new CliUsageError(t('cli.dbOrUrl'));
          const { core } = openCliCore(options);
          try {
            summary = await call(core, 'summary.daily', period);
            // Made only when asked for, while the database is open.
            const file = options.pdf ? await call(core, 'summary.pdf', { ...period, locale, paper }) : null;
            pdf = async () => Buffer.from(file!.base64, 'base64');
          } finally {
            core.db.close();
          }
        }
        if (options.csv) fs.writeFileSync(options.csv, summaryCsv(summary));
        if (options.xlsx) fs.writeFileSync(options.xlsx, await summaryXlsx(summary));
        if (options.pdf) fs.writeFileSync(options.pdf, await pdf());
        print(
          options,
          summary,
          t('cli.summaryText', { centre: summary.centre, from: summary.from, to: summary.to, arrivals: summary.arrivals.total, received: summary.persons.received, expected: summary.persons.expected, red: summary.screening.red }),
        );
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
