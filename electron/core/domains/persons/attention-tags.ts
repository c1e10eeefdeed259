import type { AttentionTag } from '../screening/contract';
import type { Database } from '../../db/driver';
import { ageAt, ageGroup } from '../../partial-date';
import { latestLgbtiqAnswer, tagSources, type PersonRow } from './store';

/** Languages every station speaks: no tag needed for them. */
const COMMON_LANGUAGES = new Set(['es', 'en', 'other']);
/** Peoples that call for differentiated attention (indigenous, Garífuna, Afro-descendant). */
const MAJORITY_PEOPLES = new Set(['ladino', 'other']);

export type TagSource = Pick<PersonRow, 'birth_date' | 'sex' | 'gender_identity' | 'people' | 'languages' | 'interpreter_needed' | 'disabilities'>;

/**
 * Differentiated-attention tags (docs/spec.md, station 5): gender, age group, disability, indigenous
 * people and language, LGBTIQ+. Derived each time from registration and the latest screening,
 * so a correction anywhere shows at every later station at once.
 */
export function attentionTags(person: TagSource, todayIso: string, lgbtiq: boolean): AttentionTag[] {
  const tags: AttentionTag[] = [];
  // Adult men are the baseline the reception is organised around; everyone else is tagged.
  if (person.gender_identity) tags.push({ kind: 'gender', code: person.gender_identity });
  else if (person.sex && person.sex !== 'M') tags.push({ kind: 'gender', code: person.sex });
  const group = ageGroup(ageAt(person.birth_date, todayIso));
  if (group && group !== 'adult') tags.push({ kind: 'age', code: group });
  for (const d of JSON.parse(person.disabilities) as string[]) tags.push({ kind: 'disability', code: d });
  if (person.people && !MAJORITY_PEOPLES.has(person.people)) tags.push({ kind: 'indigenous', code: person.people });
  for (const l of JSON.parse(person.languages) as string[]) if (!COMMON_LANGUAGES.has(l)) tags.push({ kind: 'language', code: l });
  if (person.interpreter_needed === 1) tags.push({ kind: 'interpreter', code: 'needed' });
  if (lgbtiq) tags.push({ kind: 'lgbtiq', code: 'lgbtiq' });
  return tags;
}

/** Whether the person's latest screening recorded that they asked to be known as LGBTIQ+. */
export function declaredLgbtiq(db: Database, personId: string): boolean {
  return latestLgbtiqAnswer(db, personId) === 1;
}

/** Tags of many people at once (the flow board), in one query. */
export function tagsOf(db: Database, personIds: readonly string[], todayIso: string): Map<string, AttentionTag[]> {
  const rows = tagSources(db, personIds);
  return new Map(rows.map((r) => [r.id, attentionTags(r, todayIso, r.lgbtiq === 1)]));
}
