import type { Database } from '../../db/driver';
import { compactKey, consonantSet, givenForms, nameTokens, normalize, phoneticKey, soundKey, wordsMatch } from '../../names';
import { fullName, pairKey, tripleKey } from './store';
import { ftsCandidates, keyCandidates, type SearchHitRow } from './store';

type Hit = SearchHitRow;

const CANDIDATES = 200;
/** Below this a candidate is not shown. */
const MIN_SCORE = 0.6;

/**
 * Person search for the search box and the CLI. Indexed passes, never a table scan, each only
 * when the ones before found too little:
 * 1. sound-alike keys: the whole name (three names typed), then pairs of names;
 * 2. FTS5 trigram (accent- and case-insensitive substring) on name, document and case number;
 * 3. a single word's sound-alike as a given name or a surname.
 * Candidates are ranked by word similarity to the query.
 */
export function searchPersons(db: Database, text: string, limit: number) {
  const query = normalize(text);
  const words = nameTokens(text);
  const candidates = new Map<string, Hit>();
  // A nickname or spelling typed (Chepe, Beto) looks for the names it stands for as well.
  // A name typed twice (López López) stays twice: the pair of the two is the one that finds them.
  const keyWords = words.flatMap((w) => [...new Set([w, ...givenForms(w)])]);
  const codes = [...new Set(keyWords.map(phoneticKey).filter(Boolean))];
  // Pairs of names in any order: same sound first (accents, s/z, b/v…), then same consonants
  //    (a wrong vowel); both are small posting lists.
  const pairs = (code: (w: string) => string, prefix: 'p' | 'q') => {
    const list = keyWords.map(code).filter(Boolean);
    const keys = new Set<string>();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) keys.add(pairKey(list[i]!, list[j]!, prefix));
    return [...keys];
  };
  // 1a. Three names typed: the whole name as one key (small where the pairs are large: a million
  //     people hold thousands of Luis García, a few hundred Luis Herrera García).
  const triples = (code: (w: string) => string, prefix: 't' | 'u') => {
    const list = keyWords.map(code).filter(Boolean);
    const keys = new Set<string>();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) for (let k = j + 1; k < list.length; k++) keys.add(tripleKey(list[i]!, list[j]!, list[k]!, prefix));
    return [...keys];
  };
  if (words.length >= 3) addByKeys(db, candidates, [...triples(soundKey, 't'), ...triples(consonantSet, 'u')], 1, CANDIDATES);
  // 1b. Pairs, when the whole name found fewer good answers than asked for.
  // Each candidate is scored once, whether asked here or when the list is ranked.
  const scores = new Map<string, number>();
  const scoreOf = (c: Hit) => {
    let value = scores.get(c.id);
    if (value === undefined) scores.set(c.id, (value = score(c, query, words)));
    return value;
  };
  const good = () => [...candidates.values()].filter((c) => scoreOf(c) >= MIN_SCORE).length;
  if (words.length >= 2 && (words.length < 3 || good() < limit)) {
    addByKeys(db, candidates, pairs(soundKey, 'q'), 1, CANDIDATES);
    if (candidates.size < limit) addByKeys(db, candidates, pairs(phoneticKey, 'p'), 1, 5 * CANDIDATES);
  }
  // 2. Substrings (partial names, documents, case numbers) through the trigram index.
  const ftsTerms = (words.length ? words : query.split(' ')).filter((w) => w.length >= 3);
  if (candidates.size < limit && ftsTerms.length) {
    const match = ftsTerms.map((w) => `"${w.replace(/"/g, '')}"`).join(' AND ');
    const rows = ftsCandidates(db, match, CANDIDATES);
    for (const r of rows) candidates.set(r.id, r);
  }
  // 3. A single word: its sound-alike as a given name or a surname.
  if (candidates.size < limit && codes.length) {
    addByKeys(db, candidates, codes.flatMap((c) => [`s:${c}`, `g:${c}`]), 1, CANDIDATES);
  }
  return [...candidates.values()]
    .map((c) => ({ hit: c, score: scoreOf(c) }))
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ hit, score }) => ({
      personId: hit.id,
      caseNumber: hit.case_number,
      fullName: fullName(hit),
      birthDate: hit.birth_date,
      documentNumber: hit.document_number,
      score: Math.round(score * 1000) / 1000,
    }));
}

/** Postings read per key at most: María Hernández is tens of thousands among a million. */
const POSTINGS_PER_KEY = 2000;

/** The persons sharing the most of `keys`, each key read up to POSTINGS_PER_KEY postings. */
function addByKeys(db: Database, candidates: Map<string, Hit>, keys: string[], minimum: number, max: number): void {
  if (!keys.length) return;
  const rows = keyCandidates(db, keys, minimum, max, POSTINGS_PER_KEY);
  for (const r of rows) candidates.set(r.id, r);
}

function score(c: Hit, query: string, words: string[]): number {
  const compact = query.replace(/ /g, '');
  if (compact && (compactKey(c.case_number) === compact || compactKey(c.document_number) === compact)) return 1;
  if (compact.length >= 4 && compactKey(c.document_number).includes(compact)) return 0.95;
  return wordsMatch(words, nameTokens(fullName(c)));
}
