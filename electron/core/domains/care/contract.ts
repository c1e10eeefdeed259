import { z } from 'zod';
import { Id, IsoDateTime } from '../../contract/common';
import { method } from '../../contract/method';
import { PersonIdentity } from '../../contract/persons-common';
import { timelineEvent } from '../../contract/timeline';
import { CASEWORK } from '../../roles';
import { defineDomain } from '../define';
import { ScreeningSummary } from '../screening/contract';
import { messages } from './messages';

/**
 * Station 7 (docs/spec.md): psychological first aid, sessions, suicide-risk flags, medical triage
 * and attention. What was said (concerns, risk answers, notes, plan; vital signs, findings) is
 * sealed under the service's care key (./crypto.ts) and read only by that service's clinicians;
 * everyone else sees that care happened, when, how long and by whom.
 */

export const Service = z.enum(['psychology', 'medical']);
export type Service = z.infer<typeof Service>;

export const PSYCHOLOGY_KINDS = ['pfa', 'individual', 'family', 'group', 'crisis'] as const;
export const MEDICAL_KINDS = ['triage', 'first_aid', 'consultation'] as const;
export const PsychologyKind = z.enum(PSYCHOLOGY_KINDS);
export const MedicalKind = z.enum(MEDICAL_KINDS);
export const CareKind = z.enum([...PSYCHOLOGY_KINDS, ...MEDICAL_KINDS]);
export type CareKind = z.infer<typeof CareKind>;

// The coded lists (their names are in the renderer's messages: care.codes.*).
export const REACTIONS = ['calm', 'anxiety', 'crying', 'sadness', 'fear', 'anger', 'confusion', 'shock', 'agitation', 'dissociation', 'somatic', 'withdrawal'] as const;
export const PFA_MODALITIES = ['individual', 'group', 'phone'] as const;
export const CONCERNS = ['anxiety', 'depression', 'grief', 'detention_trauma', 'violence', 'family_separation', 'substance_use', 'sleep', 'suicidal_ideation', 'self_harm', 'stigma', 'uncertain_future'] as const;
export const INTERVENTIONS = ['active_listening', 'psychoeducation', 'stabilisation', 'breathing_grounding', 'problem_solving', 'family_contact', 'safety_plan', 'crisis_intervention', 'mental_health_referral', 'follow_up'] as const;
export const RISK_ACTIONS = ['stayed_with_clinician', 'hospital_transfer', 'safety_plan', 'family_accompaniment', 'mental_health_referral'] as const;
export const PREGNANCY = ['not_applicable', 'no', 'yes', 'unknown'] as const;
export const TRIAGE_PRIORITY = ['urgent', 'priority', 'routine'] as const;
export const HOSPITAL_REFERRAL = ['hospital', 'mspas', 'health_centre'] as const;

const Note = z.string().trim().max(4000);
const Line = z.string().trim().max(500);
const Codes = <T extends readonly [string, ...string[]]>(codes: T) => z.array(z.enum(codes)).max(codes.length).transform((l) => [...new Set(l)]);
const Minutes = z.number().int().min(1, { error: 'validation.careMinutes' }).max(600, { error: 'validation.careMinutes' });

/**
 * The Ask Suicide-Screening Questions (ASQ, NIMH, public domain), answered yes, no or declined to
 * answer. Q1–Q4 always; Q5 ("right now") when any of them is yes or declined. Scoring
 * (./asq.ts): all four no = negative; otherwise positive, acute if Q5 is yes.
 */
export const AsqAnswer = z.enum(['yes', 'no', 'refused']);
export const Asq = z.strictObject({
  wishedDead: AsqAnswer,
  betterOffDead: AsqAnswer,
  thoughtsOfKilling: AsqAnswer,
  everTried: AsqAnswer,
  howAndWhen: Line.optional(),
  thoughtsNow: AsqAnswer.optional(),
});
export type Asq = z.infer<typeof Asq>;
export const AsqResult = z.enum(['negative', 'non_acute', 'acute', 'incomplete']);

/** First aid: the reactions seen and a short optional note. */
export const PfaContent = z.strictObject({ modality: z.enum(PFA_MODALITIES), reactions: Codes(REACTIONS), notes: Note.default('') });
/** A session: what the person brings, the risk screen, what was done, the plan. */
export const SessionContent = z.strictObject({
  concerns: Codes(CONCERNS),
  asq: Asq.nullable().default(null),
  acuteRisk: z.boolean().default(false),
  interventions: Codes(INTERVENTIONS),
  plan: Note.default(''),
  proposedReferral: Line.default(''),
  notes: Note.default(''),
});
const Vital = (min: number, max: number) => z.number().min(min, { error: 'validation.careVital' }).max(max, { error: 'validation.careVital' }).nullable().default(null);
export const TriageContent = z.strictObject({
  priority: z.enum(TRIAGE_PRIORITY),
  vitals: z.strictObject({
    systolic: Vital(50, 260),
    diastolic: Vital(20, 160),
    heartRate: Vital(20, 250),
    temperature: Vital(30, 45),
    respiratoryRate: Vital(4, 80),
    oxygenSaturation: Vital(50, 100),
  }),
  injuries: Line.default(''),
  chronicIllness: Line.default(''),
  medicationNeeds: Line.default(''),
  pregnancy: z.enum(PREGNANCY).default('unknown'),
  notes: Note.default(''),
});
export const AttentionContent = z.strictObject({
  attention: Line.default(''),
  medicines: z.array(z.strictObject({ lotId: Id, name: z.string().max(200), quantity: z.number().int().min(1).max(1000) })).max(20).default([]),
  hospitalReferral: z.strictObject({ to: z.enum(HOSPITAL_REFERRAL), reason: Line }).nullable().default(null),
  notes: Note.default(''),
});

