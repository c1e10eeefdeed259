/**
 * The labelled set the alert matcher is measured on (tests/fixtures/alert-eval.json, written by
 * scripts/alert-eval.ts; `npm run bench` builds the same set and reports it). Deterministic.
 *
 * - 3,000 list records with Zipf-distributed names (names.ts).
 * - Members: list people written the way clerks and foreign manifests write them — the
 *   original clerk variations (typos, swaps, abbreviations, dates with the usual errors) and,
 *   per category, nicknames, phonetic spellings, Mayan orthographies, a married "de X", both
 *   surnames in one field, no birth date.
 * - Look-alikes, hard on purpose: siblings, parents, namesakes born apart, the other sex (the
 *   original five), and twins, father and son with the same full name, cousins born the same
 *   year, namesakes from another country.
 */
import { shippedNameEntries } from '../../core/names';
import { FEMALE, givenNames, MALE, mayan, rng, surname, SURNAMES } from './names';

export interface EvalPerson {
  given_names: string;
  first_surname: string;
  second_surname: string;
  birth_date: string;
  sex: string;
  nationality: string;
}
export interface EvalRecord extends EvalPerson {
  list: string;
  reference: string;
}
export interface EvalQuery {
  query: EvalPerson;
  /** The list reference the query is, or null for a look-alike. */
  expected: string | null;
  category: string;
  variations: string[];
}

/** Categories of members (true list people) and of look-alikes (people who are not). */
export const MEMBER_CATEGORIES = ['clerk-variations', 'nickname', 'spelling', 'mayan-orthography', 'married-surname', 'surnames-one-field', 'no-birth-date'] as const;
export const LOOK_ALIKE_CATEGORIES = ['sibling', 'namesake-born-apart', 'parent', 'other-second-surname', 'other-sex-other-name', 'twin', 'father-son', 'cousin', 'namesake-other-country'] as const;

const TYPES = ['interpol', 'alba-keneth', 'isabel-claudina', 'warrant', 'custom'] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const toDmy = (iso: string) => (iso.length === 10 ? iso.split('-').reverse().join('/') : iso);

