import type { DateOrder } from '../../partial-date';
import { createHash } from 'node:crypto';
import type { ArrivalInput } from '../arrivals/contract';
import type { ServiceContext } from '../../context';
import { deterministicId, insertRow, updateRow } from '../../db/replicated';
import { normalize } from '../../names';
import { formatInstant } from '../../time';
import { centreTimeZone } from '../../centre';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { parseManifest, PROGRESS_CHUNK, type ManifestProblem, type ParsedManifest } from '../../manifest/parse';
import { translateProblems } from '../../manifest/problems';
import { ageAt } from '../../partial-date';
import { yieldToEventLoop, type ProgressStage } from '../../progress';
import { createArrival, openArrival } from '../arrivals/service';
import { findCandidates, suggestRepeats } from '../persons/duplicates';
import { createPerson, createPersonArrival, today, type PersonRow } from '../persons/store';
import {
  dropSearchEntries,
  earlierImportOf,
  findImport,
  hasOtherRecords,
  hasStays,
  importsOfArrival,
  peopleOnArrival,
  rowsOfImport,
  suggestionsTouching,
  undoneImportsOf,
  type ImportedRow,
} from './store';

type ManifestInput = { fileName: string; contentBase64: string; progressId?: string | undefined; dateOrder?: DateOrder | undefined };

/** Whose progress this is: a screen's session, or the CLI. */
const progressOwner = (ctx: ServiceContext) => ctx.actor.sessionId ?? ctx.actor.username;

/** Reports a stage of a long call and lets the progress question be answered meanwhile. */
function reporter(ctx: ServiceContext, input: ManifestInput) {
  return async (stage: ProgressStage, done: number, total: number) => {
    ctx.core.progress.report(input.progressId, progressOwner(ctx), stage, done, total);
    await yieldToEventLoop();
  };
}

async function parse(ctx: ServiceContext, input: ManifestInput): Promise<ParsedManifest & { hash: string }> {
  const report = reporter(ctx, input);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const parsed = await parseManifest(bytes, input.fileName, {
    onRows: input.progressId ? (done, total) => report('reading', done, total) : undefined,
    dateOrder: input.dateOrder,
  });
  return { ...parsed, hash: createHash('sha256').update(bytes).digest('hex') };
}

const personKey = (p: { given_names: string; first_surname: string; second_surname: string | null; birth_date: string | null }) =>
  `${normalize(`${p.given_names}|${p.first_surname}|${p.second_surname ?? ''}`)}|${p.birth_date ?? '?'}`;

/**
 * What the arrival already has: the same file imported before is an error (row 1); a person
 * already on it (same names and birth date, or same document) is skipped with a warning.
 */
