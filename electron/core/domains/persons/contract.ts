import { z } from 'zod';
import { checkNationalId } from '../../identity-documents';
import { canonicalPlace, DISABILITY_CODES, hasPlaceList, LANGUAGE_CODES } from '../../reference';
import { ArrivalInput } from '../arrivals/contract';
import { ConsentEvents, ConsentInput } from '../consent/contract';
import { AidEvents } from '../aid/contract';
import { CareEvents } from '../care/contract';
import { ReferralEvents } from '../referrals/contract';
import { AlertEvents } from '../alerts/contract';
import { CountryIso3, Id, IsoDate, IsoDateTime } from '../../contract/common';
import { method } from '../../contract/method';
import { AttentionTag, ScreeningEvents, ScreeningSummary } from '../screening/contract';
import {
  DOCUMENT_MAX,
  DocumentTypeSchema,
  GroupType,
  NamePart,
  OptionalText,
  PartialDateSchema,
  PersonArrivalRow,
  PersonIdentity,
  Sex,
} from '../../contract/persons-common';
import { CASEWORK, RECEPTION } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';
import { StayDetail, timelineEvent } from '../../contract/timeline';

/** Every field of docs/spec.md, station 2. Optional fields may be filled in later. */
export const PersonFields = z.strictObject({
  givenNames: NamePart,
  firstSurname: NamePart,
  secondSurname: OptionalText(80),
  birthDate: PartialDateSchema.nullable().optional(),
  sex: Sex.nullable().optional(),
  genderIdentity: OptionalText(80),
  nationality: CountryIso3.nullable().optional(),
  documentType: DocumentTypeSchema.nullable().optional(),
  documentNumber: OptionalText(DOCUMENT_MAX),
  originCountry: CountryIso3.nullable().optional(),
  originDepartment: OptionalText(80),
  originMunicipality: OptionalText(80),
  people: OptionalText(40),
  // Codes of resources/data/registry-options.json, as the registration form offers them.
  languages: z.array(z.string().refine((code) => LANGUAGE_CODES.includes(code), { error: 'validation.language-unknown' })).max(12).default([]),
  interpreterNeeded: z.boolean().default(false),
  disabilities: z.array(z.string().refine((code) => DISABILITY_CODES.includes(code), { error: 'validation.disability-unknown' })).max(10).default([]),
  phone: OptionalText(40),
  familyContact: OptionalText(160),
  yearsAbroad: z.number().min(0).max(80).nullable().optional(),
  detentionDays: z.number().int().min(0).max(3650).nullable().optional(),
}).superRefine((f, ctx) => {
  // A national identity document of Guatemala, Honduras or El Salvador is checked as its registry builds it.
  if (f.documentType === 'dpi' && f.documentNumber) {
    const problem = checkNationalId(f.nationality, f.documentNumber, f.birthDate ? Number(f.birthDate.slice(0, 4)) : null);
    if (problem) ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: problem.key, params: problem.params });
  }
  // Guatemala, Honduras and El Salvador have official lists (resources/data/places.json).
  if (!f.originCountry || !hasPlaceList(f.originCountry)) return;
  if (f.originMunicipality && !f.originDepartment) {
    ctx.addIssue({ code: 'custom', path: ['originDepartment'], message: 'validation.departmentNeeded' });
    return;
  }
  if (!f.originDepartment) return;
  const place = canonicalPlace(f.originCountry, f.originDepartment, f.originMunicipality);
  if (!place) ctx.addIssue({ code: 'custom', path: ['originDepartment'], message: 'validation.department' });
  else if (f.originMunicipality && !place.municipality)
    ctx.addIssue({ code: 'custom', path: ['originMunicipality'], message: 'validation.municipality' });
});
export type PersonFields = z.input<typeof PersonFields>;

