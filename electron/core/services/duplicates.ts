import type { Suggestion } from '../contract/persons';
import type { ServiceContext } from '../context';
import { insertRow } from '../db/replicated';
import { compactKey, nameSimilarity } from '../names';
import { compareBirthDates } from '../partial-date';
import { fullName, personKeys, type PersonRow } from './persons-store';

/** Score from which an earlier record is proposed as the same person. */
export const REPEAT_THRESHOLD = 0.85;

type Comparable = Pick<PersonRow, 'given_names' | 'first_surname' | 'second_surname' | 'birth_date' | 'sex' | 'document_number'>;

/**
 * How likely two records are the same person (0–1), with the reasons: fuzzy names (accents,
 * swapped or missing surname, typos), birth date with the usual errors, document, sex.
 */
export function matchScore(a: Comparable, b: Comparable): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  const name = nameSimilarity(
    { givenNames: a.given_names, firstSurname: a.first_surname, secondSurname: a.second_surname },
    { givenNames: b.given_names, firstSurname: b.first_surname, secondSurname: b.second_surname },
  );
  reasons.push(name >= 0.999 ? 'name-exact' : 'name-similar');
  let score = name;
  const docA = a.document_number ? compactKey(a.document_number) : '';
  const docB = b.document_number ? compactKey(b.document_number) : '';
  if (docA && docA === docB) {
    score += 0.3;
    reasons.push('document-match');
  }
  const dates = compareBirthDates(a.birth_date, b.birth_date);
  const dateAdjust = { exact: 0.1, 'day-month-swapped': 0.05, 'same-year': 0, 'one-year-off': -0.05, different: -0.3, unknown: -0.05 }[dates];
  score += dateAdjust;
  if (dates !== 'unknown' && dates !== 'different') reasons.push(`birth-date-${dates}`);
  if (dates === 'different') reasons.push('birth-date-different');
  if (a.sex && b.sex && a.sex !== 'X' && b.sex !== 'X' && a.sex !== b.sex) {
    score -= 0.2;
    reasons.push('sex-different');
  }
  return { score: Math.max(0, Math.min(1, Math.round(score * 1000) / 1000)), reasons };
}

/** Earlier records that may be the same person, best first (blocking keys: never a full scan). */
export function findCandidates(
  ctx: ServiceContext,
  person: Comparable & { id?: string },
  limit = 3,
  exclude: ReadonlySet<string> = new Set(),
): { row: PersonRow; score: number; reasons: string[] }[] {
  const keys = personKeys(person);
  if (!keys.length) return [];
  const ids = ctx.db
    .prepare(
      `SELECT person_id, sum(CASE WHEN substr(key, 1, 2) = 'd:' THEN 2 ELSE 1 END) AS weight
       FROM person_keys WHERE key IN (${keys.map(() => '?').join(',')}) AND person_id <> ?
       GROUP BY person_id HAVING weight >= 2 ORDER BY weight DESC LIMIT 200`,
    )
    .all(...keys, person.id ?? '') as { person_id: string }[];
  if (!ids.length) return [];
  const rows = ctx.db
    .prepare(`SELECT rowid, * FROM persons WHERE id IN (${ids.map(() => '?').join(',')}) AND merged_into IS NULL AND deleted_at IS NULL`)
    .all(...ids.map((r) => r.person_id)) as PersonRow[];
  return rows
    .filter((row) => !exclude.has(row.id))
    .map((row) => ({ row, ...matchScore(person, row) }))
    .filter((c) => c.score >= REPEAT_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Records open suggestions for a newly registered or imported person; returns how many. */
export function suggestRepeats(ctx: ServiceContext, person: PersonRow, exclude: ReadonlySet<string> = new Set()): number {
  const candidates = findCandidates(ctx, person, 3, exclude);
  for (const c of candidates) {
    insertRow(ctx, 'duplicate_suggestions', {
      person_id: person.id,
      candidate_id: c.row.id,
      score: c.score,
      reasons: JSON.stringify(c.reasons),
      status: 'open',
    });
  }
  return candidates.length;
}

interface SuggestionRow {
  id: string;
  person_id: string;
  candidate_id: string;
  score: number;
  reasons: string;
  status: Suggestion['status'];
}

export function suggestionsOf(ctx: ServiceContext, personId: string, onlyOpen = false): Suggestion[] {
  const rows = ctx.db
    .prepare(`SELECT * FROM duplicate_suggestions WHERE person_id = ? AND deleted_at IS NULL ${onlyOpen ? "AND status = 'open'" : ''} ORDER BY score DESC`)
    .all(personId) as SuggestionRow[];
  return rows.map((s) => toSuggestion(ctx, s));
}

export function loadSuggestion(ctx: ServiceContext, id: string): SuggestionRow | undefined {
  return ctx.db.prepare('SELECT * FROM duplicate_suggestions WHERE id = ? AND deleted_at IS NULL').get(id) as SuggestionRow | undefined;
}

export function toSuggestion(ctx: ServiceContext, s: SuggestionRow): Suggestion {
  const c = ctx.db.prepare('SELECT rowid, * FROM persons WHERE id = ?').get(s.candidate_id) as PersonRow;
  const arrivals = (ctx.db.prepare('SELECT count(*) AS n FROM person_arrivals WHERE person_id = ? AND deleted_at IS NULL').get(c.id) as { n: number }).n;
  return {
    id: s.id,
    personId: s.person_id,
    candidate: { id: c.id, caseNumber: c.case_number, fullName: fullName(c), birthDate: c.birth_date, documentNumber: c.document_number, arrivals },
    score: s.score,
    reasons: JSON.parse(s.reasons) as string[],
    status: s.status,
  };
}
