import { uuidv7 } from 'uuidv7';
import type { ServiceContext } from '../context';
import { updateRow } from '../db/replicated';
import { AppError } from '../errors';
import { handle } from '../handler';
import { parseManifest, PROGRESS_CHUNK, type ManifestProblem, type ParsedManifest } from '../manifest/parse';
import { translateProblems } from '../manifest/problems';
import { ageAt } from '../partial-date';
import { yieldToEventLoop, type ProgressStage } from '../progress';
import { createArrival, openArrival } from './arrivals';
import { findCandidates, suggestRepeats } from './duplicates';
import { createPerson, createPersonArrival, today, type PersonRow } from './persons-store';

type ManifestInput = { fileName: string; contentBase64: string; progressId?: string | undefined };

/** Whose progress this is: a screen's session, or the CLI. */
const progressOwner = (ctx: ServiceContext) => ctx.actor.sessionId ?? ctx.actor.username;

/** Reports a stage of a long call and lets the progress question be answered meanwhile. */
function reporter(ctx: ServiceContext, input: ManifestInput) {
  return async (stage: ProgressStage, done: number, total: number) => {
    ctx.core.progress.report(input.progressId, progressOwner(ctx), stage, done, total);
    await yieldToEventLoop();
  };
}

async function parse(ctx: ServiceContext, input: ManifestInput): Promise<ParsedManifest> {
  const report = reporter(ctx, input);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  return parseManifest(bytes, input.fileName, input.progressId ? (done, total) => report('reading', done, total) : undefined);
}

/** Checks that need the centre's date: future birth dates, adults flagged as children. */
function review(ctx: ServiceContext, parsed: ParsedManifest): ManifestProblem[] {
  const problems = [...parsed.problems];
  const todayIso = today(ctx);
  for (const row of parsed.rows) {
    if (row.birthDate && row.birthDate > todayIso.slice(0, row.birthDate.length))
      problems.push({ row: row.row, column: 'birth_date', code: 'future-date', severity: 'error', value: row.birthDate });
    const age = ageAt(row.birthDate, todayIso);
    if (row.unaccompaniedMinor && age !== null && age >= 18)
      problems.push({ row: row.row, column: 'unaccompanied_minor', code: 'minor-adult', severity: 'warning', value: String(age) });
  }
  return problems;
}

/**
 * Earlier records that may be the same person, one warning per row. Read-only, so the preview
 * runs it before its transaction, in chunks, reporting progress.
 */
async function findRepeats(ctx: ServiceContext, parsed: ParsedManifest, input: ManifestInput): Promise<ManifestProblem[]> {
  const report = reporter(ctx, input);
  const found: ManifestProblem[] = [];
  for (const [i, row] of parsed.rows.entries()) {
    if (input.progressId && i % PROGRESS_CHUNK === 0) await report('checking', i, parsed.rows.length);
    if (!row.givenNames || !row.firstSurname) continue;
    const [best] = findCandidates(ctx, {
      given_names: row.givenNames,
      first_surname: row.firstSurname,
      second_surname: row.secondSurname,
      birth_date: row.birthDate,
      sex: row.sex,
      document_number: row.documentNumber,
    }, 1);
    if (best) found.push({ row: row.row, column: null, code: 'possible-repeat', severity: 'warning', value: best.row.case_number });
  }
  return found;
}

const byRowErrorsFirst = (a: ManifestProblem, b: ManifestProblem) =>
  a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);


export const manifestsHandlers = {
  'manifests.preview': handle('manifests.preview', {
    async prepare(ctx, input) {
      const parsed = await parse(ctx, input);
      return { parsed, repeats: await findRepeats(ctx, parsed, input) };
    },
    run(ctx, input, { parsed, repeats: found }) {
      ctx.core.progress.finish(input.progressId);
      const problems = [...review(ctx, parsed), ...found].sort(byRowErrorsFirst);
      const repeats = found.length;
      return {
        encoding: parsed.encoding,
        rows: parsed.rows,
        problems: translateProblems(ctx, problems),
        errorCount: problems.filter((p) => p.severity === 'error').length,
        duplicatesInFile: problems.filter((p) => p.code === 'duplicate-in-file').length,
        possibleRepeatReturnees: repeats,
      };
    },
  }),

  'manifests.import': handle('manifests.import', {
    async prepare(ctx, input) {
      const parsed = await parse(ctx, input);
      // The write is one transaction (all or nothing): the bar can only say it has begun.
      await reporter(ctx, input)('saving', parsed.rows.length, parsed.rows.length);
      return parsed;
    },
    run(ctx, input, parsed) {
      ctx.core.progress.finish(input.progressId);
      const problems = review(ctx, parsed).sort(byRowErrorsFirst);
      const errors = problems.filter((p) => p.severity === 'error');
      // All or nothing: one bad row and nothing is written (the thrown error rolls back).
      if (errors.length) throw new AppError('manifest.invalid', { count: errors.length, errors: translateProblems(ctx, errors) });

      const arrivalId = 'arrivalId' in input ? openArrival(ctx, input.arrivalId).id : createArrival(ctx, input.arrival, input.fileName);
      if ('arrivalId' in input) updateRow(ctx, 'arrivals', arrivalId, { manifest_file: input.fileName });
      const skipped = new Set(problems.filter((p) => p.code === 'duplicate-in-file').map((p) => p.row));
      const families = new Map<string, string>();
      const created: PersonRow[] = [];
      for (const row of parsed.rows) {
        if (skipped.has(row.row)) continue;
        const person = createPerson(ctx, {
          given_names: row.givenNames,
          first_surname: row.firstSurname,
          second_surname: row.secondSurname,
          birth_date: row.birthDate,
          sex: row.sex,
          nationality: row.nationality,
          document_type: row.documentType,
          document_number: row.documentNumber,
        });
        let family: string | null = null;
        if (row.familyGroup) {
          if (!families.has(row.familyGroup)) families.set(row.familyGroup, uuidv7());
          family = families.get(row.familyGroup)!;
        }
        createPersonArrival(ctx, {
          person_id: person.id,
          arrival_id: arrivalId,
          status: 'expected',
          source: 'manifest',
          manifest_row: row.row,
          group_type: row.unaccompaniedMinor ? 'unaccompanied_minor' : family ? 'family' : 'alone',
          family_group: family,
        });
        created.push(person);
      }
      // Earlier records only: people on the same manifest (relatives, namesakes) are not repeats.
      const sameManifest = new Set(created.map((p) => p.id));
      const repeats = created.filter((p) => suggestRepeats(ctx, p, sameManifest) > 0).length;
      return { arrivalId, imported: created.length, duplicatesInFile: skipped.size, possibleRepeatReturnees: repeats, errors: [] };
    },
  }),

  'manifests.progress': handle('manifests.progress', {
    run: (ctx, input) => ctx.core.progress.read(input.progressId, progressOwner(ctx)),
  }),
};
