import { z } from 'zod';
import { Answers } from '../../screening/instrument';
import { Level, RulesSchema } from '../../screening/rules';
import { Id, IsoDateTime } from '../../contract/common';
import { method } from '../../contract/method';
import { PersonIdentity } from '../../contract/persons-common';
import { defineDomain } from '../define';
import { messages } from './messages';
import { timelineEvent } from '../../contract/timeline';

export { Level };

/** Differentiated attention (docs/spec.md, station 5): what every later station should know to treat the person well. */
export const AttentionTag = z.object({
  kind: z.enum(['gender', 'age', 'disability', 'indigenous', 'language', 'interpreter', 'lgbtiq']),
  code: z.string(),
});
export type AttentionTag = z.infer<typeof AttentionTag>;

/** What every role that works with the person may know: colour and deadline, never the answers. */
export const ScreeningSummary = z.object({
  screeningId: Id,
  level: Level,
  deadlineAt: IsoDateTime,
  attendedAt: z.string().nullable(),
  overridden: z.boolean(),
});
export type ScreeningSummary = z.infer<typeof ScreeningSummary>;

export const Override = z.object({ from: Level, to: Level, reason: z.string(), by: z.string(), at: z.string() });

/** One screening with everything it recorded: for protection officers, psychologists, managers. */
export const Screening = z.object({
  id: Id,
  personId: Id,
  personArrivalId: Id.nullable(),
  sequence: z.number().int(),
  instrument: z.string(),
  rulesVersion: z.number().int(),
  answers: Answers,
  indicators: z.array(z.string()),
  /** What the rules decided. */
  computedLevel: Level,
  reasons: z.array(z.string()),
  /** After any override. */
  level: Level,
  deadlineAt: IsoDateTime,
  overrides: z.array(Override),
  attention: z.object({ action: z.string(), by: z.string(), at: z.string() }).nullable(),
  screenedBy: z.string(),
  screenedAt: IsoDateTime,
  startedAt: z.string().nullable(),
  /** The instrument says to tell psychology at once (thoughts of self-harm, great distress). */
  notifyPsychology: z.boolean(),
  /** Psychology was told: by whom and when. */
  psychologyNotice: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type Screening = z.infer<typeof Screening>;

const Evaluation = z.object({
  indicators: z.array(z.string()),
  level: Level,
  deadlineHours: z.number().int(),
  reasons: z.array(z.string()),
  rulesVersion: z.number().int(),
});

const RulesVersion = z.object({
  version: z.number().int(),
  rules: RulesSchema,
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

const QueuePerson = PersonIdentity.extend({ personId: Id, personArrivalId: Id.nullable(), groupType: z.string(), checkedInAt: z.string().nullable(), tags: z.array(AttentionTag) });

const Reason = z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(1000);

/**
 * Access: Answers and reasons are sensitive (suicidal thoughts, trafficking): read by those who act on them; everyone else sees the colour and the deadline on the flow board.
 */
/** Screenings as every role may see them: the colour and who changed it, never the answers. */
export const ScreeningEvents = [
  timelineEvent('screening', { level: Level.optional(), sequence: z.number() }),
  timelineEvent('screening-attended', { sequence: z.number() }),
  timelineEvent('screening-override', { from: Level, to: Level }),
];

export const screeningContract = {
  /** One saved screening with its answers and notes, read back (a sensitive read, audited by screening). */
  'screening.get': method({ access: ['protection_officer', 'psychologist', 'manager'], sensitive: true, input: z.strictObject({ screeningId: Id }), output: Screening }),
  /** "Avisar a psicología": tells psychology about this screening, once. */
  'screening.notifyPsychology': method({ access: ['protection_officer'], sensitive: true, input: z.strictObject({ screeningId: Id }), output: Screening }),
  /** Screenings psychology was told about in the last week, newest first (the psychologists' list). */
  'screening.notices': method({ access: ['psychologist'], sensitive: true, input: z.strictObject({}),
    output: z.array(PersonIdentity.extend({ personId: Id, screeningId: Id, level: Level, notifiedBy: z.string(), notifiedAt: z.string() })),
    audit: 'read',
  }),
  /** What the interview starts from: the person, answers pre-filled from registration, the history in short. */
  'screening.form': method({ access: ['protection_officer'], input: z.strictObject({ personId: Id }),
    output: z.object({
      person: PersonIdentity.extend({ id: Id }),
      personArrivalId: Id.nullable(),
      prefill: Answers,
      previous: z.array(ScreeningSummary.extend({ sequence: z.number().int(), screenedAt: z.string() })),
      tags: z.array(AttentionTag),
    }),
  }),
  /**
   * The colour a set of answers (or of indicators) gives under the rules in force; nothing is
   * stored. Not audited: it names no person, reads only the rules, and the interview asks it at
   * every answer; the screening itself is audited when it is recorded.
   */
  'screening.evaluate': method({ access: ['protection_officer'], input: z.strictObject({ answers: Answers.optional(), indicators: z.array(z.string().max(60)).max(60).optional() }),
    output: Evaluation,
    audit: false,
  }),
  /** Records a screening (a re-screening adds a new version; earlier ones stay). */
  'screening.record': method({ access: ['protection_officer'], sensitive: true, input: z.strictObject({ personId: Id, answers: Answers, startedAt: IsoDateTime.optional() }),
    output: Screening,
  }),
  /** Raises or lowers the colour of a screening; the reason is mandatory. */
  'screening.override': method({ access: ['protection_officer'], sensitive: true, input: z.strictObject({ screeningId: Id, level: Level, reason: Reason }),
    output: Screening,
  }),
  /** Records the attention given in response to a screening: its deadline is met. */
  'screening.attend': method({ access: ['protection_officer'], sensitive: true, input: z.strictObject({ screeningId: Id, action: z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(1000) }),
    output: Screening,
  }),
  /** Every screening of a person, newest first, with answers, reasons and overrides. */
  'screening.history': method({ access: ['protection_officer', 'psychologist', 'manager'], sensitive: true, input: z.strictObject({ personId: Id }), output: z.array(Screening), audit: 'read' }),
  /** For protection officers: who is waiting to be screened, and screenings whose attention is due or overdue. */
  'screening.queue': method({ access: ['protection_officer', 'manager'], sensitive: true, input: z.strictObject({}),
    output: z.object({
      pending: z.array(QueuePerson.extend({ probableLevel: Level, probableReasons: z.array(z.string()) })),
      actions: z.array(QueuePerson.extend({ screening: ScreeningSummary, reasons: z.array(z.string()) })),
    }),
    audit: 'read',
  }),
  /** The rules in force and every earlier version. */
  'screening.rules': method({ access: ['admin', 'protection_officer', 'manager'], input: z.strictObject({}), output: z.object({ active: RulesVersion, versions: z.array(RulesVersion) }) }),
  /** How the screenings of the last 30 days would change under proposed rules; nothing is stored. */
  'screening.previewRules': method({ access: ['admin'], input: z.strictObject({ rules: RulesSchema }),
    output: z.object({
      considered: z.number().int(),
      current: z.record(Level, z.number().int()),
      proposed: z.record(Level, z.number().int()),
      changes: z.array(z.object({ screeningId: Id, sequence: z.number().int(), screenedAt: z.string(), from: Level, to: Level })),
    }),
  }),
  /** Saves proposed rules as the next version; later screenings use it, earlier ones keep theirs. */
  'screening.saveRules': method({ access: ['admin'], input: z.strictObject({ rules: RulesSchema, note: z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(500) }),
    output: RulesVersion,
  }),
};

/** The screening domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'screening',
  methods: screeningContract,
  errors: {
    'screening.not-found': 404,
    'screening.invalid-answers': 400,
    'screening.unknown-indicator': 400,
    'screening.same-level': 409,
    'screening.attended': 409,
    'screening.protection-not-green': 409,
    'screening.already-notified': 409,
  },
  messages,
  tables: {
    screening_rule_versions: { kind: 'append-only', naturalKey: [] },
    screenings: { kind: 'append-only', naturalKey: [] },
    screening_overrides: { kind: 'append-only', naturalKey: [] },
    screening_attentions: { kind: 'append-only', naturalKey: [] },
    screening_notices: { kind: 'append-only', naturalKey: ['screening_id', 'service'] },
  },
});
