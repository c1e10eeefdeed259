import { canonicalGivenName, givenForms, isAbbreviation, isNameVariant, jaroWinkler, nameParts, nameTokens, phoneticKey, soundKey, surnameTokens } from '../../names';
import { birthYear, compareBirthDates, type PartialDate } from '../../partial-date';

/** A person as the alert matcher sees them: from a registration, a check-in or a CLI file. */
export interface AlertSubject {
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
  birthDate?: PartialDate | null;
  sex?: string | null;
  nationality?: string | null;
}

/** Why a list record was proposed; each has a translated sentence under `alerts.reasons.<code>`. */
export const ALERT_REASONS = [
  'name-exact',
  'name-similar',
  'surnames-swapped',
  'surname-missing',
  'given-name-abbreviated',
  'given-name-partial',
  'sound-alike',
  'typing-error',
  'birth-date-exact',
  'birth-date-same-year',
  'birth-date-day-month-swapped',
  'birth-date-one-year-off',
  'birth-date-different',
  'birth-date-unknown',
  'sex-match',
  'sex-different',
  'nationality-match',
  'nationality-different',
  'second-surname-different',
  'little-evidence',
  'given-name-variant',
  'married-surname',
] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

const given = (s: AlertSubject) => nameTokens(s.givenNames).map(canonicalGivenName);
/** The person's own surnames (a married "de X" apart). */
const surnames = (s: AlertSubject) => surnameTokens(s.firstSurname, s.secondSurname).own;

/**
 * Blocking keys of a list record or a query: pairs of names in any order by consonant
 * skeleton (a swapped or missing surname, or a typo in one name, still leaves a shared pair),
 * and each name with the birth year. A check looks up only these keys: never the whole list.
 */
export function alertKeys(s: AlertSubject, years: 'exact' | 'around' = 'exact'): string[] {
  const keys = new Set<string>();
  // Every name a given name may stand for (Beto: Alberto, Roberto…), and a married surname too.
  const g = [...new Set(nameTokens(s.givenNames).filter((t) => t.length > 1).slice(0, 3).flatMap(givenForms))];
  const { own, married } = surnameTokens(s.firstSurname, s.secondSurname);
  const sn = [...own.slice(0, 3), ...married.slice(0, 1)];
  const words = [...new Set([...g, ...sn].map(phoneticKey).filter(Boolean))];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = words[i]! < words[j]! ? [words[i]!, words[j]!] : [words[j]!, words[i]!];
      keys.add(`p:${a}+${b}`);
    }
  const year = birthYear(s.birthDate ?? null);
  if (year) {
    const span = years === 'around' ? [year - 1, year, year + 1] : [year];
    for (const y of span) for (const w of words) keys.add(`y:${y}:${w}`);
  }
  return [...keys];
}

/** How the names differ, in the words an alert officer uses. */
function nameReasons(q: AlertSubject, r: AlertSubject, similarity: number): AlertReason[] {
  const reasons: AlertReason[] = [];
  const qs = surnames(q);
  const rs = surnames(r);
  const same = (a: string | undefined, b: string | undefined) => !!a && !!b && soundKey(a) === soundKey(b);
  if (qs.length === 2 && rs.length === 2 && !same(qs[0], rs[0]) && same(qs[0], rs[1]) && same(qs[1], rs[0])) reasons.push('surnames-swapped');
  if (qs.length !== rs.length && Math.min(qs.length, rs.length) > 0) reasons.push('surname-missing');
  const qRaw = nameTokens(q.givenNames);
  const rRaw = nameTokens(r.givenNames);
  if ([...qRaw, ...rRaw].some(isAbbreviation)) reasons.push('given-name-abbreviated');
  else if (qRaw.length !== rRaw.length) reasons.push('given-name-partial');
  if ([...qRaw, ...rRaw].some(isNameVariant)) reasons.push('given-name-variant');
  const married = (s: AlertSubject) => surnameTokens(s.firstSurname, s.secondSurname).married.length > 0;
  if (married(q) !== married(r)) reasons.push('married-surname');
  const qAll = [...given(q), ...qs];
  const rAll = [...given(r), ...rs];
  const unmatched = qAll.filter((t) => !rAll.includes(t));
  if (unmatched.some((t) => rAll.some((u) => u !== t && soundKey(u) === soundKey(t)))) reasons.push('sound-alike');
  // A typing error: a name close to one on the other side, but neither equal nor a sound-alike.
  else if (unmatched.some((t) => t.length > 1 && rAll.some((u) => !u.startsWith(t) && !t.startsWith(u) && jaroWinkler(t, u) >= 0.85))) reasons.push('typing-error');
  if (similarity >= 0.999 && reasons.length === 0) reasons.unshift('name-exact');
  else reasons.unshift('name-similar');
  return reasons;
}

