import type { Suggestion } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow } from '../../db/replicated';
import { compactKey, nameSimilarity } from '../../names';
import { LITTLE_EVIDENCE_CEILING, SECOND_SURNAME_PENALTY, secondSurnamesDiffer, thinNames } from '../alerts/match';
import { birthYear, compareBirthDates } from '../../partial-date';
import { candidateKeys, fullName, type PersonRow } from './store';
import { findSuggestion, livePersons, personById, postingsReader, stayCount, suggestionRows, type SuggestionRow } from './store';

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
  // A missing date is neutral; a date that differs beyond the usual errors weighs against.
  const dateAdjust = { exact: 0.1, 'day-month-swapped': 0.05, 'same-year': 0, 'one-year-off': -0.05, different: -0.3, unknown: 0 }[dates];
  score += dateAdjust;
  if (dates !== 'unknown' && dates !== 'different') reasons.push(`birth-date-${dates}`);
  if (dates === 'different') reasons.push('birth-date-different');
  if (a.sex && b.sex && a.sex !== 'X' && b.sex !== 'X' && a.sex !== b.sex) {
    score -= 0.2;
    reasons.push('sex-different');
  }
  const names = (p: Comparable) => ({ givenNames: p.given_names, firstSurname: p.first_surname, secondSurname: p.second_surname });
  if (secondSurnamesDiffer(names(a), names(b))) {
    score -= SECOND_SURNAME_PENALTY;
    reasons.push('second-surname-different');
  }
  // A given name and one surname in common with no date and no document: every José López would do.
  if (dates === 'unknown' && !reasons.includes('document-match') && thinNames(names(a), names(b))) {
    score = Math.min(score, LITTLE_EVIDENCE_CEILING);
    reasons.push('little-evidence');
  }
  return { score: Math.max(0, Math.min(1, Math.round(score * 1000) / 1000)), reasons };
}

/** Postings read per key at most: a name common in the population stops there. */
const POSTINGS_PER_KEY = 500;
/** Candidates scored at most per round, those sharing the most keys first. */
const MAX_CANDIDATES = 100;

/**
 * Ids sharing the most of `keys` with the person, each key read up to POSTINGS_PER_KEY postings:
 * the document weighs 3, a name in the person's own birth year 2, in the years either side 1.
 */
function candidateIds(ctx: ServiceContext, person: Comparable & { id?: string }, keys: string[]): string[] {
  const postings = postingsReader(ctx.db, POSTINGS_PER_KEY);
  const ownYear = `:${birthYear(person.birth_date) ?? '?'}:`;
  const weight = new Map<string, number>();
  for (const key of keys) {
    const add = key.startsWith('d:') ? 3 : key.slice(1, ownYear.length + 1) === ownYear ? 2 : 1;
    for (const id of postings(key)) if (id !== person.id) weight.set(id, (weight.get(id) ?? 0) + add);
  }
  return [...weight]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([id]) => id);
}

type Candidate = { row: PersonRow; score: number; reasons: string[] };

/**
 * Earlier records that may be the same person, best first. Blocking keys, never a full scan, in
 * two rounds: the document and the whole name with the birth year; only when that finds fewer
 * than `limit` likely records, the pairs of names. The cost stays the same when the manifest is
 * all José López and the population reaches a million.
 */
export function findCandidates(ctx: ServiceContext, person: Comparable & { id?: string }, limit = 3, exclude: ReadonlySet<string> = new Set()): Candidate[] {
  const keys = candidateKeys(person);
  // Not a copy of `exclude`: copying the whole manifest's ids for every row made an import grow
  // with the square of its rows (a 100,000-row manifest took half an hour).
  const seen = new Set<string>();
  const likely: Candidate[] = [];
  for (const round of [keys.whole, keys.pairs]) {
    // People of the same manifest are left out before their rows are read: in a file of
    // namesakes they are most of the candidates.
    const ids = candidateIds(ctx, person, round).filter((id) => !seen.has(id) && !exclude.has(id));
    for (const id of ids) seen.add(id);
    if (ids.length) {
      // One statement per list length (at most MAX_CANDIDATES of them), kept prepared.
      const rows = livePersons(ctx.db, ids);
      for (const row of rows) {
        const scored = { row, ...matchScore(person, row) };
        if (scored.score >= REPEAT_THRESHOLD) likely.push(scored);
      }
    }
    if (likely.length >= limit) break;
  }
  return likely.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Records open suggestions for a newly registered or imported person; returns how many. */
export function suggestRepeats(
  ctx: ServiceContext,
  person: PersonRow,
  exclude: ReadonlySet<string> = new Set(),
  idFor?: (candidateId: string) => string,
): number {
  const candidates = findCandidates(ctx, person, 3, exclude);
  for (const c of candidates) {
    insertRow(ctx, 'duplicate_suggestions', {
      person_id: person.id,
      candidate_id: c.row.id,
      score: c.score,
      reasons: JSON.stringify(c.reasons),
      status: 'open',
    }, idFor ? { id: idFor(c.row.id) } : {});
  }
  return candidates.length;
}


export function suggestionsOf(ctx: ServiceContext, personId: string, onlyOpen = false): Suggestion[] {
  const rows = suggestionRows(ctx.db, personId, onlyOpen);
  return rows.map((s) => toSuggestion(ctx, s));
}

export function loadSuggestion(ctx: ServiceContext, id: string): SuggestionRow | undefined {
  return findSuggestion(ctx.db, id);
}

export function toSuggestion(ctx: ServiceContext, s: SuggestionRow): Suggestion {
  const c = personById(ctx.db, s.candidate_id);
  const arrivals = stayCount(ctx.db, c.id);
  return {
    id: s.id,
    personId: s.person_id,
    candidate: { id: c.id, caseNumber: c.case_number, fullName: fullName(c), birthDate: c.birth_date, documentNumber: c.document_number, arrivals },
    score: s.score,
    reasons: JSON.parse(s.reasons) as string[],
    status: s.status,
  };
}
