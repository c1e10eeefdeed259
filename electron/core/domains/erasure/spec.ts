/**
 * What erasing a person removes (issue 20, item 6; pure data, read by store.ts here and by the
 * upstream's scrub). Names, documents, contacts, photos and free text go; what statistics count
 * stays: sex, nationality, country and department of origin, birth year, languages,
 * disabilities, the screening's colour and indicators, what was delivered and referred. Alert
 * decisions stay whole, as the law requires of them (the erasure records that they were kept).
 *
 * `blank` writes an em dash where a value is required, `null` clears, `year` keeps the first
 * four characters of a date, `json` writes `{}` and `empty` an empty string.
 */
export type Scrub = 'blank' | 'null' | 'year' | 'json' | 'empty';

export interface ErasureRule {
  table: string;
  /** How a row belongs to the person: its own id, its person_id, or a parent row's person_id. */
  via: { kind: 'self' } | { kind: 'person' } | { kind: 'parent'; column: string; parent: string };
  columns: Record<string, Scrub>;
}

export const ERASED_TEXT = '—';

export const ERASURE_RULES: readonly ErasureRule[] = [
  {
    table: 'persons',
    via: { kind: 'self' },
    columns: {
      given_names: 'blank', first_surname: 'blank', second_surname: 'null', birth_date: 'year', gender_identity: 'null',
      document_type: 'null', document_number: 'null', origin_municipality: 'null', phone: 'null', family_contact: 'null',
    },
  },
  { table: 'person_arrivals', via: { kind: 'person' }, columns: { manifest_row: 'null' } },
  { table: 'belongings', via: { kind: 'person' }, columns: { description: 'blank', photo: 'null', return_note: 'null' } },
  { table: 'care_records', via: { kind: 'person' }, columns: { content: 'empty' } },
  { table: 'consents', via: { kind: 'person' }, columns: { notes: 'null' } },
  { table: 'follow_ups', via: { kind: 'person' }, columns: { note: 'null' } },
  { table: 'case_closures', via: { kind: 'person' }, columns: { reason: 'blank' } },
  { table: 'referral_dismissals', via: { kind: 'person' }, columns: { reason: 'blank' } },
  { table: 'screenings', via: { kind: 'person' }, columns: { answers: 'json' } },
  { table: 'aid_deliveries', via: { kind: 'person' }, columns: { repeat_reason: 'null', void_reason: 'null' } },
  { table: 'screening_overrides', via: { kind: 'parent', column: 'screening_id', parent: 'screenings' }, columns: { reason: 'blank' } },
  { table: 'screening_attentions', via: { kind: 'parent', column: 'screening_id', parent: 'screenings' }, columns: { action: 'blank' } },
  { table: 'referral_events', via: { kind: 'parent', column: 'referral_id', parent: 'referrals' }, columns: { note: 'null' } },
  { table: 'care_risk_actions', via: { kind: 'parent', column: 'flag_id', parent: 'care_risk_flags' }, columns: { details: 'null' } },
];

/** The SQL value each scrub writes (`col` is the column's current value). */
export function scrubValue(scrub: Scrub, col: string): string {
  switch (scrub) {
    case 'blank':
      return `'${ERASED_TEXT}'`;
    case 'null':
      return 'NULL';
    case 'year':
      return `substr(${col}, 1, 4)`;
    case 'json':
      return "'{}'";
    case 'empty':
      return "''";
  }
}
