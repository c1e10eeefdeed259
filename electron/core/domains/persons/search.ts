import type { Database } from '../../db/driver';
import { cached } from '../../db/statements';
import { compactKey, consonantSet, givenForms, nameTokens, normalize, phoneticKey, soundKey, wordsMatch } from '../../names';
import { fullName, pairKey, tripleKey, type PersonRow } from './store';

type Hit = Pick<PersonRow, 'id' | 'case_number' | 'given_names' | 'first_surname' | 'second_surname' | 'birth_date' | 'document_number'>;

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
    const rows = db
      .prepare(
        `SELECT p.id, p.case_number, p.given_names, p.first_surname, p.second_surname, p.birth_date, p.document_number
         FROM persons_fts f JOIN persons p ON p.rowid = f.rowid
         WHERE persons_fts MATCH ? LIMIT ${CANDIDATES}`,
      )
      .all(match) as Hit[];
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
  const postings = keys.map(() => `SELECT person_id FROM (SELECT person_id FROM person_keys WHERE key = ? LIMIT ${POSTINGS_PER_KEY})`).join(' UNION ALL ');
  const rows = cached(
    db,
    `SELECT p.id, p.case_number, p.given_names, p.first_surname, p.second_surname, p.birth_date, p.document_number
     FROM (SELECT person_id, count(*) AS n FROM (${postings}) GROUP BY person_id HAVING n >= ? ORDER BY n DESC LIMIT ${max}) k
     JOIN persons p ON p.id = k.person_id WHERE p.merged_into IS NULL`,
  ).all(...keys, minimum) as Hit[];
  for (const r of rows) candidates.set(r.id, r);
}

function score(c: Hit, query: string, words: string[]): number {
  const compact = query.replace(/ /g, '');
  if (compact && (compactKey(c.case_number) === compact || compactKey(c.document_number) === compact)) return 1;
  if (compact.length >= 4 && compactKey(c.document_number).includes(compact)) return 0.95;
  return wordsMatch(words, nameTokens(fullName(c)));
}
