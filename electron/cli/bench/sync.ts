import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Core } from '../../core/context';
import { openCore } from '../../core/core';
import { upstreamUrl } from '../../core/sync/connection';
import { pullBatch, pushBatch, syncOnce } from '../../core/sync/engine';
import { callAs, initCentre } from '../../core/testing/fixtures';
import { joinDesk, prepareUpstream, registerFirstDesk, tableHashes, withClient } from '../../core/testing/desks';
import { postgresAvailable, startPostgres } from '../../core/testing/postgres';
import { demoManifest } from '../demo-arrivals';
import { BENCH_CENTRE } from './centre';
import type { BenchRow } from './table';

/** People in the manifest whose changes make the push and pull+apply measurements. */
const BULK_PEOPLE = Number(process.env.ACOGIDA_BENCH_SYNC_PEOPLE ?? 3000);
const DAY = '2026-11-25';
const CLERK = ['clerk', 'manager', 'protection_officer'] as const;

interface OutboxRow {
  id: string;
  origin: string;
  table_name: string;
  row_id: string;
  op: string;
  hlc: string;
  payload: string;
  base: string | null;
  created_at: string;
}

/**
 * The baseline: the same rows written into PostgreSQL by a plain multi-row INSERT (unnest, the
 * same batch size) into a table shaped like the change log, with no lock, no idempotency check,
 * no RLS and no current-state trigger. What sync costs on top of moving the bytes.
 */
