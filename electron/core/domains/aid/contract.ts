import { z } from 'zod';
import { Id } from '../../contract/common';
import { method } from '../../contract/method';
import { CASEWORK, RECEPTION } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';
import { timelineEvent } from '../../contract/timeline';

const Reason = z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(500);
const Code = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'validation.aidCode' });

/** A kind of kit or service (docs/spec.md, station 6) and how often a person may receive it. */
export const AidType = z.object({
  id: Id,
  code: z.string(),
  nameEs: z.string(),
  nameEn: z.string(),
  unitEs: z.string(),
  unitEn: z.string(),
  usesStock: z.boolean(),
  repeat: z.discriminatedUnion('kind', [z.object({ kind: z.literal('per_arrival') }), z.object({ kind: z.literal('hours'), hours: z.number().int() })]),
  lowStock: z.number().int().nullable(),
  active: z.boolean(),
  /** A kit or service (the kits station), or a medicine (health staff dispense it, station 7). */
  category: z.enum(['aid', 'medicine']),
});
export type AidType = z.infer<typeof AidType>;

const Repeat = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('per_arrival') }),
  z.strictObject({ kind: z.literal('hours'), hours: z.number().int().min(1).max(24 * 30) }),
]);

const AidTypeFields = {
  nameEs: z.string().trim().min(2).max(80),
  nameEn: z.string().trim().min(2).max(80),
  unitEs: z.string().trim().min(1).max(30),
  unitEn: z.string().trim().min(1).max(30),
  usesStock: z.boolean(),
  repeat: Repeat,
  lowStock: z.number().int().min(0).max(1_000_000).nullable(),
};

