import { randomBytes } from 'node:crypto';
import type { Person } from './contract';
import type { PersonArrivalRow } from '../../contract/persons-common';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/driver';
import { insertRow } from '../../db/replicated';
import { cached } from '../../db/statements';
import { AppError } from '../../errors';
import { canonicalGivenName, compactKey, consonantSet, givenForms, nameTokens, phoneticKey, soundKey, surnameTokens } from '../../names';
import { ageAt, ageGroup, birthYear } from '../../partial-date';
import { zonedDate } from '../../time';
import { centreTimeZone } from '../../centre';
import type { TagSource } from './attention-tags';

export interface PersonRow {
  rowid: number;
  id: string;
  case_number: string;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
  birth_date: string | null;
  sex: 'F' | 'M' | 'X' | null;
  gender_identity: string | null;
  nationality: string | null;
  document_type: string | null;
  document_number: string | null;
  origin_country: string | null;
  origin_department: string | null;
  origin_municipality: string | null;
  people: string | null;
  languages: string;
  interpreter_needed: number;
  disabilities: string;
  phone: string | null;
  family_contact: string | null;
  years_abroad: number | null;
  detention_days: number | null;
  merged_into: string | null;
  created_at: string;
}

export function today(ctx: ServiceContext): string {
  return zonedDate(ctx.clock.now(), centreTimeZone(ctx));
}

export function fullName(p: { given_names: string; first_surname: string; second_surname: string | null }): string {
  return [p.given_names, p.first_surname, p.second_surname].filter(Boolean).join(' ');
}

export function toPerson(row: PersonRow, todayIso: string): Person {
  const age = ageAt(row.birth_date, todayIso);
  return {
    id: row.id,
    caseNumber: row.case_number,
    givenNames: row.given_names,
    firstSurname: row.first_surname,
    secondSurname: row.second_surname,
    birthDate: row.birth_date,
    age,
    ageGroup: ageGroup(age),
    sex: row.sex,
    genderIdentity: row.gender_identity,
    nationality: row.nationality,
    documentType: row.document_type,
    documentNumber: row.document_number,
    originCountry: row.origin_country,
    originDepartment: row.origin_department,
    originMunicipality: row.origin_municipality,
    people: row.people,
    languages: JSON.parse(row.languages) as string[],
    interpreterNeeded: row.interpreter_needed === 1,
    disabilities: JSON.parse(row.disabilities) as string[],
    phone: row.phone,
    familyContact: row.family_contact,
    yearsAbroad: row.years_abroad,
    detentionDays: row.detention_days,
    mergedInto: row.merged_into,
    createdAt: row.created_at,
  };
}

export function loadPersonRow(ctx: ServiceContext, id: string): PersonRow {
  const row = cached(ctx.db, 'SELECT rowid, * FROM persons WHERE id = ? AND deleted_at IS NULL').get(id) as PersonRow | undefined;
  if (!row) throw new AppError('persons.not-found');
  ctx.records.add(id);
  return row;
}

const ROW_SELECT = `
  SELECT pa.id AS pa_id, pa.person_id, pa.arrival_id, pa.status, pa.source, pa.group_type, pa.family_group, pa.ticket_code,
         pa.checked_in_at, pa.registered_at, pa.departed_at,
         p.case_number, p.given_names, p.first_surname, p.second_surname, p.birth_date, p.sex, p.nationality, p.document_number,
         (SELECT count(*) FROM duplicate_suggestions s WHERE s.person_id = p.id AND s.status = 'open') AS open_suggestions
  FROM person_arrivals pa JOIN persons p ON p.id = pa.person_id
  WHERE pa.deleted_at IS NULL`;

interface RawRow {
  pa_id: string;
  person_id: string;
  arrival_id: string;
  status: PersonArrivalRow['status'];
  source: PersonArrivalRow['source'];
  group_type: PersonArrivalRow['groupType'];
  family_group: string | null;
  ticket_code: string;
  checked_in_at: string | null;
  registered_at: string | null;
  departed_at: string | null;
  case_number: string;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
  birth_date: string | null;
  sex: PersonArrivalRow['sex'];
  nationality: string | null;
  document_number: string | null;
  open_suggestions: number;
}