async function plainInsertRate(client: pg.ClientBase, rows: readonly OutboxRow[], batch: number): Promise<number> {
  await client.query('CREATE TEMP TABLE plain_changes (centre_id uuid, seq bigint, change_id uuid, origin uuid, table_name text, row_id uuid, op text, hlc text, payload jsonb, base jsonb, created_at timestamptz)');
  const centre = '00000000-0000-7000-8000-000000000000';
  const started = performance.now();
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO plain_changes SELECT $1, $2 + t.ord, t.change_id, t.origin, t.table_name, t.row_id, t.op, t.hlc, t.payload, t.base, t.created_at
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[], $11::timestamptz[])
              WITH ORDINALITY AS t(change_id, origin, table_name, row_id, op, hlc, payload, base, created_at, ord)`,
      [centre, i, part.map((r) => r.id), part.map((r) => r.origin), part.map((r) => r.table_name), part.map((r) => r.row_id), part.map((r) => r.op), part.map((r) => r.hlc), part.map((r) => r.payload), part.map((r) => r.base), part.map((r) => r.created_at)],
    );
    await client.query('COMMIT');
  }
  const seconds = (performance.now() - started) / 1000;
  await client.query('DROP TABLE plain_changes');
  return rows.length / seconds;
}

async function newDesk(dir: string, name: string, url: string): Promise<Core> {
  const desk = openCore(path.join(dir, `${name}.db`));
  await joinDesk(desk, url, name);
  return desk;
}

/** A day of a centre on six desks: two flights of 135, everyone checked in, registered, screened and given kits. */
async function workDay(desks: Core[]): Promise<void> {
  const [d1, d2, d3, d4, d5, d6] = desks as [Core, Core, Core, Core, Core, Core];
  const flights: string[] = [];
  for (const [desk, seed, ref] of [[d1, 21, 'GXA 3101'], [d2, 22, 'GXA 3102']] as const) {
    const imported = await callAs(desk, CLERK, 'manifests.import', {
      fileName: `${ref}.csv`,
      contentBase64: Buffer.from(demoManifest(135, seed)).toString('base64'),
      arrival: { kind: 'flight', route: 'air', originCountry: 'USA', carrier: 'GlobalX', reference: ref, date: DAY, pointOfEntry: 'Fuerza Aérea Guatemalteca' },
    });
    flights.push(imported.arrivalId);
    await syncOnce(desk);
  }
  for (const desk of desks) await syncOnce(desk);
  // Registration desks: each flight's people checked in and registered (with consent).
  for (const [desk, arrivalId] of [[d3, flights[0]!], [d4, flights[1]!]] as const) {
    const { persons } = await callAs(desk, CLERK, 'arrivals.get', { id: arrivalId });
    for (const p of persons) {
      await callAs(desk, CLERK, 'arrivals.checkIn', { personArrivalId: p.personArrivalId });
      await callAs(desk, CLERK, 'persons.register', {
        personArrivalId: p.personArrivalId,
        person: { givenNames: p.givenNames, firstSurname: p.firstSurname, secondSurname: p.secondSurname, birthDate: p.birthDate, sex: p.sex, nationality: p.nationality, documentNumber: p.documentNumber, originCountry: p.nationality, languages: ['es'] },
        consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, { purpose: 'follow_up', institution: '', granted: true }] },
      });
    }
    await syncOnce(desk);
  }
  // Screening desk: everyone of both flights.
  await syncOnce(d5);
  for (const arrivalId of flights) {
    const { persons } = await callAs(d5, CLERK, 'arrivals.get', { id: arrivalId });
    for (const p of persons) {
      const prefill = (await callAs(d5, CLERK, 'screening.form', { personId: p.personId })).prefill;
      await callAs(d5, CLERK, 'screening.record', { personId: p.personId, answers: { ...prefill, travel_group: 'alone', support_network: true, safe_place: true, distress: 'calm' } as never });
    }
  }
  await syncOnce(d5);
  // Kits desk: stock received, then snacks and water for each whole flight in one action each.
  await syncOnce(d6);
  const types = await callAs(d6, CLERK, 'aid.types', {});
  for (const code of ['snack', 'hydration']) {
    const type = types.find((t) => t.code === code)!;
    await callAs(d6, ['manager'], 'stock.receive', { typeId: type.id, lotCode: `OIM-${code}`, donor: 'OIM', quantity: 1000 });
    for (const arrivalId of flights) await callAs(d6, CLERK, 'aid.deliver', { typeId: type.id, target: { arrivalId } });
  }
  await syncOnce(d6);
}

export async function benchSync(): Promise<BenchRow[]> {
  if (!postgresAvailable())
    return [{ benchmark: 'sync (PostgreSQL upstream)', result: 'not run: PostgreSQL is not installed (apt-get install postgresql)', comparison: '—', target: '—', pass: null }];
  const server = await startPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-bench-sync-'));
  try {
    await prepareUpstream(server.adminUrl);
    const first = openCore(path.join(dir, 'mesa-1.db'));
    await initCentre(first, { ...BENCH_CENTRE, workstationName: 'Mesa 1' });
    const url = await registerFirstDesk(first, server.adminUrl);

    // Push and pull+apply throughput on one big outbox: a manifest of BULK_PEOPLE people.
    const bulk = openCore(path.join(dir, 'bulk.db'));
    await joinDesk(bulk, url, 'Carga');
    await callAs(bulk, CLERK, 'manifests.import', {
      fileName: 'grande.csv',
      contentBase64: Buffer.from(demoManifest(BULK_PEOPLE, 5)).toString('base64'),
      arrival: { kind: 'bus', route: 'land', originCountry: 'MEX', reference: 'Bus grande', date: DAY },
    });
    const outbox = bulk.db.prepare('SELECT id, origin, table_name, row_id, op, hlc, payload, base, created_at FROM changes WHERE pushed_at IS NULL ORDER BY seq').all() as OutboxRow[];
    const plain = await withClient(server.adminUrl, (client) => plainInsertRate(client, outbox, 2000));
    const pushStarted = performance.now();
    await withClient(upstreamUrl(bulk)!, async (client) => {
      while ((await pushBatch(bulk, client)).sent > 0);
    });
    const pushRate = outbox.length / ((performance.now() - pushStarted) / 1000);

    const reader = openCore(path.join(dir, 'lectora.db'));
    await joinDesk(reader, url, 'Lectora');
    // joinDesk pulled everything already; measure a fresh desk's pull+apply of the same log.
    const fresh = openCore(path.join(dir, 'nueva.db'));
    await callAs(fresh, [], 'setup.join', { url, workstationName: 'Nueva' });
    let applied = 0;
    const pullStarted = performance.now();
    await withClient(url, async (client) => {
      for (;;) {
        const { fetched, result } = await pullBatch(fresh, client);
        if (!fetched) break;
        applied += result.applied;
      }
    });
    const pullRate = applied / ((performance.now() - pullStarted) / 1000);
    // The new desk's own workstation row goes the other way: once both have synced, the same data.
    await syncOnce(fresh);
    await syncOnce(bulk);
    const same = JSON.stringify(tableHashes(fresh)) === JSON.stringify(tableHashes(bulk));

    // The day: six desks work while a seventh is offline, then it catches up.
    const desks = [first];
    for (let i = 2; i <= 6; i++) desks.push(await newDesk(dir, `mesa-${i}`, url));
    const late = await newDesk(dir, 'mesa-7', url);
    const before = Number(late.db.prepare("SELECT value FROM local_meta WHERE key = 'sync_cursor'").pluck().get());
    await workDay(desks);
    const dayChanges = await withClient(url, async (client: pg.ClientBase) => Number((await client.query('SELECT count(*) FROM acogida.change_log WHERE seq > $1', [before])).rows[0].count));
    const catchStarted = performance.now();
    const caught = await syncOnce(late);
    const catchSeconds = (performance.now() - catchStarted) / 1000;
    await syncOnce(first);
    const converged = JSON.stringify(tableHashes(late)) === JSON.stringify(tableHashes(first));
    for (const core of [first, bulk, reader, fresh, late, ...desks]) if (core.db.open) core.db.close();

    const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} changes/s`;
    return [
      {
        benchmark: `sync push: ${outbox.length.toLocaleString('en-US')} changes (${BULK_PEOPLE} people), batches of 2000`,
        result: rate(pushRate),
        comparison: `plain multi-row INSERT of the same rows: ${rate(plain)} (push = ${(pushRate / plain).toFixed(2)}×)`,
        target: '≥ 10,000 changes/s',
        pass: pushRate >= 10_000,
      },
      {
        benchmark: `sync pull+apply: the same ${applied.toLocaleString("en-US")} changes into a new desk, each new person indexed for search and matching${same ? "" : " (NOT identical!)"}`,
        result: rate(pullRate),
        comparison: `plain multi-row INSERT: ${rate(plain)} (pull+apply = ${(pullRate / plain).toFixed(2)}×)`,
        target: '≥ 20,000 changes/s',
        pass: pullRate >= 20_000 && same,
      },
      {
        benchmark: `sync catch-up: a desk offline for a day of six desks (2 flights of 135: check-in, registration, screening, kits)`,
        result: `${catchSeconds.toFixed(2)} s for ${caught.pulled.toLocaleString('en-US')} changes applied (${dayChanges.toLocaleString('en-US')} in the log)${converged ? '' : ' (NOT identical!)'}`,
        comparison: `${rate(caught.pulled / catchSeconds)}`,
        target: '≤ 10 s',
        pass: catchSeconds <= 10 && converged,
      },
    ];
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}