/**
 * Names for alerts: unlike repeat-returnee detection, a different first name is as telling as
 * a different surname (siblings share both surnames and often the birth year).
 */
export function alertNameSimilarity(q: AlertSubject, r: AlertSubject): number {
  const { surname, given, completeness } = nameParts(q, r);
  let score = 0.55 * surname + 0.45 * given;
  if (surname < 0.8) score *= surname;
  if (given < 0.8) score *= given;
  return score * completeness;
}

/**
 * 0–1 likelihood that a returnee is the person of a list record, with the reasons. Names
 * carry the score; birth date, sex and nationality are evidence for or against.
 */
export function alertScore(q: AlertSubject, r: AlertSubject, explain = true): { score: number; reasons: AlertReason[] } {
  const similarity = alertNameSimilarity(q, r);
  // Reasons cost more than the score: a check asks for them only for records above the threshold.
  const reasons: AlertReason[] = explain ? nameReasons(q, r, similarity) : [];
  let score = similarity;
  const compared = compareBirthDates(q.birthDate ?? null, r.birthDate ?? null);
  // Two bare years that agree say no more than "same year".
  const dates = compared === 'exact' && (q.birthDate ?? '').length < 10 ? 'same-year' : compared;
  // A missing date is neutral; a date that differs beyond the usual errors weighs against.
  score += { exact: 0.08, 'day-month-swapped': 0.05, 'same-year': 0.03, 'one-year-off': 0, different: -0.3, unknown: 0 }[dates];
  if (explain) reasons.push(`birth-date-${dates}`);
  // Two second surnames written and different: a cousin, not the same person.
  if (secondSurnamesDiffer(q, r)) {
    score -= SECOND_SURNAME_PENALTY;
    if (explain) reasons.push('second-surname-different');
  }
  if (q.sex && r.sex && q.sex !== 'X' && r.sex !== 'X') {
    score += q.sex === r.sex ? 0.02 : -0.25;
    if (explain) reasons.push(q.sex === r.sex ? 'sex-match' : 'sex-different');
  }
  if (q.nationality && r.nationality) {
    score += q.nationality === r.nationality ? 0.02 : -0.05;
    if (explain) reasons.push(q.nationality === r.nationality ? 'nationality-match' : 'nationality-different');
  }
  // A given name and one surname in common, and nothing else to compare: not enough to ask the
  // officer (the José López of a whole population). More evidence (a date, both surnames) can.
  if (dates === 'unknown' && thinNames(q, r)) {
    score = Math.min(score, LITTLE_EVIDENCE_CEILING);
    if (explain) reasons.push('little-evidence');
  }
  return { score: Math.max(0, Math.min(1, Math.round(score * 1000) / 1000)), reasons };
}

/** What two second surnames that plainly differ take off a score (a cousin, not the same person). */
export const SECOND_SURNAME_PENALTY = 0.25;

/** Highest score of a comparison that rests on a given name and one surname alone. */
export const LITTLE_EVIDENCE_CEILING = 0.75;

/** Both records write two surnames, the first ones agree, and the second ones are plainly different names (not a typo, not a swap). */
export function secondSurnamesDiffer(q: { firstSurname: string; secondSurname?: string | null }, r: { firstSurname: string; secondSurname?: string | null }): boolean {
  const qs = surnameTokens(q.firstSurname, q.secondSurname).own;
  const rs = surnameTokens(r.firstSurname, r.secondSurname).own;
  if (qs.length !== 2 || rs.length !== 2) return false;
  const alike = (a: string, b: string) => soundKey(a) === soundKey(b) || jaroWinkler(a, b) >= 0.85;
  if (alike(qs[0]!, rs[1]!) && alike(qs[1]!, rs[0]!)) return false; // swapped
  return alike(qs[0]!, rs[0]!) && !alike(qs[1]!, rs[1]!);
}

/**
 * All the two records can share is one given name and one surname: one side writes a single
 * surname and one side a single given name ("José López"). Two given names and a surname
 * ("María José López") are more to go on.
 */
export function thinNames(q: { givenNames: string; firstSurname: string; secondSurname?: string | null }, r: { givenNames: string; firstSurname: string; secondSurname?: string | null }): boolean {
  const surnames = (s: typeof q) => surnameTokens(s.firstSurname, s.secondSurname).own.length;
  const given = (s: typeof q) => nameTokens(s.givenNames).filter((t) => !isAbbreviation(t)).length;
  return Math.min(surnames(q), surnames(r)) < 2 && Math.min(given(q), given(r)) < 2;
}
