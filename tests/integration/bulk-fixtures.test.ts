import { describe, expect, it } from 'vitest';
import { bulkInserter } from '../../electron/core/testing/bulk';
import { expectOk, setupCentre, staff, tempCore } from '../helpers';

/** The raw bulk inserts of the benches (electron/core/testing/bulk.ts), on a real database. */
describe('bulk fixtures', () => {
  it('fill every replication column from the schema, run the triggers, and name a column that is wrong', async () => {
    const { core } = tempCore();
    const { adminToken } = await setupCentre(core);
    const { token } = await staff(core, adminToken, 'jefa', ['manager']);
    const stocked = (await expectOk(core, 'aid.types', {}, { token })).find((t) => t.usesStock)!;
    const stamp = { centreId: core.identity!.centreId, origin: 'bench', at: '2025-01-01T00:00:00.000Z' };
    const lot = bulkInserter(core.db, 'stock_lots', stamp);
    const move = bulkInserter(core.db, 'stock_movements', stamp);
    core.db.transaction(() => {
      lot({ id: 'lot-1', type_id: stocked.id, lot_code: 'L-1', donor: 'OIM', received_at: stamp.at });
      move({ lot_id: 'lot-1', type_id: stocked.id, kind: 'receipt', quantity: 5, recorded_by: 'bench', recorded_at: stamp.at });
      move({ lot_id: 'lot-1', type_id: stocked.id, kind: 'delivery', quantity: -2, recorded_by: 'bench', recorded_at: stamp.at });
    })();
    const rows = core.db.prepare('SELECT id, centre_id, created_at, updated_at, hlc, origin FROM stock_movements ORDER BY hlc').all() as Record<string, string>[];
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(Object.values(r).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
    expect(rows[0]!.hlc! < rows[1]!.hlc!).toBe(true);
    // The balance trigger ran for each movement.
    expect(core.db.prepare("SELECT balance FROM stock_lot_balances WHERE lot_id = 'lot-1'").pluck().get()).toBe(3);
    // What the stock report shows through the contract.
    const report = await expectOk(core, 'stock.report', {}, { token });
    expect(report.lines.find((l) => l.typeId === stocked.id)?.balance).toBe(3);

    expect(() => move({ lot_id: 'lot-1', type_id: stocked.id, kind: 'receipt', quantity: 1, recorded_by: 'bench', recorded_at: stamp.at, colour: 'red' })).toThrow(/stock_movements has no column colour/);
    expect(() => move({ lot_id: 'lot-1', type_id: stocked.id, kind: 'receipt', recorded_by: 'bench', recorded_at: stamp.at })).toThrow(/stock_movements.quantity is required/);
    // The ledger stays append-only for fixtures too.
    expect(() => core.db.prepare('UPDATE stock_movements SET quantity = 99').run()).toThrow(/append-only/);
  });
});
