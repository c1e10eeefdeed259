import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { findMerge, indexPerson, loadPersonRow, rowsOfPerson, type PersonRow } from './store';

const FILLABLE = [
  'second_surname', 'birth_date', 'sex', 'gender_identity', 'nationality', 'document_type', 'document_number', 'origin_country',
  'origin_department', 'origin_municipality', 'people', 'phone', 'family_contact', 'years_abroad', 'detention_days',
] as const;

interface Moved {
  person_arrivals: string[];
  consents: string[];
  /** Absent in merges recorded before screenings existed. */
  screenings?: string[];
  filled: string[];
}

/** What belongs to a person and follows them into a merge (and back out of it). */
const MOVABLE = ['person_arrivals', 'consents', 'screenings'] as const;

/**
 * Merges `sourceId` into `targetId`: the source's arrivals, consent and screenings move to the target, the
 * target's empty fields take the source's values, the source is kept (marked merged_into) so the
 * merge can be undone exactly. Returns the merge id.
 */
export function mergePersons(ctx: ServiceContext, sourceId: string, targetId: string, reason: string): string {
  if (sourceId === targetId) throw new AppError('persons.same');
  const source = loadPersonRow(ctx, sourceId);
  const target = loadPersonRow(ctx, targetId);
  if (source.merged_into) throw new AppError('persons.merged', { caseNumber: loadPersonRow(ctx, source.merged_into).case_number });
  if (target.merged_into) throw new AppError('persons.merged', { caseNumber: loadPersonRow(ctx, target.merged_into).case_number });
  const moved: Required<Moved> = { person_arrivals: [], consents: [], screenings: [], filled: [] };
  for (const table of MOVABLE) {
    for (const id of rowsOfPerson(ctx.db, table, sourceId)) {
      updateRow(ctx, table, id, { person_id: targetId });
      moved[table].push(id);
    }
  }
  const fill: Record<string, unknown> = {};
  for (const column of FILLABLE) {
    if ((target as unknown as Record<string, unknown>)[column] === null && (source as unknown as Record<string, unknown>)[column] !== null) {
      fill[column] = (source as unknown as Record<string, unknown>)[column];
      moved.filled.push(column);
    }
  }
  if (Object.keys(fill).length) updateRow(ctx, 'persons', targetId, fill);
  updateRow(ctx, 'persons', sourceId, { merged_into: targetId });
  const mergeId = insertRow(ctx, 'person_merges', { source_id: sourceId, target_id: targetId, moved: JSON.stringify(moved), reason });
  indexPerson(ctx, loadPersonRow(ctx, sourceId));
  indexPerson(ctx, loadPersonRow(ctx, targetId));
  return mergeId;
}

export function unmergePersons(ctx: ServiceContext, mergeId: string, _reason: string): { sourceId: string; targetId: string } {
  const merge = findMerge(ctx.db, mergeId);
  if (!merge) throw new AppError('merges.not-found');
  if (merge.undone_at) throw new AppError('merges.undone');
  ctx.records.add(mergeId);
  const moved = JSON.parse(merge.moved) as Moved;
  for (const table of MOVABLE) for (const id of moved[table] ?? []) updateRow(ctx, table, id, { person_id: merge.source_id });
  if (moved.filled.length) updateRow(ctx, 'persons', merge.target_id, Object.fromEntries(moved.filled.map((c) => [c, null])));
  updateRow(ctx, 'persons', merge.source_id, { merged_into: null });
  updateRow(ctx, 'person_merges', mergeId, { undone_at: ctx.clock.now().toISOString(), undone_by: ctx.actor.userId });
  const source: PersonRow = loadPersonRow(ctx, merge.source_id);
  indexPerson(ctx, source);
  indexPerson(ctx, loadPersonRow(ctx, merge.target_id));
  return { sourceId: merge.source_id, targetId: merge.target_id };
}
