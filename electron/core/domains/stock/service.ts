import { MovementKind, type StockLine, type StockLot } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { loadAidType, typeName, type AidTypeRow } from '../aid/types-service';
import { today } from '../persons/store';

/**
 * The stock ledger (docs/spec.md, station 6). Every change is a movement; balances come from
 * stock_lot_balances, which a trigger keeps equal to the sum of movements. There is no CHECK on
 * the balance: the same trigger aborts a movement written on THIS workstation that would take a
 * lot below zero (migration 0008); a movement replicated in from another desk is a fact and is
 * applied even if the lot then shows a shortfall. Calls run in IMMEDIATE transactions, so a
 * second click on this desk waits, then sees the balance the first one left.
 */

interface LotRow {
  id: string;
  type_id: string;
  lot_code: string;
  donor: string;
  expiry: string | null;
  received_at: string;
  balance: number;
}

const LOT_SELECT = `SELECT l.id, l.type_id, l.lot_code, l.donor, l.expiry, l.received_at, coalesce(b.balance, 0) AS balance
  FROM stock_lots l LEFT JOIN stock_lot_balances b ON b.lot_id = l.id WHERE l.deleted_at IS NULL`;

const toLot = (r: LotRow, todayIso: string): StockLot => ({
  id: r.id,
  typeId: r.type_id,
  lotCode: r.lot_code,
  donor: r.donor,
  expiry: r.expiry,
  receivedAt: r.received_at,
  balance: r.balance,
  expired: r.expiry !== null && r.expiry < todayIso,
});

function loadLot(ctx: ServiceContext, id: string): StockLot {
  const row = ctx.db.prepare(`${LOT_SELECT} AND l.id = ? AND l.centre_id = ?`).get(id, ctx.core.identity!.centreId) as LotRow | undefined;
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
    this.lots = ctx.db
      .prepare(`${LOT_SELECT} AND l.type_id = ? AND b.balance > 0 AND (l.expiry IS NULL OR l.expiry >= ?) ORDER BY l.expiry IS NULL, l.expiry, l.received_at`)
      .all(type.id, today(ctx)) as LotRow[];
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
  const taken = ctx.db
    .prepare("SELECT lot_id AS id, type_id, -sum(quantity) AS quantity FROM stock_movements WHERE delivery_id = ? AND kind IN ('delivery', 'void') GROUP BY lot_id HAVING sum(quantity) <> 0")
    .all(deliveryId) as { id: string; type_id: string; quantity: number }[];
  for (const lot of taken) addMovement(ctx, lot, 'void', lot.quantity, { deliveryId, reason });
}

/** Lot codes a delivery took its units from. */
export function deliveryLots(ctx: ServiceContext, deliveryId: string): string[] {
  return ctx.db
    .prepare("SELECT DISTINCT l.lot_code FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id WHERE m.delivery_id = ? AND m.kind = 'delivery'")
    .pluck()
    .all(deliveryId) as string[];
}

/**
 * Balances of every stock-using type and its lots, with the low-stock flag. A lot below zero
 * (two workstations gave its last unit while apart) is listed so a manager counts it.
 */
export function stockReport(ctx: ServiceContext): StockLine[] {
  const centre = ctx.core.identity!.centreId;
  const t = today(ctx);
  const types = ctx.db
    .prepare('SELECT * FROM aid_types WHERE centre_id = ? AND uses_stock = 1 AND deleted_at IS NULL ORDER BY active DESC, rowid')
    .all(centre) as AidTypeRow[];
  const lots = ctx.db
    .prepare(`${LOT_SELECT} AND l.centre_id = ? AND b.balance <> 0 ORDER BY l.expiry IS NULL, l.expiry, l.received_at`)
    .all(centre) as LotRow[];
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
      const rows = ctx.db
        .prepare(
          `SELECT m.id, m.lot_id, l.lot_code, m.type_id, m.kind, m.quantity, m.delivery_id, m.reason, coalesce(u.display_name, m.recorded_by) AS recorded_by, m.recorded_at
           FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id LEFT JOIN users u ON u.id = m.recorded_by
           WHERE ${where.join(' AND ')} ORDER BY m.recorded_at DESC, m.rowid DESC LIMIT ?`,
        )
        .all(...params, input.limit) as Record<string, string | number | null>[];
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
      const type = loadAidType(ctx, input.typeId);
      if (type.uses_stock !== 1) throw new AppError('stock.not-stocked', { type: typeName(ctx, type) });
      const clash = ctx.db.prepare('SELECT 1 FROM stock_lots WHERE type_id = ? AND lot_code = ? COLLATE NOCASE AND deleted_at IS NULL').get(type.id, input.lotCode);
      if (clash) throw new AppError('stock.lot-exists', { lot: input.lotCode });
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
