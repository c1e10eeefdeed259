import { z } from 'zod';
import { Id } from '../../contract/common';
import { method } from '../../contract/method';
import { PersonIdentity } from '../../contract/persons-common';
import { timelineEvent } from '../../contract/timeline';
import { NEEDS, RoutesDocument } from '../../referrals/routes';
import { CASEWORK } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';

/**
 * Station 8 (docs/spec.md): needs the person expressed, referrals the routes propose
 * (electron/core/referrals/routes.ts), and each referral's life from created to closed.
 */

export const Need = z.enum(NEEDS);
export const ReferralStatus = z.enum(['created', 'sent', 'received', 'attended', 'closed', 'rejected', 'cancelled']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;
export const Priority = z.enum(['high', 'normal']);

/** Who may do what with referrals: protection officers run them; the manager too. */
const REFERRERS = ['protection_officer', 'manager'] as const;

export const Proposal = z.object({
  institutionId: Id.nullable(),
  institutionCode: z.string(),
  institutionName: z.string().nullable(),
  service: z.string(),
  priority: Priority,
  deadlineHours: z.number().int(),
  rule: z.string(),
});
export type Proposal = z.infer<typeof Proposal>;

export const ReferralEvent = z.object({ status: z.string(), note: z.string().nullable(), direct: z.boolean(), by: z.string(), at: z.string() });

export const Referral = z.object({
  id: Id,
  personId: Id,
  personArrivalId: Id.nullable(),
  institutionId: Id,
  institutionCode: z.string(),
  institutionName: z.string(),
  service: z.string(),
  priority: Priority,
  deadlineAt: z.string(),
  status: ReferralStatus,
  rule: z.string().nullable(),
  parentId: Id.nullable(),
  transport: z.string().nullable(),
  apostille: z.enum(['required', 'dispensed']).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Not sent yet and past its deadline. */
  overdue: z.boolean(),
  events: z.array(ReferralEvent),
});
export type Referral = z.infer<typeof Referral>;

/** What goes on the slip: only what the person's consent for that institution allows. */
export const Slip = z.object({
  referralId: Id,
  number: z.string(),
  institution: z.object({ code: z.string(), name: z.string(), contact: z.string().nullable(), address: z.string().nullable(), hours: z.string().nullable() }),
  service: z.string(),
  priority: Priority,
  person: z.object({ name: z.string(), caseNumber: z.string(), birthDate: z.string().nullable(), sex: z.string().nullable(), documentNumber: z.string().nullable(), phone: z.string().nullable(), destination: z.string().nullable() }),
  needs: z.array(Need),
  centre: z.string(),
  referredBy: z.string(),
  referredAt: z.string(),
});

const Note = z.string().trim().max(1000);
const Reason = z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(1000);

export const FollowUp = z.object({ id: Id, referralId: Id.nullable(), channel: z.enum(['phone', 'visit', 'message']), outcome: z.enum(['reached', 'not_reached']), note: z.string().nullable(), nextAt: z.string().nullable(), by: z.string(), at: z.string() });
/** open; closed (needs met, concluded); unreachable (UNREACHABLE_AFTER contacts in a row not reached since the last one that reached). */
export const CaseState = z.enum(['open', 'closed', 'unreachable']);
export const UNREACHABLE_AFTER = 3;

export const InstitutionStats = z.object({
  institutionCode: z.string(),
  institutionName: z.string(),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  overdue: z.number().int(),
  /** Median hours from sent to received, and from sent to attended (null: none yet). */
  medianHoursToReceived: z.number().nullable(),
  medianHoursToAttended: z.number().nullable(),
});

export const RoutesVersion = z.object({ version: z.number().int(), routes: RoutesDocument, note: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });

const WorkRow = PersonIdentity.extend({ personId: Id, personArrivalId: Id.nullable() });

export const ReferralEvents = [timelineEvent('referral', { status: z.string(), institution: z.string(), service: z.string() })];

export const referralsContract = {
  /** The needs the person expressed on their latest stay. */
  'referrals.needs': method({ access: CASEWORK, input: z.strictObject({ personId: Id }), output: z.object({ needs: z.array(Need), recordedAt: z.string().nullable(), recordedBy: z.string().nullable() }) }),
  /** Records the needs the person expresses now (the whole list; it replaces the earlier one, which stays in the history). */
  'referrals.recordNeeds': method({ access: CASEWORK, input: z.strictObject({ personId: Id, needs: z.array(Need).max(NEEDS.length).transform((l) => [...new Set(l)]) }), output: z.object({ needs: z.array(Need) }) }),
  /** What the routes propose for the person now, minus what was already referred or dismissed on this stay. */
  'referrals.proposals': method({ access: REFERRERS, sensitive: true, input: z.strictObject({ personId: Id }), output: z.array(Proposal) }),
  /** The protection officer's worklist: proposals for everyone present, and open referrals, overdue first. */
  'referrals.worklist': method({ access: REFERRERS, sensitive: true, input: z.strictObject({}),
    output: z.object({ proposals: z.array(WorkRow.extend({ proposals: z.array(Proposal) })), open: z.array(WorkRow.extend({ referral: Referral })) }),
    audit: 'read',
  }),
  /** Makes a referral: from a proposal (its rule) or by hand to any active institution of the directory. */
  'referrals.create': method({ access: REFERRERS, sensitive: true,
    input: z.strictObject({ personId: Id, institutionId: Id, service: z.string().trim().min(1).max(60), priority: Priority.default('normal'), rule: z.string().max(60).optional(), parentId: Id.optional(), note: Note.optional() }),
    output: Referral,
  }),
  /** Dismisses a proposal with the reason; that rule does not propose it again on this stay. */
  'referrals.dismiss': method({ access: REFERRERS, sensitive: true, input: z.strictObject({ personId: Id, institutionCode: z.string().max(20), service: z.string().max(60), rule: z.string().max(60), reason: Reason }), output: z.object({ ok: z.literal(true) }) }),
  /** Moves a referral one step: sent, received (the institution's confirmation), attended, closed; or rejected, cancelled. */
  'referrals.advance': method({ access: REFERRERS, sensitive: true,
    input: z.strictObject({
      referralId: Id,
      to: ReferralStatus.exclude(['created']),
      note: Note.optional(),
      /** Transport arranged, and how (on sent). */
      transport: z.string().trim().min(2).max(200).optional(),
      /** For a birth abroad: whether an apostilled birth certificate was required or dispensed. */
      apostille: z.enum(['required', 'dispensed']).optional(),
      /** The person was taken in person: received straight from created, recorded as such. */
      direct: z.boolean().default(false),
    }),
    output: Referral,
  }),
  /** A person's referrals, newest first, with their steps. */
  'referrals.ofPerson': method({ access: CASEWORK, input: z.strictObject({ personId: Id }), output: z.array(Referral) }),
  /** The slip (ficha de derivación) with only what the person's consent for that institution allows. */
  'referrals.slip': method({ access: REFERRERS, sensitive: true, input: z.strictObject({ referralId: Id }), output: Slip, audit: 'read' }),
  /** Records a follow-up contact after departure, with its outcome and the next date. */
  'referrals.followUp': method({ access: REFERRERS, sensitive: true,
    input: z.strictObject({ personId: Id, referralId: Id.optional(), channel: z.enum(['phone', 'visit', 'message']), outcome: z.enum(['reached', 'not_reached']), note: Note.optional(), nextAt: z.string().datetime({ offset: true }).optional() }),
    output: z.object({ state: CaseState, followUps: z.array(FollowUp) }),
  }),
  /** A person's follow-ups, newest first, and the case's state. */
  'referrals.followUps': method({ access: CASEWORK, input: z.strictObject({ personId: Id }), output: z.object({ state: CaseState, followUps: z.array(FollowUp) }) }),
  /** Follow-ups due today (seguimientos pendientes de hoy): a next date reached, case not closed. */
  'referrals.followUpsDue': method({ access: REFERRERS, sensitive: true, input: z.strictObject({}), output: z.array(WorkRow.extend({ nextAt: z.string(), state: CaseState })), audit: 'read' }),
  /** Concludes the case (needs met) or reopens it (new needs), with the reason. */
  'referrals.setCase': method({ access: REFERRERS, sensitive: true, input: z.strictObject({ personId: Id, action: z.enum(['closed', 'reopened']), reason: Reason }), output: z.object({ state: CaseState, followUps: z.array(FollowUp) }) }),
  /** For the coordination table (mesa): referrals by institution and status, times to answer, overdue ones. */
  'referrals.stats': method({ access: REFERRERS, input: z.strictObject({ since: z.iso.date().optional() }), output: z.array(InstitutionStats) }),
  /** The referral routes in force and every earlier version. */
  'referrals.routes': method({ access: ['admin', 'protection_officer', 'manager'], input: z.strictObject({}), output: z.object({ active: RoutesVersion, versions: z.array(RoutesVersion) }) }),
  /** How proposals for the people of the last 30 days would change under proposed routes; nothing is stored. */
  'referrals.previewRoutes': method({ access: ['admin'], input: z.strictObject({ routes: RoutesDocument }),
    output: z.object({ considered: z.number().int(), current: z.number().int(), proposed: z.number().int(), changes: z.array(z.object({ personId: Id, caseNumber: z.string(), added: z.array(z.string()), removed: z.array(z.string()) })) }),
  }),
  /** Saves proposed routes as the next version; proposals from then on use it. */
  'referrals.saveRoutes': method({ access: ['admin'], input: z.strictObject({ routes: RoutesDocument, note: Reason }), output: RoutesVersion }),
  /** Every referral of the centre, newest first, optionally by status and institution (the CLI's list). */
  'referrals.list': method({ access: REFERRERS, input: z.strictObject({ status: ReferralStatus.optional(), institution: z.string().max(20).optional(), limit: z.number().int().min(1).max(100_000).default(1000) }), output: z.array(Referral), audit: 'read' }),
};

export const domain = defineDomain({
  name: 'referrals',
  methods: referralsContract,
  errors: {
    'referrals.not-found': 404,
    'referrals.institution-not-found': 404,
    'referrals.institution-inactive': 409,
    'referrals.bad-step': 409,
    'referrals.no-consent': 409,
    'referrals.duplicate': 409,
    'referrals.case-state': 409,
  },
  messages,
  tables: {
    person_needs: { kind: 'append-only', naturalKey: [] },
    referrals: { kind: 'editable', naturalKey: [] },
    referral_events: { kind: 'append-only', naturalKey: [] },
    referral_dismissals: { kind: 'append-only', naturalKey: [] },
    follow_ups: { kind: 'append-only', naturalKey: [] },
    case_closures: { kind: 'append-only', naturalKey: [] },
    referral_route_versions: { kind: 'append-only', naturalKey: [] },
  },
});