function toRow(r: RawRow, todayIso: string): PersonArrivalRow & { departedAt: string | null } {
  const age = ageAt(r.birth_date, todayIso);
  return {
    personArrivalId: r.pa_id,
    personId: r.person_id,
    arrivalId: r.arrival_id,
    caseNumber: r.case_number,
    givenNames: r.given_names,
    firstSurname: r.first_surname,
    secondSurname: r.second_surname,
    birthDate: r.birth_date,
    age,
    ageGroup: ageGroup(age),
    sex: r.sex,
    nationality: r.nationality,
    documentNumber: r.document_number,
    status: r.status,
    source: r.source,
    groupType: r.group_type,
    familyGroup: r.family_group,
    ticketCode: r.ticket_code,
    checkedInAt: r.checked_in_at,
    registeredAt: r.registered_at,
    openSuggestions: r.open_suggestions,
    departedAt: r.departed_at,
  };
}

/** Person-arrival rows matching a SQL condition on `pa`/`p` (ordered by surname). */
export function personArrivalRows(ctx: ServiceContext, where: string, params: unknown[]): (PersonArrivalRow & { departedAt: string | null })[] {
  const rows = ctx.db
    .prepare(`${ROW_SELECT} AND ${where} ORDER BY p.first_surname COLLATE NOCASE, p.second_surname COLLATE NOCASE, p.given_names COLLATE NOCASE`)
    .all(...params) as RawRow[];
  const t = today(ctx);
  return rows.map((r) => toRow(r, t));
}

export function personArrivalRow(ctx: ServiceContext, id: string): PersonArrivalRow & { departedAt: string | null } {
  const row = personArrivalRows(ctx, 'pa.id = ?', [id])[0];
  if (!row) throw new AppError('checkin.not-found');
  ctx.records.add(id);
  return row;
}

/** The next number of a yearly series, unique across workstations: year, workstation code, sequence. */
function nextNumber(ctx: ServiceContext, counters: 'case_counters' | 'certificate_counters'): string {
  const year = Number(today(ctx).slice(0, 4));
  const row = cached(ctx.db, `INSERT INTO ${counters} (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`).get(year) as {
    last: number;
  };
  return `${year}-${workstationCode(ctx.core.identity!.workstationId)}-${String(row.last).padStart(5, '0')}`;
}

/** The workstation's code in its case and certificate numbers: the last four hex digits of its id. */
export function workstationCode(workstationId: string): string {
  return workstationId.replace(/-/g, '').slice(-4).toUpperCase();
}

/** A case number unique across workstations ("2026-7K3F-00042"). */
export function nextCaseNumber(ctx: ServiceContext): string {
  return nextNumber(ctx, 'case_counters');
}

/** A certificate number, issued once per stay ("C-2026-7K3F-00042"). */
export function nextCertificateNumber(ctx: ServiceContext): string {
  return `C-${nextNumber(ctx, 'certificate_counters')}`;
}

const TICKET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Code printed as QR on the ticket; no 0/O or 1/I to misread when typed by hand. */
export function newTicketCode(): string {
  return [...randomBytes(8)].map((b) => TICKET_ALPHABET[b % TICKET_ALPHABET.length]).join('');
}

type NamedRow = { given_names: string; first_surname: string; second_surname: string | null };

/**
 * The words a person is found by: every given name the first one may stand for (Chepe: José;
 * Beto: Alberto, Roberto…), with `second` the second given name too, and the surnames, a
 * married "de X" included.
 */
function nameWords(p: NamedRow, second = false): { given: readonly string[]; surnames: string[] } {
  const [first, next] = nameTokens(p.given_names);
  const { own, married } = surnameTokens(p.first_surname, p.second_surname);
  const given = first ? [...givenForms(first), ...(second && next && next.length > 1 ? [next] : [])] : [];
  return { given, surnames: [...own, ...married] };
}