function againstArrival(ctx: ServiceContext, arrivalId: string, parsed: ParsedManifest & { hash: string }): ManifestProblem[] {
  const earlier = earlierImportOf(ctx.db, arrivalId, parsed.hash);
  const again: ManifestProblem[] = earlier ? [{ row: 1, column: null, code: 'already-imported', severity: 'error', value: formatInstant(earlier, centreTimeZone(ctx)) }] : [];
  const present = peopleOnArrival(ctx.db, arrivalId);
  if (!present.length) return again;
  const keys = new Set(present.map(personKey));
  const documents = new Set(present.map((p) => p.document_number && normalize(p.document_number)).filter(Boolean));
  const found: ManifestProblem[] = [];
  for (const r of parsed.rows) {
    const key = personKey({ given_names: r.givenNames, first_surname: r.firstSurname, second_surname: r.secondSurname, birth_date: r.birthDate });
    if (keys.has(key) || (r.documentNumber && documents.has(normalize(r.documentNumber)))) found.push({ row: r.row, column: null, code: 'already-in-arrival', severity: 'warning' });
  }
  if (!again.length && found.length && found.length === parsed.rows.length) return [{ row: 1, column: null, code: 'nothing-new', severity: 'error' }, ...found];
  return [...again, ...found];
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


function importedRows(ctx: ServiceContext, importId: string): ImportedRow[] {
  return rowsOfImport(ctx.db, importId);
}

/** Anything done with a person besides being listed: then the import is part of the record and stays. */
function touched(ctx: ServiceContext, r: ImportedRow): boolean {
  if (r.status !== 'expected' || r.checked_in_at || r.registered_at || r.merged_into) return true;
  return hasOtherRecords(ctx.db, r.person_id);
}

export const manifestsHandlers = {
  'manifests.imports': handle('manifests.imports', {
    run(ctx, input) {
      openArrival(ctx, input.arrivalId);
      const rows = importsOfArrival(ctx.db, input.arrivalId);
      return rows.map((m) => {
        const people = importedRows(ctx, m.id);
        return {
          id: m.id, fileName: m.file_name, importedAt: m.imported_at, importedBy: m.imported_by, rows: m.row_count, imported: m.imported,
          undoneAt: m.undone_at, undoReason: m.undo_reason,
          // Only imports made since links were kept (0014) list their people; nobody of it may have arrived.
          undoable: !m.undone_at && people.length > 0 && !people.some((r) => touched(ctx, r)),
        };
      });
    },
  }),

  'manifests.undo': handle('manifests.undo', {
    run(ctx, input) {
      const m = findImport(ctx.db, input.importId);
      if (!m) throw new AppError('manifest.import-not-found');
      if (m.undone_at) throw new AppError('manifest.undone-already');
      openArrival(ctx, m.arrival_id);
      const people = importedRows(ctx, input.importId);
      const busy = people.filter((r) => touched(ctx, r)).length;
      if (!people.length || busy) throw new AppError('manifest.undo-too-late', { count: busy });
      const now = ctx.clock.now().toISOString();
      for (const r of people) {
        updateRow(ctx, 'person_arrivals', r.pa_id, { deleted_at: now });
        if (hasStays(ctx.db, r.person_id)) continue;
        // The record came only from this file: it goes, with its open suggestions and its search entries.
        for (const id of suggestionsTouching(ctx.db, r.person_id)) updateRow(ctx, 'duplicate_suggestions', id, { deleted_at: now });
        updateRow(ctx, 'persons', r.person_id, { deleted_at: now });
        dropSearchEntries(ctx.db, r.person_id, r.person_rowid);
      }
      updateRow(ctx, 'manifest_imports', input.importId, { undone_at: now, undone_by: ctx.actor.userId ?? ctx.actor.username, undo_reason: input.reason });
      return { arrivalId: m.arrival_id, removed: people.length };
    },
  }),

  'manifests.preview': handle('manifests.preview', {
    async prepare(ctx, input) {
      const parsed = await parse(ctx, input);
      return { parsed, repeats: await findRepeats(ctx, parsed, input) };
    },
    run(ctx, input, { parsed, repeats: found }) {
      ctx.core.progress.finish(input.progressId);
      const arrival = input.arrivalId ? againstArrival(ctx, openArrival(ctx, input.arrivalId).id, parsed) : [];
      // Someone already on this arrival is not a possible earlier return: they are simply skipped.
      const onArrival = new Set(arrival.filter((p) => p.code === 'already-in-arrival').map((p) => p.row));
      const problems = [...review(ctx, parsed), ...found.filter((p) => !onArrival.has(p.row)), ...arrival].sort(byRowErrorsFirst);
      const repeats = problems.filter((p) => p.code === 'possible-repeat').length;
      return {
        encoding: parsed.encoding,
        dateOrder: { order: parsed.dateOrder.order, source: parsed.dateOrder.source, ambiguous: parsed.dateOrder.ambiguous },
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
      const existing = 'arrivalId' in input ? openArrival(ctx, input.arrivalId).id : null;
      const problems = [...review(ctx, parsed), ...(existing ? againstArrival(ctx, existing, parsed) : [])].sort(byRowErrorsFirst);
      const errors = problems.filter((p) => p.severity === 'error');
      // All or nothing: one bad row and nothing is written (the thrown error rolls back).
      if (errors.length) throw new AppError('manifest.invalid', { count: errors.length, errors: translateProblems(ctx, errors) });

      const arrivalId = existing ?? createArrival(ctx, (input as { arrival: ArrivalInput }).arrival, input.fileName);
      if (existing) updateRow(ctx, 'arrivals', arrivalId, { manifest_file: input.fileName });
      const skipped = new Set(problems.filter((p) => p.code === 'duplicate-in-file' || p.code === 'already-in-arrival').map((p) => p.row));
      const families = new Map<string, string>();
      const created: PersonRow[] = [];
      const importId = insertRow(ctx, 'manifest_imports', {
        arrival_id: arrivalId, file_name: input.fileName, file_hash: parsed.hash, row_count: parsed.rows.length, imported: 0,
        imported_by: ctx.actor.userId ?? ctx.actor.username, imported_at: ctx.clock.now().toISOString(),
      });
      // What a manifest row creates in an arrival has an id every desk computes the same: two
      // desks that import the same file into the same arrival apart end with one record of each
      // person (electron/core/sync/apply.ts), not two.
      // The same file imported again after an undo is a new generation, with new records.
      const generation = String(undoneImportsOf(ctx.db, arrivalId, parsed.hash));
      const idOf = (kind: string, key: string) => deterministicId('manifest', arrivalId, parsed.hash, generation, kind, key);
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
        }, { id: idOf('person', String(row.row)) });
        let family: string | null = null;
        if (row.familyGroup) {
          if (!families.has(row.familyGroup)) families.set(row.familyGroup, idOf('family', row.familyGroup));
          family = families.get(row.familyGroup)!;
        }
        createPersonArrival(ctx, {
          person_id: person.id,
          arrival_id: arrivalId,
          status: 'expected',
          source: 'manifest',
          manifest_row: row.row,
          manifest_import_id: importId,
          group_type: row.unaccompaniedMinor ? 'unaccompanied_minor' : family ? 'family' : 'alone',
          family_group: family,
        }, { id: idOf('stay', String(row.row)) });
        created.push(person);
      }
      // Earlier records only: people on the same manifest (relatives, namesakes) are not repeats.
      const sameManifest = new Set(created.map((p) => p.id));
      const repeats = created.filter((p) => suggestRepeats(ctx, p, sameManifest, (candidate) => idOf(`suggestion:${p.id}`, candidate)) > 0).length;
      updateRow(ctx, 'manifest_imports', importId, { imported: created.length });
      const duplicatesInFile = problems.filter((p) => p.code === 'duplicate-in-file').length;
      return { arrivalId, imported: created.length, duplicatesInFile, possibleRepeatReturnees: repeats, errors: [] };
    },
  }),

  'manifests.progress': handle('manifests.progress', {
    run: (ctx, input) => ctx.core.progress.read(input.progressId, progressOwner(ctx)),
  }),
};
