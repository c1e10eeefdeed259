/**
 * Name normalisation and comparison for Spanish names as clerks type them under pressure:
 * case, accents, punctuation, particles (de, del, de la, y), sound-alikes and typos; the
 * nicknames and spellings of resources/data/given-names.json; the Mayan orthographies,
 * particles and married surnames of resources/data/surnames.json; and a centre's own entries
 * (useCentreNames, kept by domains/names/service.ts). Shared by repeat-returnee detection, search and
 * alert matching.
 */
import { z } from 'zod';
import givenNamesJson from '../../resources/data/given-names.json';
import surnamesJson from '../../resources/data/surnames.json';

const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'van', 'von', 'san']);

const Word = z.string().regex(/^[a-z]{2,20}$/);
const NameMap = z.record(Word, Word);
const GivenNamesFile = z.strictObject({
  note: z.string(),
  version: z.number().int().positive(),
  abbreviations: NameMap,
  nicknames: NameMap,
  ambiguous: z.record(Word, z.array(Word).min(2).max(8)),
  spellings: NameMap,
});
const SurnamesFile = z.strictObject({
  note: z.string(),
  version: z.number().int().positive(),
  orthography: z.array(z.strictObject({ written: z.string().regex(/^[a-z]{1,4}$/), as: z.string().regex(/^[a-z]{1,4}$/), example: z.string() })),
  particles: z.array(z.string().regex(/^[a-z]{1,5}$/)),
  compound: z.array(z.string().regex(/^[a-z]+( [a-z]+){1,2}$/)),
  marriedParticle: z.string().regex(/^[a-z]{1,5}$/),
});

/**
 * A resources/data file, validated on load: a broken file stops the app at start with the
 * reason, never a matcher that silently knows fewer names.
 */
