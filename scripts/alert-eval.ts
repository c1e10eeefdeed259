/**
 * Writes tests/fixtures/alert-eval.json: the labelled set the alert matcher is measured on
 * (issue 4). A list of records, 150 queries that ARE list members written with the variations
 * clerks and lists produce, and 150 look-alikes that are NOT (siblings, namesakes born years
 * apart, parents, the other sex). Deterministic: run `npx tsx scripts/alert-eval.ts` to rebuild.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GIVEN, SURNAMES } from '../electron/cli/bench/names';

let seed = 20261125;
const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');
const FEMALE = new Set(GIVEN.slice(GIVEN.indexOf('María')));
const TYPES = ['interpol', 'alba-keneth', 'isabel-claudina', 'warrant', 'custom'] as const;

interface Person { given_names: string; first_surname: string; second_surname: string; birth_date: string; sex: string; nationality: string }
interface Record extends Person { list: string; reference: string }

function person(): Person {
  const female = r() < 0.4;
  const pool = GIVEN.filter((g) => FEMALE.has(g) === female);
  const given = r() < 0.4 ? `${pick(pool)} ${pick(pool)}` : pick(pool);
  const year = 1960 + Math.floor(r() * 50);
  return {
    given_names: given, first_surname: pick(SURNAMES), second_surname: pick(SURNAMES),
    birth_date: `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
    sex: female ? 'F' : 'M', nationality: pick(['GTM', 'GTM', 'HND', 'SLV']),
  };
}

const records: Record[] = Array.from({ length: 3000 }, (_, i) => {
  const list = TYPES[i % TYPES.length]!;
  return { list, reference: `${list.toUpperCase()}-${1000 + i}`, ...person() };
});

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const toDmy = (iso: string) => iso.split('-').reverse().join('/');
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
const VARIATIONS: [string, (p: Person) => Person][] = [
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

const queries: { query: Person; expected: string | null; variations: string[] }[] = [];
const members = [...records].sort(() => r() - 0.5).slice(0, 150);
for (const rec of members) {
  const count = 1 + Math.floor(r() * 3);
  const chosen = [...VARIATIONS].sort(() => r() - 0.5).slice(0, count);
  let q: Person = { given_names: rec.given_names, first_surname: rec.first_surname, second_surname: rec.second_surname, birth_date: rec.birth_date, sex: rec.sex, nationality: rec.nationality };
  for (const [, vary] of chosen) q = vary(q);
  queries.push({ query: { ...q, birth_date: q.birth_date.length === 10 ? toDmy(q.birth_date) : q.birth_date }, expected: rec.reference, variations: chosen.map(([name]) => name) });
}

/** People who are NOT on the list but resemble someone who is. */
const LOOK_ALIKES: [string, (p: Record) => Person][] = [
  ['sibling', (p) => {
    const pool = GIVEN.filter((g) => FEMALE.has(g) === (p.sex === 'F') && g[0] !== p.given_names[0]);
    return { ...p, given_names: pick(pool), birth_date: `${Number(p.birth_date.slice(0, 4)) + 2 + Math.floor(r() * 6)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}` };
  }],
  ['namesake-born-apart', (p) => ({ ...p, birth_date: `${Number(p.birth_date.slice(0, 4)) + (r() < 0.5 ? -1 : 1) * (6 + Math.floor(r() * 20))}${p.birth_date.slice(4)}` })],
  ['parent', (p) => {
    const pool = GIVEN.filter((g) => g[0] !== p.given_names[0]);
    return { ...p, given_names: pick(pool), second_surname: pick(SURNAMES.filter((s) => s !== p.second_surname)), birth_date: `${Number(p.birth_date.slice(0, 4)) - 22 - Math.floor(r() * 10)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}` };
  }],
  ['other-second-surname', (p) => ({ ...p, second_surname: pick(SURNAMES.filter((s) => s[0] !== p.second_surname[0])), birth_date: `${Number(p.birth_date.slice(0, 4)) + 3 + Math.floor(r() * 10)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}` })],
  ['other-sex-other-name', (p) => {
    const pool = GIVEN.filter((g) => FEMALE.has(g) !== (p.sex === 'F'));
    return { ...p, sex: p.sex === 'F' ? 'M' : 'F', given_names: pick(pool), birth_date: `${Number(p.birth_date.slice(0, 4)) - 1 - Math.floor(r() * 4)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}` };
  }],
];
const onList = new Set(records.map((x) => `${strip(x.given_names)}|${strip(x.first_surname)}|${strip(x.second_surname)}|${x.birth_date.slice(0, 4)}`.toLowerCase()));
for (const rec of [...records].sort(() => r() - 0.5)) {
  if (queries.length >= 300) break;
  const [name, make] = LOOK_ALIKES[queries.length % LOOK_ALIKES.length]!;
  const q = make(rec);
  const key = `${strip(q.given_names)}|${strip(q.first_surname)}|${strip(q.second_surname)}|${q.birth_date.slice(0, 4)}`.toLowerCase();
  if (onList.has(key)) continue;
  queries.push({ query: { ...q, birth_date: toDmy(q.birth_date) }, expected: null, variations: [name] });
}

const out = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'alert-eval.json');
const lines = (items: unknown[]) => items.map((x) => `  ${JSON.stringify(x)}`).join(',\n');
fs.writeFileSync(
  out,
  `{"note": "Generated by scripts/alert-eval.ts; expected = the list reference, or null for a look-alike.",\n"records": [\n${lines(records)}\n],\n"queries": [\n${lines(queries)}\n]}\n`,
);
console.log(`${records.length} records, ${queries.filter((q) => q.expected).length} members, ${queries.filter((q) => !q.expected).length} look-alikes → ${out}`);
