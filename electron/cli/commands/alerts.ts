import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../core/contract';
import { call, CliFailure, CliUsageError, DATE_ORDER_HELP, dateOrderOption, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

type Problems = Output<'alerts.import'>['errors'];
const problemJson = (errors: Problems) => errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message }));
const problemText = (message: string, errors: Problems) =>
  [message, ...errors.map((e) => `  ${t('cli.row')} ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`)].join('\n');

function readFile(file: string, dateOrder?: string) {
  if (!fs.existsSync(file)) throw new CliUsageError(t('cli.fileNotFound', { file }));
  return { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64'), ...dateOrderOption(dateOrder) };
}

/** A file with row errors: the errors as JSON (or text), exit code 1, nothing changed. */
function fileErrors(options: GlobalOptions, error: unknown, json: (errors: Problems) => unknown): void {
  const errors = error instanceof CliFailure ? (error.error.details?.errors as Problems | undefined) : undefined;
  if (!errors) throw error;
  print(options, json(errors), problemText((error as CliFailure).message, errors));
  process.exitCode = 1;
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('Listas de alerta (Interpol, Alba-Keneth, Isabel-Claudina, órdenes de aprehensión)');
  alerts
    .command('import')
    .description('Importa una versión de una lista de alerta: todas las filas o ninguna; luego verifica a quienes están en el centro')
    .requiredOption('--list <type>', 'interpol | alba-keneth | isabel-claudina | warrant | custom')
    .requiredOption('--file <file>', 'lista CSV o XLSX')
    .option('--replace', 'reemplaza los registros vigentes de esa lista (si no, se agregan)')
    .option('--date-order <order>', DATE_ORDER_HELP)
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { list: string; file: string; replace?: boolean; dateOrder?: string }) =>
      run(options, async () => {
        const file = readFile(options.file, options.dateOrder);
        const { core } = openCliCore(options);
        try {
          const result = await call(core, 'alerts.import', { ...file, list: options.list as 'interpol', replace: options.replace === true });
          print(
            options,
            { version_id: result.versionId, list: result.list, imported: result.imported, retired: result.retired, rechecked: result.rechecked, flagged: result.flagged, errors: [] },
            t('cli.alertsImported', { imported: result.imported, list: result.list, retired: result.retired, rechecked: result.rechecked, flagged: result.flagged }),
          );
        } catch (error) {
          fileErrors(options, error, (errors) => ({ version_id: null, list: options.list, imported: 0, retired: 0, rechecked: 0, flagged: 0, errors: problemJson(errors) }));
        } finally {
          core.db.close();
        }
      }),
    );
  alerts
    .command('check')
    .description('Verifica personas de un CSV contra las listas vigentes, sin registrarlas (una línea JSON por fila)')
    .requiredOption('--file <file>', 'CSV: given_names, first_surname, second_surname, birth_date, sex, nationality, document_number')
    .option('--date-order <order>', DATE_ORDER_HELP)
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON: un objeto por fila de entrada, uno por línea')
    .action((options: GlobalOptions & { file: string; dateOrder?: string }) =>
      run(options, async () => {
        const file = readFile(options.file, options.dateOrder);
        const { core } = openCliCore(options);
        try {
          const rows = await call(core, 'alerts.checkFile', file);
          for (const row of rows) {
            const value = {
              row: row.row,
              matches: row.matches.map((m) => ({ list: m.list, reference: m.reference, score: m.score, reasons: m.reasons })),
              ...(row.problems ? { problems: row.problems } : {}),
            };
            const found = row.matches.length
              ? row.matches.map((m) => `${m.list} ${m.reference} (${m.score.toFixed(2)})`).join('; ')
              : t('cli.noAlertMatch');
            const partial = row.problems ? ` — ${t('cli.checkedInPart')}: ${row.problems.map((p) => p.message).join(' ')}` : '';
            const text = `${t('cli.row')} ${row.row}: ${found}${partial}`;
            process.stdout.write(options.json ? `${JSON.stringify(value)}\n` : `${text}\n`);
          }
        } catch (error) {
          fileErrors(options, error, (errors) => ({ errors: problemJson(errors) }));
        } finally {
          core.db.close();
        }
      }),
    );
}
