import { z } from 'zod';
import { DateOrderSchema, Id, IsoDateTime } from '../../contract/common';
import { ManifestProblemValue } from '../manifests/contract';
import { method } from '../../contract/method';
import { CASEWORK } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';
import { timelineEvent } from '../../contract/timeline';

export const ALERT_LISTS = ['interpol', 'alba-keneth', 'isabel-claudina', 'warrant', 'custom'] as const;
export const AlertListType = z.enum(ALERT_LISTS);
/** Lists whose confirmed match makes the person a protection case (missing children, missing women). */
export const PROTECTION_LISTS: readonly string[] = ['alba-keneth', 'isabel-claudina'];
/** Lists whose confirmed match holds the person for the police (docs/spec.md, station 4). */
export const POLICE_LISTS: readonly string[] = ['warrant', 'interpol'];

const SpreadsheetFile = {
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(90_000_000),
  /** How to read 03/04/1968 when no date of the file says it: day first (default) or month first. */
  dateOrder: DateOrderSchema.optional(),
};

/** What clerks and protection officers may know: never which list, never the record. */
export const AlertStatus = z.object({
  status: z.enum(['not-checked', 'pending', 'cleared']),
  protectionCase: z.boolean(),
  /** A confirmed warrant or Interpol notice not yet ended by a hand-over or a release: "retenido — consulte a verificación". */
  onHold: z.boolean(),
  lastCheckedAt: z.string().nullable(),
});
export type AlertStatus = z.infer<typeof AlertStatus>;

const AlertPersonSide = z.object({
  id: Id,
  caseNumber: z.string(),
  givenNames: z.string(),
  firstSurname: z.string(),
  secondSurname: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  documentNumber: z.string().nullable(),
});

const AlertRecordSide = z.object({
  id: Id,
  list: AlertListType,
  reference: z.string(),
  givenNames: z.string(),
  firstSurname: z.string(),
  secondSurname: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
});

