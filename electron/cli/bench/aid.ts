import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Output } from '../../core/contract';
import { openCore } from '../../core/core';
import { demoManifest } from '../demo-arrivals';
import { percentile, type BenchRow } from './table';
import { bulkInserter } from '../../core/testing/bulk';
import { callAs, initCentre } from '../../core/testing/fixtures';
import { BENCH_CENTRE } from './centre';

const MOVEMENTS = Number(process.env.ACOGIDA_BENCH_STOCK_MOVEMENTS ?? 1_000_000);
const LOTS_PER_TYPE = 40;
const REPORT_RUNS = 50;

const as = callAs;

/**
 * The kits station on a ledger of MOVEMENTS movements (years of a busy centre): a whole
 * 135-person flight served snack kits in one aid.deliver, against the same flight served
 * hygiene kits one call per person; and the stock report (p95), against summing the ledger.
 */
export async function benchAid(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-bench-aid-'));
  try {
    const core = openCore(path.join(dir, 'aid.db'));
    await initCentre(core, BENCH_CENTRE);
    const types = await as(core, ['clerk'], 'aid.types', {});
    const stocked = types.filter((t) => t.usesStock);
    const centre = core.identity!.centreId;

    // Fixture: LOTS_PER_TYPE lots per stock-using type, each a receipt then single-unit
    // deliveries, written directly in one transaction (the balance trigger runs for each).
    const stamp = { centreId: centre, origin: 'bench', at: '2025-01-01T00:00:00.000Z' };
    const insertLot = bulkInserter(core.db, 'stock_lots', stamp);
    const insertMovement = bulkInserter(core.db, 'stock_movements', stamp);
    const lots = stocked.flatMap((t) => Array.from({ length: LOTS_PER_TYPE }, (_, i) => ({ id: `lot-${t.code}-${i}`, type: t.id, code: `${t.code.toUpperCase()}-${i}` })));
    const perLot = Math.ceil(MOVEMENTS / lots.length);
    let written = 0;
    core.db.transaction(() => {
      for (const [i, lot] of lots.entries()) {
        insertLot({ id: lot.id, type_id: lot.type, lot_code: lot.code, donor: 'OIM', expiry: i % 3 === 0 ? null : `2027-${String(1 + (i % 12)).padStart(2, '0')}-15`, received_at: '2025-01-01T00:00:00Z' });
        insertMovement({ id: `m-${written++}`, lot_id: lot.id, type_id: lot.type, kind: 'receipt', quantity: perLot * 2, recorded_by: 'bench', recorded_at: '2025-01-01T00:00:00Z' });
        for (let n = 1; n < perLot && written < MOVEMENTS; n++)
          insertMovement({ id: `m-${written++}`, lot_id: lot.id, type_id: lot.type, kind: 'delivery', quantity: -1, recorded_by: 'bench', recorded_at: `2025-${String(1 + (n % 12)).padStart(2, '0')}-01T10:00:00Z` });
      }
    })();
    core.db.exec('ANALYZE');

    // A whole flight, everyone checked in.
    const flight = await as(core, ['clerk'], 'manifests.import', {
      fileName: 'flight.csv',
      contentBase64: Buffer.from(demoManifest(135, 11)).toString('base64'),
      arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: 'B1', date: '2026-11-25' },
    });
    const { persons } = await as(core, ['clerk'], 'arrivals.get', { id: flight.arrivalId });
    if (persons.length !== 135) throw new Error(`the bench flight has ${persons.length} people, not 135`);
    for (const p of persons) await as(core, ['clerk'], 'arrivals.checkIn', { personArrivalId: p.personArrivalId });

    const typeId = (code: string) => types.find((t) => t.code === code)!.id;
    let t0 = performance.now();
    const batch = await as(core, ['clerk'], 'aid.deliver', { typeId: typeId('snack'), target: { arrivalId: flight.arrivalId } });
    const batchMs = performance.now() - t0;
    t0 = performance.now();
    for (const p of persons) await as(core, ['clerk'], 'aid.deliver', { typeId: typeId('hygiene_kit'), target: { personArrivalId: p.personArrivalId } });
    const oneByOneMs = performance.now() - t0;

    const total = core.db.prepare('SELECT count(*) FROM stock_movements').pluck().get() as number;
    for (let i = 0; i < 5; i++) await as(core, ['manager'], 'stock.report', {}); // warm-up
    const times: number[] = [];
    let report: Output<'stock.report'> | undefined;
    for (let i = 0; i < REPORT_RUNS; i++) {
      t0 = performance.now();
      report = await as(core, ['manager'], 'stock.report', {});
      times.push(performance.now() - t0);
    }
    // The same balances by summing the ledger, and a check that they agree.
    const sumTimes: number[] = [];
    let sums: { lot_id: string; n: number }[] = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      sums = core.db.prepare('SELECT lot_id, sum(quantity) AS n FROM stock_movements GROUP BY lot_id').all() as { lot_id: string; n: number }[];
      sumTimes.push(performance.now() - t0);
    }
    const reported = new Map(report!.lines.flatMap((l) => l.lots).map((l) => [l.id, l.balance]));
    const agree = sums.every((s) => (reported.get(s.lot_id) ?? 0) === s.n);
    core.db.close();

    const p95 = percentile(times, 95);
    const sum95 = percentile(sumTimes, 95);
    return [
      {
        benchmark: `batch delivery, whole 135-person arrival (aid.deliver), ledger of ${total.toLocaleString('en')} movements`,
        result: `${batchMs.toFixed(0)} ms`,
        comparison: `${batch.delivered.length} delivered, ${batch.skipped.length} skipped; one call per person: ${oneByOneMs.toFixed(0)} ms (${(oneByOneMs / batchMs).toFixed(0)}×)`,
        target: '≤ 200 ms',
        pass: batchMs <= 200 && batch.delivered.length === 135,
      },
      {
        benchmark: `stock report p95, ${total.toLocaleString('en')} movements, ${lots.length} lots (stock.report)`,
        result: `${p95.toFixed(1)} ms`,
        comparison: `summing the ledger: ${sum95.toFixed(0)} ms (${(sum95 / p95).toFixed(0)}×); balances ${agree ? 'equal' : 'DIFFER'}`,
        target: '≤ 50 ms',
        pass: p95 <= 50 && agree,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