export function buildAlertEval(): { records: EvalRecord[]; queries: EvalQuery[] } {
  const r = rng(20261125);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const shuffled = <T>(list: readonly T[]) => [...list].sort(() => r() - 0.5);
  const date = (year: number) => `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;

  const person = (): EvalPerson => {
    const female = r() < 0.4;
    return {
      given_names: givenNames(r, female),
      first_surname: surname(r),
      second_surname: surname(r),
      birth_date: date(1960 + Math.floor(r() * 50)),
      sex: female ? 'F' : 'M',
      nationality: pick(['GTM', 'GTM', 'HND', 'SLV']),
    };
  };
  const records: EvalRecord[] = Array.from({ length: 3000 }, (_, i) => {
    const list = TYPES[i % TYPES.length]!;
    return { list, reference: `${list.toUpperCase()}-${1000 + i}`, ...person() };
  });
  const fields = (rec: EvalRecord): EvalPerson => ({
    given_names: rec.given_names,
    first_surname: rec.first_surname,
    second_surname: rec.second_surname,
    birth_date: rec.birth_date,
    sex: rec.sex,
    nationality: rec.nationality,
  });

  function typo(word: string): string {
    if (word.length < 5) return word;
    const i = 1 + Math.floor(r() * (word.length - 2));
    const kind = Math.floor(r() * 3);
    if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // transposition
    if (kind === 1) return word.slice(0, i) + word.slice(i + 1); // deletion
    return word.slice(0, i) + 'aeiourn'[Math.floor(r() * 7)] + word.slice(i + 1); // substitution
  }
  function soundAlike(word: string): string {
    const rules: [RegExp, string][] = [[/v/i, 'b'], [/b/i, 'v'], [/z/i, 's'], [/s$/i, 'z'], [/ll/i, 'y'], [/^H/, ''], [/y/i, 'll'], [/ce/i, 'se'], [/ci/i, 'si'], [/gu/i, 'g']];
    for (const [re, to] of rules.sort(() => r() - 0.5)) if (re.test(word)) return word.replace(re, to);
    return word;
  }
  const abbreviate = (given: string) => given.replace(/^María\b/, 'Ma.').replace(/^(José|Juan)\b/, (m) => `${m[0]}.`);

  /** The variations a true list member arrives with (one to three of them at once). */
  const VARIATIONS: [string, (p: EvalPerson) => EvalPerson][] = [
    ['no-accents-upper', (p) => ({ ...p, given_names: strip(p.given_names).toUpperCase(), first_surname: strip(p.first_surname).toUpperCase(), second_surname: strip(p.second_surname).toUpperCase() })],
    ['surnames-swapped', (p) => (p.second_surname ? { ...p, first_surname: p.second_surname, second_surname: p.first_surname } : p)],
    ['second-surname-missing', (p) => ({ ...p, second_surname: '' })],
    ['first-given-only', (p) => ({ ...p, given_names: p.given_names.split(' ')[0]! })],
    ['abbreviated-given', (p) => ({ ...p, given_names: abbreviate(p.given_names) })],
    ['typo-surname', (p) => ({ ...p, first_surname: typo(p.first_surname) })],
    ['typo-given', (p) => ({ ...p, given_names: p.given_names.split(' ').map((g, i) => (i === 0 ? typo(g) : g)).join(' ') })],
    ['sound-alike', (p) => ({ ...p, first_surname: soundAlike(p.first_surname), given_names: soundAlike(p.given_names) })],
    ['particle', (p) => ({ ...p, second_surname: `de la ${p.second_surname}` })],
    ['year-only', (p) => ({ ...p, birth_date: p.birth_date.slice(0, 4) })],
    ['day-month-swapped', (p) => {
      const [y, m, d] = p.birth_date.split('-');
      return p.birth_date.length === 10 && Number(d) <= 12 ? { ...p, birth_date: `${y}-${d}-${m}` } : p;
    }],
    ['year-off-by-one', (p) => (p.birth_date ? { ...p, birth_date: `${Number(p.birth_date.slice(0, 4)) + (r() < 0.5 ? 1 : -1)}${p.birth_date.slice(4)}` } : p)],
    ['no-birth-date', (p) => ({ ...p, birth_date: '' })],
    ['no-sex-no-nationality', (p) => ({ ...p, sex: '', nationality: '' })],
  ];

  const queries: EvalQuery[] = [];
  const add = (query: EvalPerson, expected: string | null, category: string, variations: string[] = [category]) =>
    queries.push({ query: { ...query, birth_date: toDmy(query.birth_date) }, expected, category, variations });

  for (const rec of shuffled(records).slice(0, 150)) {
    const chosen = shuffled(VARIATIONS).slice(0, 1 + Math.floor(r() * 3));
    let q = fields(rec);
    for (const [, vary] of chosen) q = vary(q);
    add(q, rec.reference, 'clerk-variations', chosen.map(([name]) => name));
  }

  // How the shipped name knowledge writes a given name: Chepe, Pepe for José; Brayan for Bryan.
  const byName = new Map<string, { nicknames: string[]; spellings: string[] }>();
  for (const e of shippedNameEntries()) {
    if (e.kind !== 'nickname' && e.kind !== 'spelling') continue;
    for (const name of e.means) {
      const entry = byName.get(name) ?? { nicknames: [], spellings: [] };
      (e.kind === 'nickname' ? entry.nicknames : entry.spellings).push(e.written);
      byName.set(name, entry);
    }
  }
  const key = (given: string) => strip(given.split(' ')[0]!).toLowerCase();
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const members = (category: string, count: number, eligible: (rec: EvalRecord) => boolean, vary: (p: EvalPerson) => EvalPerson) => {
    for (const rec of shuffled(records.filter(eligible)).slice(0, count)) add(vary(fields(rec)), rec.reference, category);
  };
  members('nickname', 40, (rec) => !!byName.get(key(rec.given_names))?.nicknames.length, (p) => ({
    ...p,
    given_names: capital(pick(byName.get(key(p.given_names))!.nicknames)),
  }));
  // Spellings: the list writes the registry form (Bryan, Jefferson), the desk writes what it heard.
  const spelled = [...byName].filter(([, v]) => v.spellings.length).map(([name]) => name);
  for (let i = 0; i < 30; i++) {
    const rec = records[Math.floor(r() * records.length)]!;
    const formal = pick(spelled);
    const listed: EvalRecord = { ...rec, reference: `${rec.list.toUpperCase()}-S${i}`, given_names: capital(formal), sex: 'M' };
    records.push(listed);
    add({ ...fields(listed), given_names: capital(pick(byName.get(formal)!.spellings)) }, listed.reference, 'spelling');
  }
  members('mayan-orthography', 40, (rec) => mayan(rec.first_surname) !== rec.first_surname || mayan(rec.second_surname) !== rec.second_surname, (p) => ({
    ...p,
    first_surname: mayan(p.first_surname),
    second_surname: mayan(p.second_surname),
  }));
  members('married-surname', 30, (rec) => rec.sex === 'F', (p) => ({ ...p, second_surname: r() < 0.5 ? `de ${surname(r)}` : `${p.second_surname} de ${surname(r)}` }));
  members('surnames-one-field', 30, () => true, (p) => ({ ...p, first_surname: `${p.first_surname} ${p.second_surname}`, second_surname: '' }));
  members('no-birth-date', 20, () => true, (p) => ({ ...p, birth_date: '' }));

  /** People who are NOT on the list but resemble someone who is. */
  const otherGiven = (p: EvalPerson, female: boolean) => pick((female ? FEMALE : MALE).filter((g) => g[0] !== p.given_names[0]));
  const LOOK_ALIKES: [string, number, (p: EvalPerson) => EvalPerson][] = [
    ['sibling', 30, (p) => ({ ...p, given_names: otherGiven(p, p.sex === 'F'), birth_date: date(Number(p.birth_date.slice(0, 4)) + 2 + Math.floor(r() * 6)) })],
    ['namesake-born-apart', 30, (p) => ({ ...p, birth_date: `${Number(p.birth_date.slice(0, 4)) + (r() < 0.5 ? -1 : 1) * (6 + Math.floor(r() * 20))}${p.birth_date.slice(4)}` })],
    ['parent', 30, (p) => ({ ...p, given_names: pick([...MALE, ...FEMALE].filter((g) => g[0] !== p.given_names[0])), second_surname: pick(SURNAMES.filter((s) => s !== p.second_surname)), birth_date: date(Number(p.birth_date.slice(0, 4)) - 22 - Math.floor(r() * 10)) })],
    ['other-second-surname', 30, (p) => ({ ...p, second_surname: pick(SURNAMES.filter((s) => s[0] !== p.second_surname[0])), birth_date: date(Number(p.birth_date.slice(0, 4)) + 3 + Math.floor(r() * 10)) })],
    ['other-sex-other-name', 30, (p) => ({ ...p, sex: p.sex === 'F' ? 'M' : 'F', given_names: otherGiven(p, p.sex !== 'F'), birth_date: date(Number(p.birth_date.slice(0, 4)) - 1 - Math.floor(r() * 4)) })],
    // Twins: the same day, the same surnames, another given name (of either sex).
    ['twin', 40, (p) => {
      const female = r() < 0.5;
      return { ...p, sex: female ? 'F' : 'M', given_names: otherGiven(p, female) };
    }],
    // Father and son with the same full name: 20 to 35 years apart, another day.
    ['father-son', 30, (p) => ({ ...p, sex: 'M', birth_date: date(Number(p.birth_date.slice(0, 4)) - 20 - Math.floor(r() * 16)) })],
    // Cousins born the same year: the same given name and first surname, another second surname.
    ['cousin', 40, (p) => {
      let other = date(Number(p.birth_date.slice(0, 4)));
      while (other.slice(5) === p.birth_date.slice(5) || other.slice(5) === `${p.birth_date.slice(8)}-${p.birth_date.slice(5, 7)}`) other = date(Number(p.birth_date.slice(0, 4)));
      return { ...p, second_surname: pick(SURNAMES.filter((s) => strip(s)[0] !== strip(p.second_surname)[0])), birth_date: other };
    }],
    // A namesake from another country: the same full name, another nationality and birth date.
    ['namesake-other-country', 30, (p) => ({
      ...p,
      nationality: pick(['GTM', 'HND', 'SLV', 'MEX', 'NIC'].filter((n) => n !== p.nationality)),
      birth_date: date(Number(p.birth_date.slice(0, 4)) + (r() < 0.5 ? -1 : 1) * (2 + Math.floor(r() * 8))),
    })],
  ];
  const nameKey = (p: EvalPerson) => `${strip(p.given_names)}|${strip(p.first_surname)}|${strip(p.second_surname)}|${p.birth_date.slice(0, 4)}`.toLowerCase();
  const onList = new Set(records.map(nameKey));
  for (const [name, count, make] of LOOK_ALIKES) {
    let made = 0;
    for (const rec of shuffled(records)) {
      if (made >= count) break;
      if (name === 'father-son' && rec.sex !== 'M') continue;
      const q = make(fields(rec));
      if (onList.has(nameKey(q))) continue;
      add(q, null, name);
      made += 1;
    }
  }
  return { records, queries };
}

export interface CategoryScore {
  category: string;
  kind: 'member' | 'look-alike';
  queries: number;
  /** Members: found among the proposals. */
  found: number;
  /** Proposals that named the right record, of all proposals made for the category's queries. */
  correctProposals: number;
  proposals: number;
  /** Look-alikes: queries that sent anything to review. */
  falseAlerts: number;
}

/** Recall and precision on the whole set and per category, from each query's proposed references. */
export function scoreAlertEval(queries: readonly EvalQuery[], proposed: readonly (readonly string[])[]) {
  const categories = new Map<string, CategoryScore>();
  const missed: string[] = [];
  queries.forEach((q, i) => {
    const refs = proposed[i] ?? [];
    const c = categories.get(q.category) ?? { category: q.category, kind: q.expected ? 'member' : 'look-alike', queries: 0, found: 0, correctProposals: 0, proposals: 0, falseAlerts: 0 };
    c.queries += 1;
    c.proposals += refs.length;
    if (q.expected) {
      if (refs.includes(q.expected)) {
        c.found += 1;
        c.correctProposals += 1;
      } else missed.push(`${q.category}:${q.variations.join('+')}`);
    } else if (refs.length) c.falseAlerts += 1;
    categories.set(q.category, c);
  });
  const all = [...categories.values()];
  const members = all.filter((c) => c.kind === 'member');
  const truePositives = members.reduce((n, c) => n + c.found, 0);
  const falsePositives = all.reduce((n, c) => n + c.falseAlerts, 0);
  return {
    queries: queries.length,
    recall: truePositives / members.reduce((n, c) => n + c.queries, 0),
    precision: truePositives / (truePositives + falsePositives),
    categories: all,
    missed,
  };
}