export const Person = PersonIdentity.extend({
  id: Id,
  genderIdentity: z.string().nullable(),
  documentType: z.string().nullable(),
  originCountry: z.string().nullable(),
  originDepartment: z.string().nullable(),
  originMunicipality: z.string().nullable(),
  people: z.string().nullable(),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean(),
  disabilities: z.array(z.string()),
  phone: z.string().nullable(),
  familyContact: z.string().nullable(),
  yearsAbroad: z.number().nullable(),
  detentionDays: z.number().nullable(),
  mergedInto: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type Person = z.infer<typeof Person>;

export const Suggestion = z.object({
  id: Id,
  personId: Id,
  candidate: z.object({ id: Id, caseNumber: z.string(), fullName: z.string(), birthDate: z.string().nullable(), documentNumber: z.string().nullable(), arrivals: z.number().int() }),
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(['open', 'linked', 'dismissed']),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** The events of a person's stays and records, as the case file shows them. */
export const PersonEvents = [
  ...(['expected', 'checked-in', 'registered', 'no-show', 'certificate', 'departed'] as const).map((kind) => timelineEvent(kind, StayDetail)),
  timelineEvent('merged', { mergeId: z.string(), sourceId: z.string().nullable(), targetId: z.string().nullable(), reason: z.string().nullable() }),
  timelineEvent('unmerged', { mergeId: z.string() }),
] as const;

/** Every event a domain contributes to the timeline, one member per kind (docs/architecture.md). */
const TIMELINE_EVENTS = [...PersonEvents, ...ConsentEvents, ...AlertEvents, ...ScreeningEvents, ...CareEvents, ...ReferralEvents, ...AidEvents];
export const TimelineEvent = z.discriminatedUnion('kind', TIMELINE_EVENTS as unknown as [(typeof TIMELINE_EVENTS)[number], ...(typeof TIMELINE_EVENTS)[number][]]);
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const SearchHit = z.object({
  personId: Id,
  caseNumber: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  documentNumber: z.string().nullable(),
  score: z.number(),
});

const Consent = z.strictObject(ConsentInput).optional();

export const personsContract = {
  /**
   * Registers a person: on an expected manifest row, as an unlisted arrival, or as a walk-in.
   * The informed consent given at the desk is recorded in the same transaction: both or neither.
   */
  'persons.register': method({ access: RECEPTION, input: z.union([
      z.strictObject({ personArrivalId: Id, person: PersonFields, groupType: GroupType.optional(), consent: Consent }),
      z.strictObject({ arrivalId: Id, person: PersonFields, groupType: GroupType.default('alone'), consent: Consent }),
      // A walk-in arrives today at the centre unless a date is given: the core's calendar decides.
      z.strictObject({ walkIn: ArrivalInput.omit({ kind: true }).extend({ date: IsoDate.optional() }), person: PersonFields, groupType: GroupType.default('alone'), consent: Consent }),
    ]),
    output: z.object({ person: Person, row: PersonArrivalRow, suggestions: z.array(Suggestion) }),
  }),
  /** A person's case file: details, arrivals, consent, suggestions and the timeline. */
  'persons.get': method({ access: CASEWORK, input: z.strictObject({ id: Id }),
    output: z.object({
      person: Person,
      arrivals: z.array(PersonArrivalRow),
      suggestions: z.array(Suggestion),
      timeline: z.array(TimelineEvent),
      /** Differentiated attention, for every station. */
      tags: z.array(AttentionTag),
      /** Colour and deadline of the latest screening (never the answers). */
      screening: ScreeningSummary.nullable(),
    }),
    audit: 'read',
  }),
  /** Fuzzy, accent-insensitive search by name, document or case number. */
  'persons.search': method({ access: CASEWORK, input: z.strictObject({ text: z.string().trim().min(2).max(120), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(SearchHit),
  }),
  /** Confirms that a new record is the same person as an earlier one: the two are merged. */
  'persons.link': method({ access: RECEPTION, input: z.strictObject({ suggestionId: Id }), output: z.object({ personId: Id, mergeId: Id }) }),
  /** Rejects a repeat-returnee suggestion. */
  'persons.dismissSuggestion': method({ access: RECEPTION, input: z.strictObject({ suggestionId: Id }), output: Suggestion }),
  /** Merges two records of the same person (the source's arrivals and consent move to the target). */
  'persons.merge': method({ access: RECEPTION, input: z.strictObject({ sourceId: Id, targetId: Id, reason: z.string().trim().min(3).max(500) }),
    output: z.object({ personId: Id, mergeId: Id }),
  }),
  /** Undoes a merge: everything moved goes back. */
  'persons.unmerge': method({ access: RECEPTION, input: z.strictObject({ mergeId: Id, reason: z.string().trim().min(3).max(500) }),
    output: z.object({ sourceId: Id, targetId: Id }),
  }),
  /** Data for the returnee certificate of one arrival; records that it was issued. */
  'persons.certificate': method({ access: RECEPTION, input: z.strictObject({ personArrivalId: Id }),
    output: z.object({
      /** The certificate's number: the same on every re-print, which says "copia". */
      number: z.string(),
      copy: z.boolean(),
      printedAt: z.string(),
      language: z.enum(['es', 'en']),
      person: Person,
      row: PersonArrivalRow,
      arrival: z.object({ kind: z.string(), route: z.string(), originCountry: z.string(), date: z.string(), reference: z.string().nullable(), pointOfEntry: z.string().nullable() }),
      centre: z.object({ name: z.string(), country: z.string() }),
      issuedAt: z.string(),
      issuedBy: z.string(),
      qrSvg: z.string(),
    }),
  }),
};

/** The persons domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'persons',
  methods: personsContract,
  errors: {
    'persons.not-found': 404,
    'persons.merged': 409,
    'persons.same': 400,
    'suggestions.not-found': 404,
    'suggestions.decided': 409,
    'merges.not-found': 404,
    'merges.undone': 409,
    'birth-date.future': 400,
  },
  messages,
  tables: {
    // Case numbers and tickets carry the workstation's code: two desks never make the same one.
    persons: { kind: 'editable', naturalKey: [] },
    person_arrivals: { kind: 'editable', naturalKey: [] },
    duplicate_suggestions: { kind: 'editable', naturalKey: [] },
    person_merges: { kind: 'editable', naturalKey: [] },
  },
});
