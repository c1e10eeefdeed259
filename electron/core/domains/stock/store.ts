import type { StockLot } from './contract';
import type { Database } from '../../db/driver';
import type { AidTypeRow } from '../aid/types-service';

/** The SQL of the stock ledger: lots with their balances (kept by a trigger), movements, and the types that use stock. */

export interface LotRow {
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

export const toLot = (r: LotRow, todayIso: string): StockLot => ({
  id: r.id,
  typeId: r.type_id,
  lotCode: r.lot_code,
  donor: r.donor,
  expiry: r.expiry,
  receivedAt: r.received_at,
  balance: r.balance,
  expired: r.expiry !== null && r.expiry < todayIso,
});

export function findLot(db: Database, centreId: string, id: string): LotRow | undefined {
  return db.prepare(`${LOT_SELECT} AND l.id = ? AND l.centre_id = ?`).get(id, centreId) as LotRow | undefined;
}

/** Lots of a type that can still give units on `today`: in date, with units left, expiring first (no expiry last). */
export function deliverableLots(db: Database, typeId: string, today: string): LotRow[] {
  return db
    .prepare(`${LOT_SELECT} AND l.type_id = ? AND b.balance > 0 AND (l.expiry IS NULL OR l.expiry >= ?) ORDER BY l.expiry IS NULL, l.expiry, l.received_at`)
    .all(typeId, today) as LotRow[];
}

/** What a delivery still holds of each lot (its 'delivery' movements net of any 'void'), as positive quantities. */
export function takenByDelivery(db: Database, deliveryId: string): { id: string; type_id: string; quantity: number }[] {
  return db
    .prepare("SELECT lot_id AS id, type_id, -sum(quantity) AS quantity FROM stock_movements WHERE delivery_id = ? AND kind IN ('delivery', 'void') GROUP BY lot_id HAVING sum(quantity) <> 0")
    .all(deliveryId) as { id: string; type_id: string; quantity: number }[];
}

export function lotCodesOfDelivery(db: Database, deliveryId: string): string[] {
  return db
    .prepare("SELECT DISTINCT l.lot_code FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id WHERE m.delivery_id = ? AND m.kind = 'delivery'")
    .pluck()
    .all(deliveryId) as string[];
}

/** The centre's kit types that take units from stock, active first. */
export function stockedTypes(db: Database, centreId: string): AidTypeRow[] {
  return db.prepare('SELECT * FROM aid_types WHERE centre_id = ? AND uses_stock = 1 AND deleted_at IS NULL ORDER BY active DESC, rowid').all(centreId) as AidTypeRow[];
}

/** Every lot of the centre whose balance is not zero (below zero too: a shortfall a manager must count). */
export function lotsWithBalance(db: Database, centreId: string): LotRow[] {
  return db.prepare(`${LOT_SELECT} AND l.centre_id = ? AND b.balance <> 0 ORDER BY l.expiry IS NULL, l.expiry, l.received_at`).all(centreId) as LotRow[];
}

/** A page of movements matching `where` (with `params`), newest first, with who recorded each. */
export function movementsPage(db: Database, where: readonly string[], params: readonly unknown[], limit: number): Record<string, string | number | null>[] {
  return db
    .prepare(
      `SELECT m.id, m.lot_id, l.lot_code, m.type_id, m.kind, m.quantity, m.delivery_id, m.reason, coalesce(u.display_name, m.recorded_by) AS recorded_by, m.recorded_at
       FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id LEFT JOIN users u ON u.id = m.recorded_by
       WHERE ${where.join(' AND ')} ORDER BY m.recorded_at DESC, m.rowid DESC LIMIT ?`,
    )
    .all(...params, limit) as Record<string, string | number | null>[];
}

export function lotCodeTaken(db: Database, typeId: string, lotCode: string): boolean {
  return db.prepare('SELECT 1 FROM stock_lots WHERE type_id = ? AND lot_code = ? COLLATE NOCASE AND deleted_at IS NULL').get(typeId, lotCode) !== undefined;
}