export const Delivery = z.object({
  id: Id,
  personId: Id,
  personArrivalId: Id,
  typeId: Id,
  typeCode: z.string(),
  quantity: z.number().int(),
  batchId: z.string().nullable(),
  repeatReason: z.string().nullable(),
  lots: z.array(z.string()),
  deliveredBy: z.string(),
  deliveredAt: z.string(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

/** Why someone in a batch got nothing. */
export const SKIP_REASONS = ['not-arrived', 'departed', 'repeat', 'out-of-stock', 'merged'] as const;

export const Belonging = z.object({
  id: Id,
  personId: Id,
  personArrivalId: Id,
  personName: z.string(),
  caseNumber: z.string(),
  departed: z.boolean(),
  description: z.string(),
  tagNumber: z.string(),
  photo: z.string().nullable(),
  receivedBy: z.string(),
  receivedAt: z.string(),
  returnedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
  returnNote: z.string().nullable(),
});
export type Belonging = z.infer<typeof Belonging>;

/** A photo as the camera or a file gives it: a JPEG or PNG data URL of at most ~1.5 MB. */
const Photo = z
  .string()
  .max(2_000_000, { error: 'validation.photoSize' })
  .regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/, { error: 'validation.photo' });

/** Kits and services given (and voided), belongings kept and returned. */
export const AidEvents = [
  timelineEvent('aid-delivered', { type: z.string(), quantity: z.number(), repeatReason: z.string().nullable() }),
  timelineEvent('aid-voided', { type: z.string(), reason: z.string().nullable() }),
  ...(['belongings-received', 'belongings-returned'] as const).map((kind) => timelineEvent(kind, { tag: z.string(), description: z.string() })),
];

/**
 * Access: Kits go out at the reception desks; the manager keeps the inventory (docs/spec.md, roles).
 */
export const aidContract = {
  /** Kits and services this centre gives, active first. */
  'aid.types': method({ access: CASEWORK, input: z.strictObject({ includeInactive: z.boolean().default(false), category: z.enum(['aid', 'medicine', 'all']).default('aid') }), output: z.array(AidType) }),
  /** Adds a kind of kit or service. */
  'aid.createType': method({ access: ['manager'], input: z.strictObject({ code: Code, ...AidTypeFields, category: z.enum(['aid', 'medicine']).default('aid') }), output: AidType }),
  /** Changes a kind of kit or service (or retires it). */
  'aid.updateType': method({ access: ['manager'], input: z.strictObject({ id: Id, ...z.object(AidTypeFields).partial().shape, active: z.boolean().optional() }),
    output: AidType,
  }),
  /**
   * Delivers one kit or service to one person, to everyone present of an arrival, or to a
   * family; stock-using types take from the lot that expires first. Those who cannot receive it
   * are skipped with the reason; a repeat within the type's rule needs `repeatReason`.
   */
  'aid.deliver': method({ access: RECEPTION, input: z.strictObject({
      typeId: Id,
      target: z.union([
        z.strictObject({ personArrivalId: Id }),
        z.strictObject({ arrivalId: Id }),
        z.strictObject({ familyOf: Id }),
      ]),
      quantity: z.number().int().min(1).max(50).default(1),
      repeatReason: Reason.optional(),
    }),
    output: z.object({
      batchId: z.string().nullable(),
      delivered: z.array(Delivery),
      skipped: z.array(z.object({ personArrivalId: Id, personName: z.string(), reason: z.enum(SKIP_REASONS), message: z.string() })),
    }),
  }),
  /**
   * Arrivals the kits station serves: today's, and earlier ones (up to a week) with people still
   * in the centre, such as those in temporary shelter who need their meals.
   */
  'aid.arrivals': method({ access: RECEPTION, input: z.strictObject({}),
    output: z.array(z.object({ id: Id, label: z.string(), date: z.string(), present: z.number().int(), total: z.number().int() })),
    audit: 'read',
  }),
  /** Voids a delivery with a reason: its stock goes back to its lots by a reversing movement. */
  'aid.void': method({ access: RECEPTION, input: z.strictObject({ deliveryId: Id, reason: Reason }), output: Delivery }),
  /** Deliveries of one arrival (the kits station) or of one person (the case file), newest first. */
  'aid.deliveries': method({ access: CASEWORK, input: z.union([z.strictObject({ arrivalId: Id }), z.strictObject({ personId: Id })]),
    output: z.array(Delivery),
    audit: 'read',
  }),

  /** Takes belongings into custody, each with its tag number (and a photo if taken). */
  'belongings.receive': method({ access: RECEPTION, input: z.strictObject({
      personArrivalId: Id,
      items: z
        .array(z.strictObject({ description: z.string().trim().min(2).max(300), tagNumber: z.string().trim().min(1).max(30), photo: Photo.optional() }))
        .min(1)
        .max(20),
    }),
    output: z.array(Belonging),
  }),
  /** Gives belongings back; the person's confirmation is required. */
  'belongings.return': method({ access: RECEPTION, input: z.strictObject({ ids: z.array(Id).min(1).max(20), confirmed: z.literal(true, { error: 'validation.returnConfirmed' }), note: z.string().trim().max(300).optional() }),
    output: z.array(Belonging),
  }),
  /** Belongings still held (for closing time), or all of a person's. */
  'belongings.list': method({ access: RECEPTION, input: z.union([z.strictObject({ held: z.literal(true) }), z.strictObject({ personId: Id })]),
    output: z.array(Belonging),
  }),
};

/** The aid domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'aid',
  methods: aidContract,
  errors: {
    'aid.type-not-found': 404,
    'aid.type-inactive': 409,
    'aid.code-taken': 409,
    'aid.not-arrived': 409,
    'aid.departed': 409,
    'aid.repeat': 409,
    'aid.not-found': 404,
    'aid.voided': 409,
    'belongings.tag-taken': 409,
    'belongings.not-found': 404,
    'belongings.returned': 409,
    'belongings.held': 409,
  },
  messages,
  tables: {
    aid_types: { kind: 'editable', naturalKey: ['centre_id', 'code'] },
    aid_deliveries: { kind: 'editable', naturalKey: [] },
    belongings: { kind: 'editable', naturalKey: ['centre_id', 'tag_number'] },
  },
});
