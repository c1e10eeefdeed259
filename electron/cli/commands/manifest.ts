import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../core/contract';
import { call, CliFailure, CliUsageError, DATE_ORDER_HELP, dateOrderOption, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

interface ImportOptions extends GlobalOptions {
  file: string;
  arrival?: string;
  route?: string;
  origin?: string;
  reference?: string;
  date?: string;
  kind?: string;
  dateOrder?: string;
}

type ImportResult = Output<'manifests.import'>;

/** The JSON other tools read: snake_case, always the same keys. */
function report(result: Pick<ImportResult, 'arrivalId' | 'imported' | 'duplicatesInFile' | 'possibleRepeatReturnees' | 'errors'> | null, errors: ImportResult['errors']) {
  return {
    arrival_id: result?.arrivalId ?? null,
    imported: result?.imported ?? 0,
    duplicates_in_file: result?.duplicatesInFile ?? 0,
    possible_repeat_returnees: result?.possibleRepeatReturnees ?? 0,
    errors: errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message })),
  };
}

export function registerManifest(program: Command): void {
  const manifest = program.command('manifest').description('Manifiestos de vuelos y buses');
  manifest
    .command('import')
    .description('Importa un manifiesto CSV/XLSX: todas las filas o ninguna')
    .requiredOption('--file <file>', 'manifiesto CSV o XLSX')
    .option('--arrival <id>', 'arribo existente')
    .option('--route <route>', 'air | land (arribo nuevo)')
    .option('--origin <iso3>', 'país de origen del vuelo o bus (arribo nuevo)')
    .option('--reference <text>', 'número de vuelo o referencia (arribo nuevo)')
    .option('--date <yyyy-mm-dd>', 'fecha del arribo (arribo nuevo)')
    .option('--kind <kind>', 'flight | bus (por defecto según la ruta)')
    .option('--date-order <order>', DATE_ORDER_HELP)
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: ImportOptions) =>
      run(options, async () => {
        if (!fs.existsSync(options.file)) throw new CliUsageError(t('cli.fileNotFound', { file: options.file }));
        if (!options.arrival && !(options.route && options.origin && options.date))
          throw new CliUsageError(t('cli.arrivalNeeded'));
        const file = { fileName: path.basename(options.file), contentBase64: fs.readFileSync(options.file).toString('base64'), ...dateOrderOption(options.dateOrder) };
        const { core } = openCliCore(options);
        try {
          const input = options.arrival
            ? { ...file, arrivalId: options.arrival }
            : {
                ...file,
                arrival: {
                  kind: (options.kind ?? (options.route === 'air' ? 'flight' : 'bus')) as 'flight' | 'bus',
                  route: options.route as 'air' | 'land',
                  originCountry: options.origin!,
                  reference: options.reference ?? null,
                  date: options.date!,
                },
              };
          try {
            const result = await call(core, 'manifests.import', input);
            print(options, report(result, []), t('cli.manifestImported', { imported: result.imported, arrival: result.arrivalId, duplicates: result.duplicatesInFile, repeats: result.possibleRepeatReturnees }));
          } catch (error) {
            const errors = error instanceof CliFailure ? (error.error.details?.errors as ImportResult['errors'] | undefined) : undefined;
            if (!errors) throw error;
            print(options, report(null, errors), [(error as CliFailure).message, ...errors.map((e) => `  ${t('cli.row')} ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`)].join('\n'));
            process.exitCode = 1;
          }
        } finally {
          core.db.close();
        }
      }),
    );
}