export function validateNameFile<T>(schema: z.ZodType<T>, json: unknown, name: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`resources/data/${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

export const NAME_FILES = { 'given-names.json': GivenNamesFile, 'surnames.json': SurnamesFile } as const;

const shippedGiven = validateNameFile(GivenNamesFile, givenNamesJson, 'given-names.json');
const shippedSurnames = validateNameFile(SurnamesFile, surnamesJson, 'surnames.json');

/** Lower case, no accents (ñ → n), letters/digits/spaces only, single spaces. */
export function normalize(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Letters and digits only: "K'iche'" → "kiche", "2456 78901 0101" → "2456789010101". */
export function compactKey(text: string | null | undefined): string {
  return normalize(text).replace(/ /g, '');
}

/** Meaningful tokens of a name: particles dropped ("de la Cruz" → ["cruz"]). */
export function nameTokens(text: string | null | undefined): string[] {
  const raw = text ?? '';
  let tokens = tokenCache.get(raw);
  if (tokens === undefined) {
    if (tokenCache.size > 100_000) tokenCache.clear();
    tokens = normalize(raw)
      .split(' ')
      .filter((t) => t && !PARTICLES.has(t));
    tokenCache.set(raw, tokens);
  }
  return tokens;
}

/** Names repeat a lot; callers never modify the returned arrays. */
const tokenCache = new Map<string, string[]>();

/**
 * How a word sounds in Spanish: b/v, s/z/c(e,i), ll/y, silent h, gu/g, qu/k, ge/je, x/j.
 * "Lopes" and "López", "Ernández" and "Hernández" sound the same.
 */
export function soundKey(token: string): string {
  let key = soundCache.get(token);
  if (key === undefined) {
    if (soundCache.size > 50_000) soundCache.clear(); // names repeat a lot: a small cache is enough
    key = computeSound(token);
    soundCache.set(token, key);
  }
  return key;
}

const soundCache = new Map<string, string>();

/** Mayan orthographies read alike (resources/data/surnames.json), before the Spanish rules. */
export const ORTHOGRAPHY_RULES: readonly { written: string; as: string }[] = shippedSurnames.orthography.map(({ written, as }) => ({ written, as }));
const ORTHOGRAPHY = shippedSurnames.orthography.map((rule) => [new RegExp(rule.written, 'g'), rule.as] as const);

function computeSound(token: string): string {
  let s = normalize(token).replace(/ /g, '');
  for (const [written, as] of ORTHOGRAPHY) s = s.replace(written, as);
  s = s
    .replace(/ch/g, '1')
    .replace(/ll/g, 'y')
    .replace(/qu/g, 'k')
    .replace(/gu([ei])/g, 'g$1')
    .replace(/g([ei])/g, 'j$1')
    .replace(/c([ei])/g, 's$1')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/w/g, 'b')
    .replace(/x/g, 'j')
    .replace(/h/g, '')
    .replace(/y$/, 'i');
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * Blocking key: the sound's consonant skeleton (first letter + consonants) so that a wrong vowel
 * still lands in the same bucket. Coarse on purpose; similarity is decided by soundKey + Jaro-Winkler.
 */
export function phoneticKey(token: string): string {
  const s = soundKey(token);
  if (!s) return '';
  const first = /[aeiou]/.test(s[0]!) ? 'a' : s[0]!; // Ernández = Hernández
  return (first + s.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
}

/**
 * The consonants a word sounds with, as a set in alphabetical order: the same for a wrong vowel,
 * two letters swapped (Otriz, Ortiz) or a letter doubled; coarser than phoneticKey, so only
 * whole-name keys use it.
 */
export function consonantSet(token: string): string {
  const sound = soundKey(token);
  const consonants = [...new Set(sound.replace(/[aeiouy]/g, ''))].sort().join('');
  return consonants || sound;
}

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Token similarity: exact, sound-alike, abbreviation/initial, or Jaro-Winkler. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // Names repeat a lot (a few hundred given names and surnames): remember pairs already compared.
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let value = similarityCache.get(key);
  if (value === undefined) {
    if (similarityCache.size > 200_000) similarityCache.clear();
    value = computeTokenSimilarity(a, b);
    similarityCache.set(key, value);
  }
  return value;
}

const similarityCache = new Map<string, number>();

function computeTokenSimilarity(a: string, b: string): number {
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 0.85; // J. = Juan
  if (soundKey(a) === soundKey(b)) return 0.95;
  // Two neighbouring letters swapped (Tmu for Tum, Blo for Bol): Jaro-Winkler's window is too
  // narrow to see it in a short word.
  if (adjacentSwap(a, b)) return Math.max(0.9, jaroWinkler(a, b));
  return jaroWinkler(a, b);
}

function adjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** What a centre's admin added to the shipped name knowledge, or switched off in it (Nombres screen). */
export const CentreNameEntry = z.strictObject({
  kind: z.enum(['nickname', 'spelling', 'surname']),
  written: z.string().regex(/^[a-z]{3,20}$/),
  means: z.array(z.string().regex(/^[a-z]{2,20}$/)).min(1).max(8),
});
export type CentreNameEntry = z.infer<typeof CentreNameEntry>;
export const CentreNames = z.strictObject({
  added: z.array(CentreNameEntry).max(2000).default([]),
  /** Shipped entries (by their written form) this centre does not want used. */
  disabled: z.array(z.string().regex(/^[a-z]{2,20}$/)).max(2000).default([]),
});
export type CentreNames = z.infer<typeof CentreNames>;

/** One written form and what it stands for, as the Nombres screen lists them. */
export interface NameEntry {
  kind: 'abbreviation' | 'nickname' | 'spelling' | 'surname';
  written: string;
  means: string[];
  source: 'shipped' | 'centre';
  active: boolean;
}

/** The shipped entries, one per written form. */
export function shippedNameEntries(): NameEntry[] {
  const entries: NameEntry[] = [];
  const add = (kind: NameEntry['kind'], map: Record<string, string | string[]>) => {
    for (const [written, means] of Object.entries(map)) entries.push({ kind, written, means: typeof means === 'string' ? [means] : means, source: 'shipped', active: true });
  };
  add('abbreviation', shippedGiven.abbreviations);
  add('nickname', shippedGiven.nicknames);
  add('nickname', shippedGiven.ambiguous);
  add('spelling', shippedGiven.spellings);
  return entries;
}

/** The shipped entries with the centre's changes: what the matchers use. */
export function nameEntries(centre: CentreNames): NameEntry[] {
  const disabled = new Set(centre.disabled);
  const added = new Set(centre.added.map((e) => e.written));
  return [
    ...shippedNameEntries()
      .filter((e) => !added.has(e.written))
      .map((e) => ({ ...e, active: !disabled.has(e.written) })),
    ...centre.added.map((e) => ({ ...e, source: 'centre' as const, active: true })),
  ];
}

interface Knowledge {
  /** A given name as written → the given names it may stand for (one for most). */
  given: Map<string, readonly string[]>;
  /** Written forms that are a nickname or a spelling (for the reason given-name-variant). */
  variants: Set<string>;
  abbreviations: Set<string>;
  /** A surname as written → the surname it is (centre entries; orthography covers the rest). */
  surnames: Map<string, string>;
}

function buildKnowledge(centre: CentreNames): Knowledge {
  const knowledge: Knowledge = { given: new Map(), variants: new Set(), abbreviations: new Set(), surnames: new Map() };
  for (const e of nameEntries(centre)) {
    if (!e.active) continue;
    if (e.kind === 'surname') knowledge.surnames.set(e.written, e.means[0]!);
    else knowledge.given.set(e.written, e.means);
    if (e.kind === 'abbreviation') knowledge.abbreviations.add(e.written);
    if (e.kind === 'nickname' || e.kind === 'spelling') knowledge.variants.add(e.written);
  }
  return knowledge;
}

/**
 * The knowledge in use. One core serves one centre per process (the app, the host, a CLI
 * command), so it is module state: openCore and the names service set it from the centre's
 * settings; until then it is the shipped files.
 */
let knowledge = buildKnowledge({ added: [], disabled: [] });

/** Uses the shipped name knowledge with a centre's additions and switched-off entries. */
export function useCentreNames(centre: CentreNames): void {
  knowledge = buildKnowledge(centre);
  surnameCache.clear(); // the only cache that reads the knowledge (centre surname spellings)
}

/** The given names a written token may stand for: itself when it is none of the known forms. */
export function givenForms(token: string): readonly string[] {
  return knowledge.given.get(token) ?? [token];
}

/** The one given name a token stands for (the first, for a nickname of several names). */
export function canonicalGivenName(token: string): string {
  return givenForms(token)[0]!;
}

export function isAbbreviation(token: string): boolean {
  return knowledge.abbreviations.has(token) || token.length === 1;
}

/** A nickname or a spelling of a given name (Chepe, Brayan). */
export function isNameVariant(token: string): boolean {
  return knowledge.variants.has(token);
}

/** Given-name similarity over what each may stand for: Beto ~ Roberto and Alberto alike. */
export function givenSimilarity(a: string, b: string): number {
  const fa = givenForms(a);
  const fb = givenForms(b);
  if (fa.length === 1 && fb.length === 1) return tokenSimilarity(fa[0]!, fb[0]!);
  let best = 0;
  for (const x of fa) for (const y of fb) best = Math.max(best, tokenSimilarity(x, y));
  return best;
}

/**
 * Average similarity of `a`'s tokens to `b`'s, order-free, each of `b`'s used once (the best
 * pairs first): López Quiñónez is not Aguilar Quiñónez because Quiñónez answers for both.
 */
function tokensScore(a: string[], b: string[], similarity: (x: string, y: string) => number = tokenSimilarity): number {
  if (!a.length || !b.length) return 0;
  if (a.length === 1) return Math.max(...b.map((u) => similarity(a[0]!, u)));
  return bestPairs(a, b, similarity).reduce((sum, [value]) => sum + value, 0) / a.length;
}

/**
 * Pairs each of `a` with a different one of `b`, the most similar pairs first (greedy): the
 * chosen [similarity, index in a, index in b]. Shared by name comparison and the search box.
 */
function bestPairs(a: readonly string[], b: readonly string[], similarity: (x: string, y: string) => number): [number, number, number][] {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) pairs.push([similarity(a[i]!, b[j]!), i, j]);
  pairs.sort((x, y) => y[0] - x[0]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  return pairs.filter(([, i, j]) => {
    if (usedA.has(i) || usedB.has(j)) return false;
    usedA.add(i);
    usedB.add(j);
    return true;
  });
}

/** Words that belong to the surname after them: "de la Cruz", "del Cid", "San Juan". */
const SURNAME_PARTICLES = new Set(shippedSurnames.particles);
const COMPOUND_SURNAMES = new Set(shippedSurnames.compound);

/**
 * A person's surnames as tokens: their own (particles dropped, centre spellings applied) and a
 * married woman's "de X" (her husband's surname), kept apart because one record may carry it
 * and the other not. "López de Pérez" → own [lopez], married [perez]; "García de León" → own
 * [garcia, leon] (de León is a surname of its own).
 */
export function surnameTokens(first: string | null | undefined, second: string | null | undefined): { own: string[]; married: string[] } {
  const raw = `${first ?? ''}\u0000${second ?? ''}`;
  let cachedValue = surnameCache.get(raw);
  if (cachedValue === undefined) {
    if (surnameCache.size > 100_000) surnameCache.clear();
    cachedValue = computeSurnames(first, second);
    surnameCache.set(raw, cachedValue);
  }
  return cachedValue;
}

const surnameCache = new Map<string, { own: string[]; married: string[] }>();

function computeSurnames(first: string | null | undefined, second: string | null | undefined): { own: string[]; married: string[] } {
  const words = normalize(`${first ?? ''} ${second ?? ''}`).split(' ').filter(Boolean);
  const own: string[] = [];
  const married: string[] = [];
  const canonical = (w: string) => knowledge.surnames.get(w) ?? w;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === shippedSurnames.marriedParticle && i > 0 && words[i + 1] && !SURNAME_PARTICLES.has(words[i + 1]!)) {
      const phrase = `${w} ${words[i + 1]}`;
      if (!COMPOUND_SURNAMES.has(phrase)) {
        married.push(canonical(words[i + 1]!));
        i += 1;
        continue;
      }
    }
    if (!SURNAME_PARTICLES.has(w)) own.push(canonical(w));
  }
  return { own, married };
}

export interface PersonName {
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
}

/**
 * 0–1 similarity of two full names. Surnames may be swapped or one missing; compound given
 * names match on their first name alone ("María José" ~ "María").
 */
export function nameSimilarity(x: PersonName, y: PersonName): number {
  const { surname, given, completeness } = nameParts(x, y);
  // Different surnames make a different person whatever the given names: they weigh twice.
  const blended = 0.6 * surname + 0.4 * given;
  return (surname < 0.8 ? blended * surname : blended) * completeness;
}

/**
 * The pieces two names are compared by: surname agreement (order-free, the shorter list
 * against the longer; a married "de X" counted where it helps), given-name agreement (compound
 * names match on one of their names; abbreviations, nicknames and spellings stand for their
 * names) and a small cost when one record lacks a surname.
 */
export function nameParts(x: PersonName, y: PersonName): { surname: number; given: number; completeness: number } {
  const gx = nameTokens(x.givenNames);
  const gy = nameTokens(y.givenNames);
  let surname = -1;
  let completeness = 1;
  for (const sx of surnameChoices(x)) {
    for (const sy of surnameChoices(y)) {
      const [shorter, longer] = sx.length <= sy.length ? [sx, sy] : [sy, sx];
      const score = tokensScore(shorter, longer);
      if (score > surname) {
        surname = score;
        completeness = sx.length && sy.length && sx.length !== sy.length ? 0.97 : 1;
      }
    }
  }
  const shorterGiven = gx.length <= gy.length ? gx : gy;
  const longerGiven = gx.length <= gy.length ? gy : gx;
  const given = Math.max(tokensScore(shorterGiven, longerGiven, givenSimilarity), givenSimilarity(gx[0] ?? '', gy[0] ?? ''));
  return { surname: Math.max(0, surname), given, completeness };
}

/** A person's surnames without and with a married "de X" (the same list when there is none). */
function surnameChoices(p: PersonName): string[][] {
  const { own, married } = surnameTokens(p.firstSurname, p.secondSurname);
  return married.length ? [own, [...own, ...married]] : [own];
}

/**
 * Both surnames written in one field, as many manifests carry them: "de la Cruz Pérez" →
 * "de la Cruz" and "Pérez"; "García de León" → "García" and "de León". More than two: the
 * first is the first surname, the rest the second.
 */
export function splitSurnames(text: string): { first: string; second: string | null } {
  const groups: string[] = [];
  let pending: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    pending.push(word);
    if (!SURNAME_PARTICLES.has(normalize(word))) {
      groups.push(pending.join(' '));
      pending = [];
    }
  }
  if (pending.length) {
    if (groups.length) groups[groups.length - 1] += ` ${pending.join(' ')}`;
    else groups.push(pending.join(' '));
  }
  return { first: groups[0] ?? '', second: groups.length > 1 ? groups.slice(1).join(' ') : null };
}

/**
 * How well typed words match a name's tokens (0–1), with the search box's tolerance: a prefix,
 * a typo, a sound-alike. Most of what was typed must be there: one shared surname is no match.
 * The Ctrl+K search and the check-in box both use it.
 */
export function wordsMatch(words: readonly string[], tokens: readonly string[]): number {
  if (!words.length || !tokens.length) return 0;
  // Each name answers for one typed word (the best pairs first): "López López" wants two.
  // givenSimilarity: a nickname or spelling typed (Chepe) finds the name it stands for (José).
  const typed = (w: string, t: string) => (t.startsWith(w) && w.length >= 3 ? Math.max(0.95, givenSimilarity(w, t)) : givenSimilarity(w, t));
  let sum = 0;
  let strong = 0;
  const tokenOf: number[] = [];
  for (const [value, i, j] of bestPairs(words, tokens, typed)) {
    tokenOf[i] = j;
    sum += value;
    if (value >= 0.88) strong += 1;
  }
  if (strong < Math.min(words.length, Math.max(1, Math.ceil(words.length * 0.67)))) return 0;
  // Typed as the name runs ("Brenda Morales" for Brenda Morales Cruz rather than Brenda Reyes
  // Morales): a little ahead among equals.
  let gaps = 0;
  for (let i = 1; i < words.length; i++) if (tokenOf[i] === undefined || tokenOf[i] !== tokenOf[i - 1]! + 1) gaps += 1;
  return sum / words.length - gaps * 0.001;
}