export const CareContent = z.discriminatedUnion('form', [
  PfaContent.extend({ form: z.literal('pfa') }),
  SessionContent.extend({ form: z.literal('session') }),
  TriageContent.extend({ form: z.literal('triage') }),
  AttentionContent.extend({ form: z.literal('attention') }),
]);
export type CareContent = z.infer<typeof CareContent>;

/** One care record as every role may know it: that it happened, never what was said. */
export const CareFact = z.object({
  id: Id,
  personId: Id,
  service: Service,
  kind: CareKind,
  groupId: Id.nullable(),
  heldAt: z.string(),
  durationMinutes: z.number().int(),
  recordedBy: z.string(),
});
export type CareFact = z.infer<typeof CareFact>;

/** One record as its service's clinicians read it: the content opened, or why it cannot be. */
export const CareRecord = CareFact.extend({
  nextAppointmentAt: z.string().nullable(),
  recordedAt: z.string(),
  content: CareContent.nullable(),
  /** Null when read; 'no-key' when the caller holds no key that opens it. */
  unreadable: z.enum(['no-key']).nullable(),
  asqResult: AsqResult.nullable(),
});
export type CareRecord = z.infer<typeof CareRecord>;

export const RiskFlag = z.object({
  flagId: Id,
  personId: Id,
  raisedAt: z.string(),
  raisedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  action: z.enum(RISK_ACTIONS).nullable(),
});
export type RiskFlag = z.infer<typeof RiskFlag>;

const Colleague = z.object({ userId: Id, name: z.string(), holds: z.boolean(), ready: z.boolean() });
export const ServiceAccess = z.object({
  service: Service,
  keyExists: z.boolean(),
  holds: z.boolean(),
  /** 'ready': the caller has a personal key pair; 'own-password': they must first choose their own password. */
  me: z.enum(['ready', 'own-password']),
  colleagues: z.array(Colleague),
});

const QueueEntry = PersonIdentity.extend({ personId: Id, personArrivalId: Id.nullable(), checkedInAt: z.string().nullable() });
export const CareQueue = z.object({
  urgent: z.array(QueueEntry.extend({ flag: RiskFlag })),
  screening: z.array(QueueEntry.extend({ screening: ScreeningSummary, indicators: z.array(z.string()) })),
  flagged: z.array(QueueEntry.extend({ notifiedBy: z.string(), notifiedAt: z.string() })),
  present: z.array(QueueEntry),
  followUps: z.array(QueueEntry.extend({ nextAppointmentAt: z.string(), lastHeldAt: z.string() })),
});

const PersonRef = Id;
const HeldAt = IsoDateTime.optional();
export const RecordInput = z.strictObject({
  personId: PersonRef,
  kind: PsychologyKind,
  notes: Note,
  heldAt: HeldAt,
  durationMinutes: Minutes.default(30),
  modality: z.enum(PFA_MODALITIES).optional(),
  reactions: Codes(REACTIONS).optional(),
  concerns: Codes(CONCERNS).optional(),
  asq: Asq.nullable().optional(),
  acuteRisk: z.boolean().optional(),
  interventions: Codes(INTERVENTIONS).optional(),
  plan: Note.optional(),
  proposedReferral: Line.optional(),
  nextAppointmentAt: IsoDateTime.nullable().optional(),
});
export type RecordInput = z.infer<typeof RecordInput>;

export const MedicalInput = z.strictObject({
  personId: PersonRef,
  kind: MedicalKind,
  heldAt: HeldAt,
  durationMinutes: Minutes.default(15),
  triage: TriageContent.omit({ notes: true }).optional(),
  attention: Line.optional(),
  medicines: z.array(z.strictObject({ lotId: Id, quantity: z.number().int().min(1, { error: 'validation.careQuantity' }).max(1000, { error: 'validation.careQuantity' }) })).max(20).default([]),
  hospitalReferral: z.strictObject({ to: z.enum(HOSPITAL_REFERRAL), reason: Line }).nullable().optional(),
  notes: Note,
  nextAppointmentAt: IsoDateTime.nullable().optional(),
});
export type MedicalInput = z.infer<typeof MedicalInput>;

/** Care as every role sees it on the case file: a session held, by whom, never its content. */
export const CareEvents = [timelineEvent('care', { service: Service, kind: CareKind, by: z.string(), minutes: z.number() }), timelineEvent('care-risk', { closed: z.boolean() })];

