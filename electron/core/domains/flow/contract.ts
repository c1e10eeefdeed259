import { z } from 'zod';
import { AlertStatus } from '../alerts/contract';
import { Id, IsoDate } from '../../contract/common';
import { method } from '../../contract/method';
import { AttentionTag, ScreeningSummary } from '../screening/contract';
import { PersonArrivalRow } from '../../contract/persons-common';
import { CASEWORK, RECEPTION } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';

/** Each station's state for one person on one arrival; null = that station is not installed yet. */
export const Stages = z.object({
  registered: z.boolean(),
  consent: z.boolean(),
  alerts: z.boolean().nullable(),
  screening: z.boolean().nullable(),
  kits: z.boolean().nullable(),
  care: z.boolean().nullable(),
  referral: z.boolean().nullable(),
  departed: z.boolean(),
});

export const FlowRow = PersonArrivalRow.extend({
  arrivalLabel: z.string(),
  stages: Stages,
  /** Alert checks as every role may see them: pending review / cleared / not checked. */
  alertStatus: AlertStatus.shape.status,
  /** A confirmed Alba-Keneth or Isabel-Claudina match. */
  protectionCase: z.boolean(),
  /** Held for the police (confirmed warrant or Interpol notice): "retenido — consulte a verificación". */
  onHold: z.boolean(),
  /** Colour and deadline of the latest screening on this arrival (never the answers). */
  screening: ScreeningSummary.nullable(),
  /** Differentiated attention: gender, age group, disability, indigenous people and language, LGBTIQ+. */
  tags: z.array(AttentionTag),
  waitingMinutes: z.number().int().nullable(),
  /** Items of this person still in the centre's custody (departure waits for them). */
  belongingsHeld: z.number().int(),
  /** An open suicide-risk flag: "riesgo — atención inmediata", no details (docs/spec.md, station 7). */
  urgentRisk: z.boolean(),
  /** A referral of this stay not sent by its deadline (station 8). */
  referralOverdue: z.boolean(),
});
export type FlowRow = z.infer<typeof FlowRow>;

export const flowContract = {
  /** Today's (or a day's) arrivals and where each person is in the reception, longest waiting first. */
  'flow.board': method({ access: CASEWORK, input: z.strictObject({
      date: IsoDate.optional(),
      arrivalId: Id.optional(),
      status: z.enum(['all', 'waiting', 'expected', 'arrived', 'registered', 'alerts-pending', 'protection', 'on-hold', 'screening-pending', 'overdue', 'urgent-risk', 'referral-overdue', 'departed']).default('all'),
    }),
    output: z.object({ date: z.string(), arrivals: z.array(z.object({ id: Id, label: z.string() })), rows: z.array(FlowRow) }),
    audit: 'read',
  }),
  /** Records that a person left the centre. */
  'flow.depart': method({ access: RECEPTION, input: z.strictObject({ personArrivalId: Id }), output: PersonArrivalRow }),
};

/** The flow domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'flow',
  methods: flowContract,
  errors: {},
  messages,
  tables: {},
});
