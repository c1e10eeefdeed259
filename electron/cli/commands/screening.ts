import type { Command } from 'commander';
import fs from 'node:fs';
import { z } from 'zod';
import { defaultDatabasePath } from '../../core/paths';
import { evaluateScreening, unknownIndicators } from '../../core/screening/evaluate';
import { Answers, checkAnswers, INSTRUMENT } from '../../core/screening/instrument';
import { DEFAULT_RULES } from '../../core/screening/rules';
import { summarizeIssues, validate } from '../../core/validation';
import { call, CliUsageError, locale, openCliCore, print, readJsonFile, run, t, type GlobalOptions } from '../runtime';

/** What --answers may hold: indicator ids, answers to the instrument's questions, or both. */
const AnswersFile = z
  .strictObject({ indicators: z.array(z.string().max(60)).max(60).optional(), answers: Answers.optional() })
  .refine((f) => f.indicators !== undefined || f.answers !== undefined, { error: 'validation.screeningAnswersFile' });

function readAnswers(file: string) {
  const json = readJsonFile(file);
  const result = validate(AnswersFile, json, locale);
  if (!result.success) throw new CliUsageError(t('errors.input.invalid', { summary: summarizeIssues(result.issues) }));
  return { indicators: result.data.indicators ?? [], answers: result.data.answers ?? {} };
}

/** Without a set-up database the shipped rules (version 1) apply: nothing is created on disk. */
function evaluateWithShippedRules(input: { indicators: string[]; answers: Answers }) {
  const unknown = unknownIndicators(input.indicators);
  if (unknown.length) throw new CliUsageError(t('errors.screening.unknown-indicator', { indicators: unknown.join(', ') }));
  const checked = checkAnswers(input.answers);
  if (checked.problems.length)
    throw new CliUsageError(t('errors.screening.invalid-answers', { count: checked.problems.length, summary: checked.problems.map((p) => t(p.message, p.params)).join('; ') }));
  return { ...evaluateScreening(DEFAULT_RULES.rules, checked.answers, input.indicators), rulesVersion: DEFAULT_RULES.version };
}

export function registerScreening(program: Command): void {
  const screening = program.command('screening').description('Identificación de vulnerabilidades (semáforo de prioridad)');
  screening
    .command('evaluate')
    .description('Calcula el nivel (rojo, amarillo, verde), el plazo y los motivos con las reglas vigentes; no guarda nada')
    .requiredOption('--answers <file>', 'JSON: {"indicators": ["pregnant", …]} y/o {"answers": {pregunta: respuesta}}')
    .option('--db <file>', 'archivo de base de datos (sus reglas vigentes; sin él, las reglas de fábrica)')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions & { answers: string }) =>
      run(options, async () => {
        const input = readAnswers(options.answers);
        const file = options.db ?? defaultDatabasePath();
        let result;
        if (!options.db && !fs.existsSync(file)) result = evaluateWithShippedRules(input);
        else {
          const { core } = openCliCore({ db: file });
          try {
            result = core.identity ? await call(core, 'screening.evaluate', input) : evaluateWithShippedRules(input);
          } finally {
            core.db.close();
          }
        }
        print(
          options,
          { level: result.level, deadline_hours: result.deadlineHours, reasons: result.reasons, rules_version: result.rulesVersion },
          t('cli.screeningResult', { level: t(`cli.levels.${result.level}`), hours: result.deadlineHours, reasons: result.reasons.map((id) => INSTRUMENT.indicators.find((i) => i.id === id)?.label[locale] ?? id).join(', ') || '—', version: result.rulesVersion }),
        );
      }),
    );
}