export const AlertMatch = z.object({
  id: Id,
  person: AlertPersonSide,
  record: AlertRecordSide,
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(['pending', 'confirmed', 'dismissed', 'superseded']),
  createdAt: IsoDateTime,
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type AlertMatch = z.infer<typeof AlertMatch>;

export const AlertListVersion = z.object({
  id: Id,
  list: AlertListType,
  mode: z.enum(['replace', 'append']),
  sourceFile: z.string(),
  rowCount: z.number().int(),
  activeRecords: z.number().int(),
  importedBy: z.string(),
  importedAt: z.string(),
});

const HoldResolution = z.object({
  outcome: z.enum(['handover', 'release']),
  institution: z.string().nullable(),
  receivedBy: z.string().nullable(),
  reason: z.string().nullable(),
  resolvedAt: z.string(),
  recordedBy: z.string(),
});

export const HoldInfo = z.object({
  onHold: z.boolean(),
  /** When the first confirmation that holds the person was decided. */
  heldSince: z.string().nullable(),
  resolutions: z.array(HoldResolution),
});
export type HoldInfo = z.infer<typeof HoldInfo>;

export const ResolveHold = z
  .strictObject({
    personId: Id,
    outcome: z.enum(['handover', 'release']),
    institution: z.string().trim().min(2, { error: 'validation.required' }).max(80).optional(),
    receivedBy: z.string().trim().min(3, { error: 'validation.holdReceivedBy' }).max(160).optional(),
    reason: z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(1000).optional(),
    /** When the hand-over or release happened; now if not given. */
    at: IsoDateTime.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'handover') {
      if (!v.institution) ctx.addIssue({ code: 'custom', path: ['institution'], message: 'validation.required' });
      if (!v.receivedBy) ctx.addIssue({ code: 'custom', path: ['receivedBy'], message: 'validation.holdReceivedBy' });
    }
    if (v.outcome === 'release' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.reasonNeeded' });
  });

/** Alert checks, protection cases and holds as every role may see them: when, never the list or why. */
export const AlertEvents = [
  ...(['alert-review', 'alert-clear'] as const).map((kind) => timelineEvent(kind, { trigger: z.string() })),
  ...(['protection-case', 'on-hold', 'hold-ended'] as const).map((kind) => timelineEvent(kind, {})),
];

/**
 * Access: Only the alert officer ever sees a list or a record; everyone else sees pending/cleared. A hold ends only by the alert officer or the manager (hand-over to the police or release).
 */
export const alertsContract = {
  /**
   * Imports a list file as a new version of one list (replacing the records in force, or
   * adding to them): all rows or none. Everyone present is then checked again.
   */
  'alerts.import': method({ access: ['alert_officer'], input: z.strictObject({ list: AlertListType, ...SpreadsheetFile, replace: z.boolean().default(false) }),
    output: z.object({
      versionId: Id,
      list: AlertListType,
      imported: z.number().int(),
      retired: z.number().int(),
      rechecked: z.number().int(),
      flagged: z.number().int(),
      errors: z.array(ManifestProblemValue),
    }),
  }),
  /** Every imported version, newest first, with how many of its records are in force. */
  'alerts.lists': method({ access: ['alert_officer'], input: z.strictObject({}), output: z.array(AlertListVersion) }),
  /** Checks every person of an arrival again (batch). */
  'alerts.checkArrival': method({ access: ['clerk', 'alert_officer', 'manager'], input: z.strictObject({ arrivalId: Id }),
    output: z.object({ checked: z.number().int(), flagged: z.number().int() }),
  }),
  /**
   * Checks people from a file (given_names, first_surname, second_surname, birth_date, sex,
   * nationality, document_number) without registering them: each row with every list record
   * at or above the review threshold, best first.
   */
  'alerts.checkFile': method({ access: ['alert_officer'], sensitive: true, input: z.strictObject(SpreadsheetFile),
    output: z.array(
      z.object({
        row: z.number().int(),
        matches: z.array(z.object({ list: AlertListType, reference: z.string(), score: z.number(), reasons: z.array(z.string()) })),
        /** What kept this row from a full check (a bad date, a missing surname); absent when it had none. */
        problems: z.array(z.object({ column: z.string().nullable(), code: z.string(), message: z.string() })).optional(),
      }),
    ),
  }),
  /** The review queue (pending) or the decisions taken (decided), person and record side by side. */
  'alerts.queue': method({ access: ['alert_officer'], sensitive: true, input: z.strictObject({ status: z.enum(['pending', 'decided']).default('pending'), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(AlertMatch),
  }),
  /** Confirms or dismisses a possible match; the reason is mandatory. */
  'alerts.decide': method({ access: ['alert_officer'], sensitive: true, input: z.strictObject({ matchId: Id, decision: z.enum(['confirmed', 'dismissed']), reason: z.string().trim().min(5).max(1000) }),
    output: AlertMatch,
  }),
  /** For every role that works with the person: pending review, cleared, or not checked yet. */
  'alerts.status': method({ access: CASEWORK, input: z.strictObject({ personId: Id }), output: AlertStatus, audit: 'read' }),
  /** A person's hold for the alert officer and the manager: since when, and how it ended (never the list). */
  'alerts.hold': method({ access: ['alert_officer', 'manager'], sensitive: true, input: z.strictObject({ personId: Id }), output: HoldInfo, audit: 'read' }),
  /**
   * Ends a hold: hand-over to the police (institution, officer, time; the person leaves the
   * centre) or release with a reason (the person may then leave as anyone else).
   */
  'alerts.resolveHold': method({ access: ['alert_officer', 'manager'], sensitive: true, input: ResolveHold, output: HoldInfo }),
};

/** The alerts domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'alerts',
  methods: alertsContract,
  errors: {
    'alerts.invalid': 400,
    'alerts.not-found': 404,
    'alerts.decided': 409,
    'alerts.on-hold': 409,
    'alerts.not-on-hold': 409,
    'alerts.hold-future': 400,
  },
  messages,
  tables: {
    alert_list_versions: { kind: 'append-only', naturalKey: [] },
    alert_records: { kind: 'editable', naturalKey: [] },
    alert_matches: { kind: 'editable', naturalKey: ['person_id', 'record_id'] },
    alert_checks: { kind: 'append-only', naturalKey: [] },
    alert_hold_resolutions: { kind: 'append-only', naturalKey: ['match_id'] },
  },
});