/** Pairs of coded words in any order: each given form with each surname, and the surnames together. */
function codedPairs(p: NamedRow, code: (word: string) => string, prefix: 'p' | 'q', second = false): string[] {
  const { given, surnames } = nameWords(p, second);
  const g = given.map(code);
  const s = surnames.map(code);
  const pairs = new Set<string>();
  for (const x of g) for (const y of s) pairs.add(pairKey(x, y, prefix));
  for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) pairs.add(pairKey(s[i]!, s[j]!, prefix));
  return [...pairs];
}

/**
 * Raised whenever personKeys() makes other keys for the same person: the next start re-keys
 * every person (domains/names/service.ts syncNameIndex). 2: nicknames, married surnames, the second
 * given name in search pairs, whole-name keys (t:, u:; c: with the birth year).
 */
export const PERSON_KEYS_VERSION = 2;

/**
 * The whole name as one key, in any order (t: by sound, u: by the set of consonants): each given
 * form with both surnames, and both given names with each surname. Among a million people "José
 * López García" is a few hundred postings where each of its pairs is thousands; a vowel typed
 * wrong or two letters swapped (Otriz, Tmu) keep the set of consonants.
 */
function codedTriples(p: NamedRow, code: (word: string) => string, prefix: 't' | 'u'): string[] {
  const { given, surnames } = nameWords(p);
  const keys = new Set<string>();
  if (surnames.length >= 2) for (const g of given) keys.add(tripleKey(code(g), code(surnames[0]!), code(surnames[1]!), prefix));
  const [first, second] = nameTokens(p.given_names);
  if (first && second && second.length > 1) for (const s of surnames.slice(0, 2)) keys.add(tripleKey(code(canonicalGivenName(first)), code(second), code(s), prefix));
  return [...keys];
}

export function tripleKey(a: string, b: string, c: string, prefix: 't' | 'u'): string {
  return `${prefix}:${[a, b, c].sort().join('+')}`;
}

/** Blocking keys that find earlier records of a person: sound-alikes, birth year, document. */
export function personKeys(p: NamedRow & { birth_date: string | null; document_number: string | null }): string[] {
  const keys = new Set<string>();
  const { given, surnames } = nameWords(p);
  for (const word of surnames) keys.add(`s:${phoneticKey(word)}`);
  for (const form of given) keys.add(`g:${phoneticKey(form)}`);
  // Pairs of names (in any order) make small posting lists: search answers from them directly,
  // first by exact sound (q:), then by consonant skeleton (p:) for misspelt vowels. The second
  // given name pairs too: "Juan Edwin López" is found among ten thousand Juan López.
  for (const key of codedPairs(p, soundKey, 'q', true)) keys.add(key);
  for (const key of codedPairs(p, phoneticKey, 'p', true)) keys.add(key);
  const wholeNames = codedTriples(p, consonantSet, 'u');
  for (const key of [...codedTriples(p, soundKey, 't'), ...wholeNames]) keys.add(key);
  const year = birthYear(p.birth_date);
  if (year) keys.add(`y:${year}`);
  for (const pair of namePairs(p)) keys.add(`b:${year ?? '?'}:${pair}`);
  for (const triple of wholeNames) keys.add(`c:${year ?? '?'}:${triple.slice(2)}`);
  if (p.document_number) keys.add(`d:${compactKey(p.document_number)}`);
  return [...keys];
}

/** The consonant-skeleton pairs of a person's names (first given name and surnames), in any order. */
export function namePairs(p: NamedRow): string[] {
  return codedPairs(p, phoneticKey, 'p').map((key) => key.slice(2));
}

/**
 * The keys that find earlier records of a person, few postings each, in two rounds:
 * `whole`: the document and the whole name (with a birth year: in that year, the years either
 * side and among records with no year; without one: in any year), where most repeats are found;
 * `pairs`: each pair of names the same way (capped per key where they are common), for a name
 * written with a surname missing or a word too far off.
 */
