import { z } from 'zod';
import { Id, IsoDate } from '../../contract/common';
import { method } from '../../contract/method';
import { RECEPTION } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';

const Reason = z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(500);

/** What a stock movement records; the database keeps the same list. */
export const MovementKind = z.enum(['receipt', 'delivery', 'adjustment', 'loss', 'transfer', 'void']);

export const StockLot = z.object({
  id: Id,
  typeId: Id,
  lotCode: z.string(),
  donor: z.string(),
  expiry: z.string().nullable(),
  receivedAt: z.string(),
  balance: z.number().int(),
  expired: z.boolean(),
});
export type StockLot = z.infer<typeof StockLot>;

export const StockLine = z.object({
  typeId: Id,
  code: z.string(),
  nameEs: z.string(),
  nameEn: z.string(),
  unitEs: z.string(),
  unitEn: z.string(),
  /** Units that can be delivered: lots not expired. */
  balance: z.number().int(),
  expiredBalance: z.number().int(),
  lowStock: z.number().int().nullable(),
  low: z.boolean(),
  lots: z.array(StockLot),
});
export type StockLine = z.infer<typeof StockLine>;

export const StockMovement = z.object({
  id: Id,
  lotId: Id,
  lotCode: z.string(),
  typeId: Id,
  kind: MovementKind,
  quantity: z.number().int(),
  deliveryId: z.string().nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const stockContract = {
  /** Balances of every stock-using type, by lot (expiring first), with low-stock flags. */
  'stock.report': method({ access: RECEPTION, input: z.strictObject({}), output: z.object({ generatedAt: z.string(), lines: z.array(StockLine) }), audit: 'read' }),
  /** Movements of the ledger, newest first, for one type or one lot. */
  'stock.movements': method({ access: ['manager'], input: z.strictObject({ typeId: Id.optional(), lotId: Id.optional(), limit: z.number().int().min(1).max(500).default(100), before: z.string().max(40).optional() }),
    output: z.array(StockMovement),
  }),
  /** Receives a lot from a donor: a new lot and its receipt movement. */
  'stock.receive': method({ access: ['manager'], input: z.strictObject({
      typeId: Id,
      lotCode: z.string().trim().min(1).max(40),
      donor: z.string().trim().min(2).max(80),
      quantity: z.number().int().min(1).max(1_000_000),
      expiry: IsoDate.nullable().optional(),
      note: z.string().trim().max(300).optional(),
    }),
    output: StockLot,
  }),
  /**
   * Records what a count found (adjustment), what was lost or damaged (loss), or what went to
   * another centre (transfer): one movement, with its reason. Never below zero.
   */
  'stock.correct': method({ access: ['manager'], input: z.union([
      z.strictObject({ lotId: Id, kind: z.literal('adjustment'), counted: z.number().int().min(0).max(1_000_000), reason: Reason }),
      z.strictObject({ lotId: Id, kind: z.enum(['loss', 'transfer']), quantity: z.number().int().min(1).max(1_000_000), reason: Reason }),
    ]),
    output: StockLot,
  }),
};

/** The stock domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'stock',
  methods: stockContract,
  errors: {
    'stock.insufficient': 409,
    'stock.not-stocked': 409,
    'stock.lot-exists': 409,
    'stock.lot-not-found': 404,
    'stock.below-zero': 409,
    'stock.no-change': 409,
  },
  messages,
  tables: {
    stock_lots: { kind: 'editable', naturalKey: [] },
    stock_movements: { kind: 'append-only', naturalKey: [] },
  },
});
