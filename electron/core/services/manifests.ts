import { uuidv7 } from 'uuidv7';
import type { ServiceContext } from '../context';
import { updateRow } from '../db/replicated';
import { AppError } from '../errors';
import { handle } from '../handler';
import { translate } from '../i18n/translate';
import { parseManifest, type ManifestProblem, type ParsedManifest } from '../manifest/parse';
import { ageAt } from '../partial-date';
import { createArrival, openArrival } from './arrivals';
import { findCandidates, suggestRepeats } from './duplicates';
import { createPerson, createPersonArrival, today, type PersonRow } from './persons-store';

async function parse(input: { fileName: string; contentBase64: string }): Promise<ParsedManifest> {
  return parseManifest(Buffer.from(input.contentBase64, 'base64'), input.fileName);
}

/** Checks that need the centre's date or data: future birth dates, adults flagged as children, earlier records. */
function review(ctx: ServiceContext, parsed: ParsedManifest, withRepeats: boolean): { problems: ManifestProblem[]; repeats: number } {
  const problems = [...parsed.problems];
  const todayIso = today(ctx);
  let repeats = 0;
  for (const row of parsed.rows) {
    if (row.birthDate && row.birthDate > todayIso.slice(0, row.birthDate.length))
      problems.push({ row: row.row, column: 'birth_date', code: 'future-date', severity: 'error', value: row.birthDate });
    const age = ageAt(row.birthDate, todayIso);
    if (row.unaccompaniedMinor && age !== null && age >= 18)
      problems.push({ row: row.row, column: 'unaccompanied_minor', code: 'minor-adult', severity: 'warning', value: String(age) });
    if (withRepeats && row.givenNames && row.firstSurname) {
      const [best] = findCandidates(ctx, {
        given_names: row.givenNames,
        first_surname: row.firstSurname,
        second_surname: row.secondSurname,
        birth_date: row.birthDate,
        sex: row.sex,
        document_number: row.documentNumber,
      }, 1);
      if (best) {
        repeats += 1;
        problems.push({ row: row.row, column: null, code: 'possible-repeat', severity: 'warning', value: best.row.case_number });
      }
    }
  }
  problems.sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { problems, repeats };
}

function translateProblems(ctx: ServiceContext, problems: ManifestProblem[]) {
  return problems.map((p) => ({
    row: p.row,
    column: p.column,
    code: p.code,
    severity: p.severity,
    message: translate(ctx.locale, `manifest.${p.code}`, { column: p.column, value: p.value, duplicateOf: p.duplicateOf, caseNumber: p.value, age: p.value }),
  }));
}

export const manifestsHandlers = {
  'manifests.preview': handle('manifests.preview', {
    prepare: (_ctx, input) => parse(input),
    run(ctx, _input, parsed) {
      const { problems, repeats } = review(ctx, parsed, true);
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
    prepare: (_ctx, input) => parse(input),
    run(ctx, input, parsed) {
      const { problems } = review(ctx, parsed, false);
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
};