export function candidateKeys(p: NamedRow & { birth_date: string | null; document_number: string | null }): { whole: string[]; pairs: string[] } {
  const whole: string[] = [];
  const pairs: string[] = [];
  if (p.document_number) whole.push(`d:${compactKey(p.document_number)}`);
  const year = birthYear(p.birth_date);
  const years = year ? [year - 1, year, year + 1, '?'] : [];
  for (const triple of codedTriples(p, consonantSet, 'u')) {
    if (year) for (const y of years) whole.push(`c:${y}:${triple.slice(2)}`);
    else whole.push(triple);
  }
  for (const pair of namePairs(p)) {
    if (year) for (const y of years) pairs.push(`b:${y}:${pair}`);
    else pairs.push(`p:${pair}`);
  }
  return { whole, pairs };
}

export function pairKey(a: string, b: string, prefix: 'p' | 'q' = 'p'): string {
  return `${prefix}:${a < b ? `${a}+${b}` : `${b}+${a}`}`;
}

/** Refreshes a person's search index and blocking keys (after insert or edit; `fresh`: a new record, nothing to remove). */
export function indexPerson(ctx: ServiceContext, row: PersonRow, fresh = false): void {
  if (!fresh) {
    cached(ctx.db, 'DELETE FROM person_keys WHERE person_id = ?').run(row.id);
    cached(ctx.db, 'DELETE FROM persons_fts WHERE rowid = ?').run(row.rowid);
  }
  if (row.merged_into) return; // a merged record is found through the record it joined
  const insertKey = cached(ctx.db, 'INSERT OR IGNORE INTO person_keys (key, person_id) VALUES (?, ?)');
  for (const key of personKeys(row)) insertKey.run(key, row.id);
  cached(ctx.db, 'INSERT INTO persons_fts (rowid, name, document, case_number) VALUES (?, ?, ?, ?)').run(row.rowid, fullName(row), row.document_number ?? '', row.case_number);
}

/**
 * Brings a person's search index and blocking keys in step with the row as it is now, whatever
 * wrote it (a change pulled from another desk: electron/core/sync/derived.ts). `fresh`: the row
 * was just created here, so there is nothing old to remove.
 */
export function reindexPersonById(db: Database, id: string, fresh = false): void {
  const row = cached(db, 'SELECT rowid, * FROM persons WHERE id = ?').get(id) as (PersonRow & { deleted_at: string | null }) | undefined;
  if (!row) return;
  if (!fresh) {
    cached(db, 'DELETE FROM person_keys WHERE person_id = ?').run(id);
    cached(db, 'DELETE FROM persons_fts WHERE rowid = ?').run(row.rowid);
  }
  if (row.merged_into || row.deleted_at) return;
  const insertKey = cached(db, 'INSERT OR IGNORE INTO person_keys (key, person_id) VALUES (?, ?)');
  for (const key of personKeys(row)) insertKey.run(key, row.id);
  cached(db, 'INSERT INTO persons_fts (rowid, name, document, case_number) VALUES (?, ?, ?, ?)').run(row.rowid, fullName(row), row.document_number ?? '', row.case_number);
}

/** Rebuilds a person's blocking keys alone (the name knowledge changed; the text index did not). */
export function rekeyPerson(db: Database, row: PersonRow): void {
  cached(db, 'DELETE FROM person_keys WHERE person_id = ?').run(row.id);
  if (row.merged_into) return;
  const insertKey = cached(db, 'INSERT OR IGNORE INTO person_keys (key, person_id) VALUES (?, ?)');
  for (const key of personKeys(row)) insertKey.run(key, row.id);
}

export interface NewPerson {
  given_names: string;
  first_surname: string;
  second_surname: string | null;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  document_type: string | null;
  document_number: string | null;
  [column: string]: unknown;
}

export function createPerson(ctx: ServiceContext, values: NewPerson, options: { id?: string } = {}): PersonRow {
  const id = insertRow(ctx, 'persons', { case_number: nextCaseNumber(ctx), ...values }, options);
  const row = loadPersonRow(ctx, id);
  indexPerson(ctx, row, true);
  return row;
}

