import { z } from 'zod';
import { CountryIso3, Id, IsoDate, IsoDateTime } from '../../contract/common';
import { method } from '../../contract/method';
import { OptionalText, PersonArrivalRow } from '../../contract/persons-common';
import { CASEWORK, RECEPTION } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';

export const ArrivalKind = z.enum(['flight', 'bus', 'walk_in']);
export const Route = z.enum(['air', 'land']);

export const ArrivalInput = z.strictObject({
  kind: ArrivalKind,
  route: Route,
  originCountry: CountryIso3,
  carrier: OptionalText(80),
  reference: OptionalText(40),
  date: IsoDate,
  scheduledAt: IsoDateTime.nullable().optional(),
  actualAt: IsoDateTime.nullable().optional(),
  pointOfEntry: OptionalText(120),
});
export type ArrivalInput = z.infer<typeof ArrivalInput>;

export const Arrival = z.object({
  id: Id,
  kind: ArrivalKind,
  route: Route,
  originCountry: z.string(),
  carrier: z.string().nullable(),
  reference: z.string().nullable(),
  date: z.string(),
  scheduledAt: z.string().nullable(),
  actualAt: z.string().nullable(),
  pointOfEntry: z.string().nullable(),
  manifestFile: z.string().nullable(),
  closedAt: z.string().nullable(),
  counts: z.object({ expected: z.number().int(), arrived: z.number().int(), noShow: z.number().int(), total: z.number().int() }),
});
export type Arrival = z.infer<typeof Arrival>;

export const arrivalsContract = {
  /** Creates a flight, bus or walk-in arrival. */
  'arrivals.create': method({ access: RECEPTION, input: ArrivalInput, output: Arrival }),
  /** Arrivals between two dates (default: the last 30 days and the scheduled ones of the next 60), latest first, with counts. */
  'arrivals.list': method({ access: CASEWORK, input: z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() }), output: z.array(Arrival), audit: 'read' }),
  /** One arrival with everyone expected or arrived on it. */
  'arrivals.get': method({ access: CASEWORK, input: z.strictObject({ id: Id }), output: z.object({ arrival: Arrival, persons: z.array(PersonArrivalRow) }), audit: 'read' }),
  /** Marks a person as arrived, by row or by the code on the QR ticket (keyboard-wedge scanner). */
  'arrivals.checkIn': method({ access: RECEPTION, input: z.union([z.strictObject({ personArrivalId: Id }), z.strictObject({ arrivalId: Id, ticketCode: z.string().trim().min(4).max(64) })]),
    output: PersonArrivalRow,
  }),
  /** Closes an arrival: everyone still expected becomes a no-show. */
  'arrivals.close': method({ access: RECEPTION, input: z.strictObject({ id: Id }), output: z.object({ arrival: Arrival, noShows: z.array(PersonArrivalRow) }) }),
};

/** The arrivals domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'arrivals',
  methods: arrivalsContract,
  errors: {
    'arrivals.not-found': 404,
    'arrivals.closed': 409,
    'checkin.not-found': 404,
    'checkin.already': 409,
  },
  messages,
  tables: {
    arrivals: { kind: 'editable', naturalKey: [] },
  },
});
