/**
 * Name normalisation and comparison for Spanish names as clerks type them under pressure:
 * case, accents, punctuation, particles (de, del, de la, y), sound-alikes and typos, and the
 * nicknames and spellings of resources/data/given-names.json. Shared by repeat-returnee
 * detection, search and alert matching.
 */
import { z } from 'zod';
import givenNamesJson from '../../resources/data/given-names.json';

const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'van', 'von', 'san']);

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

function computeSound(token: string): string {
  const s = normalize(token)
    .replace(/ /g, '')
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
  return jaroWinkler(a, b);
}

const NameMap = z.record(z.string().regex(/^[a-z]{2,20}$/), z.string().regex(/^[a-z]{2,20}$/));
const GivenNamesFile = z.strictObject({ note: z.string(), version: z.number().int().positive(), abbreviations: NameMap, nicknames: NameMap, spellings: NameMap });

/**
 * resources/data/given-names.json, validated on load: a broken file stops the app at start with
 * the reason, never a matcher that silently knows fewer names.
 */
const givenNames = (() => {
  const parsed = GivenNamesFile.safeParse(givenNamesJson);
  if (!parsed.success) throw new Error(`resources/data/given-names.json: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
})();

/** Abbreviations of given names (Ma., Fco.): a name written short, not another name. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = givenNames.abbreviations;
/** A nickname or a spelling (Chepe, Brayan) and the given name it stands for. */
export const NAME_VARIANTS: Readonly<Record<string, string>> = { ...givenNames.nicknames, ...givenNames.spellings };

/** The given name a token stands for: an abbreviation, a nickname or a spelling turned into it. */
export function canonicalGivenName(token: string): string {
  return ABBREVIATIONS[token] ?? NAME_VARIANTS[token] ?? token;
}

function expand(tokens: string[]): string[] {
  return tokens.map(canonicalGivenName);
}

/** Best average similarity of `a`'s tokens to any of `b`'s (order-free). */
function tokensScore(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  let sum = 0;
  for (const t of a) sum += Math.max(...b.map((u) => tokenSimilarity(t, u)));
  return sum / a.length;
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
 * against the longer), given-name agreement (compound names match on one of their names,
 * abbreviations expanded) and a small cost when one record lacks a surname.
 */
export function nameParts(x: PersonName, y: PersonName): { surname: number; given: number; completeness: number } {
  const gx = expand(nameTokens(x.givenNames));
  const gy = expand(nameTokens(y.givenNames));
  const sx = nameTokens(`${x.firstSurname} ${x.secondSurname ?? ''}`);
  const sy = nameTokens(`${y.firstSurname} ${y.secondSurname ?? ''}`);
  const surname = tokensScore(sx.length <= sy.length ? sx : sy, sx.length <= sy.length ? sy : sx);
  const shorterGiven = gx.length <= gy.length ? gx : gy;
  const longerGiven = gx.length <= gy.length ? gy : gx;
  const given = Math.max(tokensScore(shorterGiven, longerGiven), tokenSimilarity(gx[0] ?? '', gy[0] ?? ''));
  const completeness = sx.length && sy.length && sx.length !== sy.length ? 0.97 : 1;
  return { surname, given, completeness };
}

/** Words that belong to the surname after them: "de la Cruz", "del Cid", "San Juan". */
const SURNAME_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'san', 'santa', 'van', 'von', 'da', 'di', 'mac', 'mc']);

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
  let sum = 0;
  let strong = 0;
  for (const w of words) {
    const best = Math.max(...tokens.map((t) => (t.startsWith(w) && w.length >= 3 ? Math.max(0.95, tokenSimilarity(w, t)) : tokenSimilarity(w, t))));
    sum += best;
    if (best >= 0.88) strong += 1;
  }
  if (strong < Math.min(words.length, Math.max(1, Math.ceil(words.length * 0.67)))) return 0;
  return sum / words.length;
}