export function createPersonArrival(
  ctx: ServiceContext,
  values: { person_id: string; arrival_id: string; status: string; source: string; manifest_row?: number | null; manifest_import_id?: string | null; group_type: string; family_group?: string | null; checked_in_at?: string | null; registered_at?: string | null },
  options: { id?: string } = {},
): string {
  return insertRow(ctx, 'person_arrivals', { ticket_code: newTicketCode(), ...values }, options);
}

/** Ids of a person's rows in a table a merge moves (stays, consents, screenings). */
export function rowsOfPerson(db: Database, table: 'person_arrivals' | 'consents' | 'screenings', personId: string): string[] {
  return db.prepare(`SELECT id FROM ${table} WHERE person_id = ? AND deleted_at IS NULL`).pluck().all(personId) as string[];
}

export function findMerge(db: Database, mergeId: string): { source_id: string; target_id: string; moved: string; undone_at: string | null } | undefined {
  return db.prepare('SELECT * FROM person_merges WHERE id = ? AND deleted_at IS NULL').get(mergeId) as
    | { source_id: string; target_id: string; moved: string; undone_at: string | null }
    | undefined;
}

/** What the person answered, in their latest screening, to the question about being LGBTIQ+ (1 = yes). */
export function latestLgbtiqAnswer(db: Database, personId: string): number | null {
  return (
    (db
      .prepare("SELECT json_extract(answers, '$.lgbtiq') FROM screenings WHERE person_id = ? AND deleted_at IS NULL ORDER BY screened_at DESC LIMIT 1")
      .pluck()
      .get(personId) as number | null | undefined) ?? null
  );
}