const Medicine = z.object({ lotId: Id, name: z.string(), lotCode: z.string(), expiry: z.string().nullable(), balance: z.number().int() });

export const careContract = {
  /** Which care keys exist, whether the caller holds them, and which colleagues do. */
  'care.access': method({ access: ['psychologist', 'health', 'admin'], input: z.strictObject({}), output: z.array(ServiceAccess) }),
  /** Creates the service's care key the first time; the recovery code is shown this once. */
  'care.setup': method({ access: ['psychologist', 'health'], sensitive: true, input: z.strictObject({ service: Service }), output: z.object({ recoveryCode: z.string() }) }),
  /** A clinician who holds the key gives it to a colleague of the same service. */
  'care.grant': method({ access: ['psychologist', 'health'], sensitive: true, input: z.strictObject({ service: Service, userId: Id }), output: z.array(ServiceAccess) }),
  /** Takes a colleague's key away (they keep nothing they could open later from this desk's data). */
  'care.revoke': method({ access: ['psychologist', 'health', 'admin'], sensitive: true, input: z.strictObject({ service: Service, userId: Id }), output: z.array(ServiceAccess) }),
  /** Gets the key back with the recovery code (after a password reset, with no colleague around). */
  'care.recover': method({ access: ['psychologist', 'health'], sensitive: true, input: z.strictObject({ service: Service, recoveryCode: z.string().trim().min(1, { error: 'validation.required' }).max(80) }), output: z.array(ServiceAccess) }),
  /** The psychologist's queue, most urgent first, and the caller's follow-ups due today. */
  'care.queue': method({ access: ['psychologist'], sensitive: true, input: z.strictObject({}), output: CareQueue, audit: 'read' }),
  /** Records first aid or a session with one person. */
  'care.record': method({ access: ['psychologist'], sensitive: true, input: RecordInput, output: CareRecord }),
  /** First aid for a whole group (a bus, a flight): one record per person on the attendance list. */
  'care.recordGroup': method({ access: ['psychologist'], sensitive: true,
    input: z.strictObject({
      personIds: z.array(PersonRef).min(1, { error: 'validation.careAttendance' }).max(500).transform((l) => [...new Set(l)]),
      kind: z.enum(['pfa', 'group']).default('pfa'),
      modality: z.enum(PFA_MODALITIES).default('group'),
      durationMinutes: Minutes.default(30),
      reactions: Codes(REACTIONS).default([]),
      notes: Note.default(''),
      heldAt: HeldAt,
    }),
    output: z.object({ groupId: Id, count: z.number().int() }),
  }),
  /** Records triage or medical attention (medicines dispensed leave the stock). */
  'care.medical': method({ access: ['health'], sensitive: true, input: MedicalInput, output: CareRecord }),
  /** The records of a person the caller may read, newest first, opened (a sensitive read). */
  'care.history': method({ access: ['psychologist', 'health'], sensitive: true, input: z.strictObject({ personId: Id }), output: z.array(CareRecord), audit: 'read' }),
  /** That care happened, for every role: the case file's card. */
  'care.facts': method({ access: CASEWORK, input: z.strictObject({ personId: Id }), output: z.object({ records: z.array(CareFact), risk: RiskFlag.nullable(), declined: z.array(Service) }) }),
  /** Open suicide-risk flags, newest first: the notice for protection, the manager and the clinicians. */
  'care.riskFlags': method({ access: ['psychologist', 'health', 'protection_officer', 'manager'], input: z.strictObject({}), output: z.array(PersonIdentity.extend({ personId: Id, flag: RiskFlag })) }),
  /** Closes a risk flag with the action taken; attends an open screening deadline too. */
  'care.closeRisk': method({ access: ['psychologist', 'health'], sensitive: true, input: z.strictObject({ flagId: Id, action: z.enum(RISK_ACTIONS), details: Note.default('') }), output: RiskFlag }),
  /** Medicines in stock, by lot, earliest expiry first (for dispensing). */
  'care.medicines': method({ access: ['health'], input: z.strictObject({}), output: z.array(Medicine) }),
};

export const domain = defineDomain({
  name: 'care',
  methods: careContract,
  errors: {
    'care.no-key': 403,
    'care.not-set-up': 409,
    'care.already-set-up': 409,
    'care.own-password': 409,
    'care.colleague-not-ready': 409,
    'care.colleague-role': 409,
    'care.wrong-recovery-code': 403,
    'care.flag-not-found': 404,
    'care.flag-closed': 409,
    'care.declined': 409,
    'care.lot-not-found': 404,
    'care.not-enough-stock': 409,
    'care.wrong-form': 400,
  },
  messages,
  tables: {
    clinician_keys: { kind: 'editable', naturalKey: [] },
    care_keys: { kind: 'append-only', naturalKey: [] },
    care_key_grants: { kind: 'editable', naturalKey: [] },
    care_records: { kind: 'append-only', naturalKey: [] },
    care_risk_flags: { kind: 'append-only', naturalKey: [] },
    care_risk_actions: { kind: 'append-only', naturalKey: [] },
  },
});
