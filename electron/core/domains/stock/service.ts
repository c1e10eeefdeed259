import { MovementKind, type StockLine, type StockLot } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { loadAidType, typeName, type AidTypeRow } from '../aid/types-service';
import { today } from '../persons/store';
import { deliverableLots, findLot, lotCodeTaken, lotCodesOfDelivery, lotsWithBalance, movementsPage, stockedTypes, takenByDelivery, toLot, type LotRow } from './store';

/**
 * The stock ledger (docs/spec.md, station 6). Every change is a movement; balances come from
 * stock_lot_balances, which a trigger keeps equal to the sum of movements. There is no CHECK on
 * the balance: the same trigger aborts a movement written on THIS workstation that would take a
 * lot below zero (migration 0008); a movement replicated in from another desk is a fact and is
 * applied even if the lot then shows a shortfall. Calls run in IMMEDIATE transactions, so a
 * second click on this desk waits, then sees the balance the first one left.
 */

function loadLot(ctx: ServiceContext, id: string): StockLot {
  const row = findLot(ctx.db, ctx.core.identity!.centreId, id);
  if (!row) throw new AppError('stock.lot-not-found');
  ctx.records.add(id);
  return toLot(row, today(ctx));
}

function addMovement(ctx: ServiceContext, lot: { id: string; type_id: string }, kind: string, quantity: number, extra: { deliveryId?: string; reason?: string | null } = {}): void {
  insertRow(ctx, 'stock_movements', {
    lot_id: lot.id,
    type_id: lot.type_id,
    kind,
    quantity,
    delivery_id: extra.deliveryId ?? null,
    reason: extra.reason ?? null,
    recorded_by: ctx.actor.userId ?? ctx.actor.username,
    recorded_at: ctx.clock.now().toISOString(),
  });
}

/**
 * What can be delivered of one type, lot by lot: not expired, expiring first (lots without
 * expiry last). One transaction's view; `take` consumes it as deliveries are written.
 */
export class StockCursor {
  private lots: LotRow[];

  constructor(private readonly ctx: ServiceContext, readonly type: AidTypeRow) {
    this.lots = deliverableLots(ctx.db, type.id, today(ctx));
  }

  get available(): number {
    return this.lots.reduce((n, l) => n + l.balance, 0);
  }

  /** Writes the delivery movements for `quantity` units (false when there are not enough). */
  take(quantity: number, deliveryId: string): string[] | false {
    if (quantity > this.available) return false;
    const used: string[] = [];
    let remaining = quantity;
    for (const lot of this.lots) {
      if (!remaining) break;
      const n = Math.min(lot.balance, remaining);
      if (!n) continue;
      addMovement(this.ctx, lot, 'delivery', -n, { deliveryId });
      lot.balance -= n;
      remaining -= n;
      used.push(lot.lot_code);
    }
    this.lots = this.lots.filter((l) => l.balance > 0);
    return used;
  }
}

/** Puts back what a delivery took, lot by lot, as 'void' movements. */
export function reverseDelivery(ctx: ServiceContext, deliveryId: string, reason: string): void {
  for (const lot of takenByDelivery(ctx.db, deliveryId)) addMovement(ctx, lot, 'void', lot.quantity, { deliveryId, reason });
}

/** Lot codes a delivery took its units from. */
export function deliveryLots(ctx: ServiceContext, deliveryId: string): string[] {
  return lotCodesOfDelivery(ctx.db, deliveryId);
}

/**
 * Balances of every stock-using type and its lots, with the low-stock flag. A lot below zero
 * (two workstations gave its last unit while apart) is listed so a manager counts it.
 */
export function stockReport(ctx: ServiceContext): StockLine[] {
  const centre = ctx.core.identity!.centreId;
  const t = today(ctx);
  const types = stockedTypes(ctx.db, centre);
  const lots = lotsWithBalance(ctx.db, centre);
  return types.map((type) => {
    const own = lots.filter((l) => l.type_id === type.id).map((l) => toLot(l, t));
    // What can be given: lots in date with units left (a lot short after replication gives nothing).
    const balance = own.filter((l) => !l.expired && l.balance > 0).reduce((n, l) => n + l.balance, 0);
    return {
      typeId: type.id,
      code: type.code,
      nameEs: type.name_es,
      nameEn: type.name_en,
      unitEs: type.unit_es,
      unitEn: type.unit_en,
      balance,
      expiredBalance: own.filter((l) => l.expired).reduce((n, l) => n + l.balance, 0),
      lowStock: type.low_stock,
      low: type.active === 1 && type.low_stock !== null && balance <= type.low_stock,
      lots: own,
    };
  });
}

export const stockHandlers = {
  'stock.report': handle('stock.report', {
    run: (ctx) => ({ generatedAt: ctx.clock.now().toISOString(), lines: stockReport(ctx) }),
  }),

  'stock.movements': handle('stock.movements', {
    run(ctx, input) {
      const where = ['m.centre_id = ?'];
      const params: unknown[] = [ctx.core.identity!.centreId];
      const filters: [string, string | undefined][] = [
        ['m.type_id = ?', input.typeId],
        ['m.lot_id = ?', input.lotId],
        ['m.recorded_at < ?', input.before],
      ];
      for (const [clause, value] of filters) {
        if (!value) continue;
        where.push(clause);
        params.push(value);
      }
      const rows = movementsPage(ctx.db, where, params, input.limit);
      return rows.map((r) => ({
        id: String(r.id),
        lotId: String(r.lot_id),
        lotCode: String(r.lot_code),
        typeId: String(r.type_id),
        kind: MovementKind.parse(r.kind),
        quantity: Number(r.quantity),
        deliveryId: r.delivery_id as string | null,
        reason: r.reason as string | null,
        recordedBy: String(r.recorded_by),
        recordedAt: String(r.recorded_at),
      }));
    },
  }),

  'stock.receive': handle('stock.receive', {
    run(ctx, input) {
      const type = loadAidType(ctx, input.typeId, false); // kits and medicines alike
      if (type.uses_stock !== 1) throw new AppError('stock.not-stocked', { type: typeName(ctx, type) });
      if (lotCodeTaken(ctx.db, type.id, input.lotCode)) throw new AppError('stock.lot-exists', { lot: input.lotCode });
      const id = insertRow(ctx, 'stock_lots', {
        type_id: type.id,
        lot_code: input.lotCode,
        donor: input.donor,
        expiry: input.expiry ?? null,
        received_at: ctx.clock.now().toISOString(),
      });
      addMovement(ctx, { id, type_id: type.id }, 'receipt', input.quantity, { reason: input.note || null });
      return loadLot(ctx, id);
    },
  }),

  'stock.correct': handle('stock.correct', {
    run(ctx, input) {
      const lot = loadLot(ctx, input.lotId);
      const change = input.kind === 'adjustment' ? input.counted - lot.balance : -input.quantity;
      if (lot.balance + change < 0) throw new AppError('stock.below-zero', { balance: lot.balance, lot: lot.lotCode });
      if (change === 0) throw new AppError('stock.no-change', { balance: lot.balance });
      addMovement(ctx, { id: lot.id, type_id: lot.typeId }, input.kind, change, { reason: input.reason });
      return loadLot(ctx, lot.id);
    },
  }),
};