/** What the attention tags of many people are made of, with their latest LGBTIQ+ answer, in one query. */
export function tagSources(db: Database, personIds: readonly string[]): (TagSource & { id: string; lgbtiq: number | null })[] {
  return db
    .prepare(
      `SELECT p.id, p.birth_date, p.sex, p.gender_identity, p.people, p.languages, p.interpreter_needed, p.disabilities,
         (SELECT json_extract(s.answers, '$.lgbtiq') FROM screenings s WHERE s.person_id = p.id AND s.deleted_at IS NULL ORDER BY s.screened_at DESC LIMIT 1) AS lgbtiq
       FROM persons p WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(personIds)) as (TagSource & { id: string; lgbtiq: number | null })[];
}

/** A person's stays with the arrival each belongs to, for the timeline. */
export function staysForTimeline(db: Database, personId: string): Record<string, string | null>[] {
  return db
    .prepare(
      `SELECT pa.*, a.kind AS arrival_kind, a.reference, a.carrier, a.origin_country, a.arrival_date
       FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id WHERE pa.person_id = ? AND pa.deleted_at IS NULL`,
    )
    .all(personId) as Record<string, string | null>[];
}

/** Merges the person was part of, on either side. */
export function mergesOf(db: Database, personId: string): Record<string, string | null>[] {
  return db.prepare('SELECT * FROM person_merges WHERE target_id = ? OR source_id = ?').all(personId, personId) as Record<string, string | null>[];
}

/** The earlier records already proposed for this person (whatever became of the proposal). */
export function suggestedCandidates(db: Database, personId: string): string[] {
  return db.prepare('SELECT candidate_id FROM duplicate_suggestions WHERE person_id = ?').pluck().all(personId) as string[];
}

export function ticketCodeOf(db: Database, personArrivalId: string): string | undefined {
  return db.prepare('SELECT ticket_code FROM person_arrivals WHERE id = ?').pluck().get(personArrivalId) as string | undefined;
}

export function displayNameOf(db: Database, userId: string): string | undefined {
  return db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(userId) as string | undefined;
}

/** The stay's certificate, once issued (its number and when). */
export function certificateOf(db: Database, personArrivalId: string): { certificate_number: string | null; certificate_at: string | null } {
  return db.prepare('SELECT certificate_number, certificate_at FROM person_arrivals WHERE id = ?').get(personArrivalId) as { certificate_number: string | null; certificate_at: string | null };
}

/** The language the person was last spoken to in when consent was recorded. */
export function latestConsentLanguage(db: Database, personId: string): string | undefined {
  return db.prepare('SELECT language FROM consents WHERE person_id = ? AND deleted_at IS NULL ORDER BY recorded_at DESC LIMIT 1').pluck().get(personId) as string | undefined;
}

/** What the search box scores a candidate on. */
export type SearchHitRow = Pick<PersonRow, 'id' | 'case_number' | 'given_names' | 'first_surname' | 'second_surname' | 'birth_date' | 'document_number'>;

/** Persons whose full-text entry matches an FTS5 `match` expression (documents, case numbers). */
export function ftsCandidates(db: Database, match: string, limit: number): SearchHitRow[] {
  return db
    .prepare(
      `SELECT p.id, p.case_number, p.given_names, p.first_surname, p.second_surname, p.birth_date, p.document_number
       FROM persons_fts f JOIN persons p ON p.rowid = f.rowid
       WHERE persons_fts MATCH ? LIMIT ${limit}`,
    )
    .all(match) as SearchHitRow[];
}

/**
 * Persons carrying at least `minimum` of the search keys, those with most first, at most `max`;
 * each key's postings are read to at most `postingsPerKey` (a common name cannot flood the query).
 */
export function keyCandidates(db: Database, keys: readonly string[], minimum: number, max: number, postingsPerKey: number): SearchHitRow[] {
  const postings = keys.map(() => `SELECT person_id FROM (SELECT person_id FROM person_keys WHERE key = ? LIMIT ${postingsPerKey})`).join(' UNION ALL ');
  return cached(
    db,
    `SELECT p.id, p.case_number, p.given_names, p.first_surname, p.second_surname, p.birth_date, p.document_number
     FROM (SELECT person_id, count(*) AS n FROM (${postings}) GROUP BY person_id HAVING n >= ? ORDER BY n DESC LIMIT ${max}) k
     JOIN persons p ON p.id = k.person_id WHERE p.merged_into IS NULL`,
  ).all(...keys, minimum) as SearchHitRow[];
}

// Repeat-returnee suggestions (duplicates.ts).

export interface SuggestionRow {
  id: string;
  person_id: string;
  candidate_id: string;
  score: number;
  reasons: string;
  status: 'open' | 'linked' | 'dismissed';
}

/** A reader of one key's postings (person ids), each read to at most `perKey`; one prepared statement for the loop. */
export function postingsReader(db: Database, perKey: number): (key: string) => string[] {
  const statement = cached(db, `SELECT person_id FROM person_keys WHERE key = ? LIMIT ${perKey}`).pluck();
  return (key) => statement.all(key) as string[];
}

/** These persons, leaving out the merged and the deleted (one statement per list length, kept prepared). */
export function livePersons(db: Database, ids: readonly string[]): PersonRow[] {
  return cached(db, `SELECT rowid, * FROM persons WHERE id IN (${ids.map(() => '?').join(',')}) AND merged_into IS NULL AND deleted_at IS NULL`).all(...ids) as PersonRow[];
}

export function personById(db: Database, id: string): PersonRow {
  return db.prepare('SELECT rowid, * FROM persons WHERE id = ?').get(id) as PersonRow;
}

export function stayCount(db: Database, personId: string): number {
  return db.prepare('SELECT count(*) FROM person_arrivals WHERE person_id = ? AND deleted_at IS NULL').pluck().get(personId) as number;
}

export function suggestionRows(db: Database, personId: string, onlyOpen: boolean): SuggestionRow[] {
  return db
    .prepare(`SELECT * FROM duplicate_suggestions WHERE person_id = ? AND deleted_at IS NULL ${onlyOpen ? "AND status = 'open'" : ''} ORDER BY score DESC`)
    .all(personId) as SuggestionRow[];
}

export function findSuggestion(db: Database, id: string): SuggestionRow | undefined {
  return db.prepare('SELECT * FROM duplicate_suggestions WHERE id = ? AND deleted_at IS NULL').get(id) as SuggestionRow | undefined;
}

/** Persons by id, in one query (the screening queues list many). */
export function personsWithIds(db: Database, ids: readonly string[]): PersonRow[] {
  return db.prepare('SELECT rowid, * FROM persons WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as PersonRow[];
}
