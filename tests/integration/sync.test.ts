import { createHmac } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadDemoAid } from '../../electron/cli/demo-aid';
import { loadDemoAlerts } from '../../electron/cli/demo-alerts';
import { loadDemoArrivals, demoManifest } from '../../electron/cli/demo-arrivals';
import { loadDemoScreenings } from '../../electron/cli/demo-screening';
import { DEMO_CENTRE, DEMO_PASSWORD, DEMO_STAFF } from '../../electron/cli/demo-data';
import type { Core } from '../../electron/core/context';
import { zonedDate } from '../../electron/core/time';
import { applyBatch } from '../../electron/core/sync/apply';
import { compareWithUpstream } from '../../electron/core/sync/audit-anchor';
import { checkUpstreamUrl, upstreamUrl } from '../../electron/core/sync/connection';
import { pullBatch, pushBatch, syncOnce } from '../../electron/core/sync/engine';
import { pruneOutbox } from '../../electron/core/db/outbox';
import { migrateUpstream, UPSTREAM_VERSION } from '../../electron/core/sync/upstream-schema';
import { callAs, callOk, CallFailed, systemCaller } from '../../electron/core/testing/fixtures';
import { joinDesk, personKeysHash, registerFirstDesk, tableHashes, withClient } from '../../electron/core/testing/desks';
import { ManualClock, tempCore, upstreamForFile } from '../helpers';
import { verifyAudit } from '../../electron/core/audit-log';

/**
 * Replication through a real PostgreSQL (Debian's, started for this file): desks that work apart
 * and sync end with the same data; the upstream keeps each centre to its own rows.
 */
const postgres = upstreamForFile();

const MANAGER = ['manager', 'clerk'] as const;

interface Centre {
  url: string;
  desks: Core[];
  clocks: ManualClock[];
}

/** A centre with `n` desks (the first initialised, the others joined), each on its own file and clock. */
async function centre(n: number, name = 'Centro de Recepción La Aurora'): Promise<Centre> {
  const clocks = Array.from({ length: n }, () => new ManualClock());
  const first = tempCore(clocks[0]).core;
  await callOk(first, 'setup.init', {
    centre: { name, country: 'GTM', timeZone: 'America/Guatemala' },
    workstationName: 'Mesa 1',
    admin: { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
  });
  const url = await registerFirstDesk(first, postgres().adminUrl);
  const desks = [first];
  for (let i = 1; i < n; i++) {
    const desk = tempCore(clocks[i]).core;
    await joinDesk(desk, url, `Mesa ${i + 1}`);
    desks.push(desk);
  }
  return { url, desks, clocks };
}

/** Everyone syncs twice in turn: after that every desk holds every change. */
async function settle(desks: readonly Core[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const desk of desks) await syncOnce(desk);
}

function expectSame(desks: readonly Core[]): void {
  const [first, ...rest] = desks.map((d) => tableHashes(d));
  for (const other of rest) {
    const differing = Object.keys(first!).filter((t) => first![t] !== other[t]);
    if (differing.length) {
      const table = differing[0]!;
      const dump = desks.map((d) => d.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
      expect(dump[desks.indexOf(desks.find((d) => tableHashes(d) === other) ?? desks[1]!)] ?? dump[1], `${table} differs`).toEqual(dump[0]);
    }
    expect(other).toEqual(first);
  }
  const [keys, ...others] = desks.map((d) => personKeysHash(d));
  for (const other of others) expect(other).toBe(keys);
}

describe('upstream schema', () => {
  it('is migrated once, tracked by number, and a newer schema is refused with a clear message', async () => {
    await withClient(postgres().adminUrl, async (client) => {
      const again = await migrateUpstream(client);
      expect(again).toEqual({ from: UPSTREAM_VERSION, to: UPSTREAM_VERSION, applied: [] });
      await client.query('CREATE DATABASE newer');
    });
    const newer = postgres().adminUrl.replace(/\/postgres$/, '/newer');
    await withClient(newer, async (client) => {
      await migrateUpstream(client);
      await client.query("INSERT INTO acogida.schema_migrations (version, name) VALUES (99, 'from-the-future')");
      await expect(migrateUpstream(client)).rejects.toMatchObject({ code: 'sync.upstream-newer', details: { found: 99, supported: UPSTREAM_VERSION } });
    });
  });

  it('forces row-level security on every table, each keyed by centre first', async () => {
    await withClient(postgres().adminUrl, async (client) => {
      const tables = await client.query(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'acogida' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'",
      );
      expect(tables.rows.length).toBe(7);
      for (const t of tables.rows) expect([t.relname, t.relrowsecurity, t.relforcerowsecurity]).toEqual([t.relname, true, true]);
      const keys = await client.query(
        `SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
          WHERE n.nspname = 'acogida' AND i.indisprimary AND c.relname <> 'schema_migrations'`,
      );
      for (const k of keys.rows) expect([k.relname, k.attname]).toEqual([k.relname, 'centre_id']);
    });
  });
});

describe('connection', () => {
  it('refuses a URL off loopback without sslmode=verify-full, in Spanish, and keeps nothing', async () => {
    const { core } = tempCore();
    await callOk(core, 'setup.init', {
      centre: { name: 'Centro', country: 'GTM', timeZone: 'America/Guatemala' },
      workstationName: 'Mesa 1',
      admin: { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
    });
    expect(() => checkUpstreamUrl('postgres://c:pw@servidor.centro.gt/acogida')).toThrow(expect.objectContaining({ code: 'sync.url-insecure' }));
    expect(() => checkUpstreamUrl('postgres://c:pw@servidor.centro.gt/acogida?sslmode=require')).toThrow(expect.objectContaining({ code: 'sync.url-insecure' }));
    expect(checkUpstreamUrl('postgres://c:pw@servidor.centro.gt/acogida?sslmode=verify-full')).toContain('verify-full');
    expect(checkUpstreamUrl('postgres://c:pw@127.0.0.1:5432/acogida')).toContain('127.0.0.1');
    for (const url of ['postgres://c:pw@servidor.centro.gt/acogida', 'http://c:pw@127.0.0.1/x', 'x'.repeat(3000)]) {
      const failure = await callOk(core, 'sync.configure', { url }, systemCaller(['admin'])).catch((e: CallFailed) => e);
      expect(failure).toBeInstanceOf(CallFailed);
      expect((failure as CallFailed).error.message).toMatch(/sslmode=verify-full|no es válida|Los datos enviados/);
    }
    expect(core.db.prepare("SELECT count(*) FROM local_meta WHERE key LIKE 'upstream%'").pluck().get()).toBe(0);
  });

  it('keeps the password sealed: not in local_meta in the clear, readable only with this desk key', async () => {
    const { url, desks } = await centre(1, 'Centro Sellado');
    const password = new URL(url).password;
    const [desk] = desks;
    const values = desk!.db.prepare('SELECT value FROM local_meta').pluck().all() as string[];
    expect(values.some((v) => v.includes(password))).toBe(false);
    expect(upstreamUrl(desk!, {})).toBe(url);
    expect(() => upstreamUrl({ db: desk!.db, keys: { ...desk!.keys, database: Buffer.alloc(32, 7) } }, {})).toThrow(expect.objectContaining({ code: 'sync.url-unreadable' }));
  }, 30_000);
});

describe('joining', () => {
  it('a joined desk says it is receiving the centre until its accounts arrive, then shows the sign-in screen', async () => {
    const { url } = await centre(1, 'Centro Llegando');
    const desk = tempCore().core;
    await callOk(desk, 'setup.join', { url, workstationName: 'Mesa nueva' });
    expect(await callOk(desk, 'setup.status', {})).toMatchObject({ initialized: true, joining: true, centre: null });
    await expect(callOk(desk, 'setup.join', { url, workstationName: 'Otra vez' })).rejects.toMatchObject({ code: 'setup.already-done' });
    await syncOnce(desk);
    expect(await callOk(desk, 'setup.status', {})).toMatchObject({ initialized: true, joining: false, centre: { name: 'Centro Llegando' } });
  }, 30_000);
});

describe('three desks of one centre', () => {
  it('a flight imported on A, checked in and given kits on B, screened and checked against alerts on C, all partly offline, ends identical', async () => {
    const { desks, clocks } = await centre(3, DEMO_CENTRE.name);
    const [a, b, c] = desks as [Core, Core, Core];
    // Desk A: the staff and the flight (135 people and a walk-in, 13 registered).
    for (const member of DEMO_STAFF.slice(1)) await callAs(a, ['admin'], 'users.create', { ...member, password: DEMO_PASSWORD });
    const today = zonedDate(clocks[0]!.now(), DEMO_CENTRE.timeZone);
    await loadDemoArrivals(a, today);
    await syncOnce(a);
    await syncOnce(b);
    await syncOnce(c);
    // Now apart: B gives kits and takes belongings, C screens and checks the alert lists, A checks in more people.
    await loadDemoAid(b, today);
    await loadDemoAlerts(c, today);
    await loadDemoScreenings(c, today);
    const board = await callAs(a, MANAGER, 'flow.board', { date: today });
    for (const row of board.rows.filter((r) => r.status === 'expected').slice(0, 30)) await callAs(a, MANAGER, 'arrivals.checkIn', { personArrivalId: row.personArrivalId });
    // C syncs first, A next, B last; then all settle.
    await syncOnce(c);
    await syncOnce(a);
    await syncOnce(b);
    await settle(desks);
    expectSame(desks);
    // What each desk did shows on the others' screens.
    const boards = await Promise.all(desks.map((d) => callAs(d, MANAGER, 'flow.board', { date: today })));
    expect(boards[1]!.rows.length).toBe(boards[0]!.rows.length);
    const stock = await Promise.all(desks.map((d) => callAs(d, MANAGER, 'stock.report', {})));
    expect(stock[0]!.lines.map((l) => [l.typeId, l.balance])).toEqual(stock[1]!.lines.map((l) => [l.typeId, l.balance]));
    expect(stock[0]!.lines.some((l) => l.balance > 0)).toBe(true);
    const queueA = await callAs(a, ['alert_officer'], 'alerts.queue', {});
    const queueC = await callAs(c, ['alert_officer'], 'alerts.queue', {});
    expect(queueA).toEqual(queueC);
    for (const desk of desks) expect(desk.db.prepare('SELECT count(*) FROM sync_quarantine').pluck().get()).toBe(0);
    // Nothing is doubled: one row per change id upstream, and every local change was pushed once.
    await withClient(postgres().adminUrl, async (client) => {
      const dup = await client.query('SELECT count(*) - count(DISTINCT change_id) AS d FROM acogida.change_log');
      expect(Number(dup.rows[0].d)).toBe(0);
    });
  }, 240_000);
});

describe('a desk that worked alone for months', () => {
  it('sends the current state of its rows when its outbox was pruned, and a new desk receives all of it', async () => {
    const clock = new ManualClock();
    const a = tempCore(clock).core;
    await callOk(a, 'setup.init', {
      centre: { name: 'Centro Antiguo', country: 'GTM', timeZone: 'America/Guatemala' },
      workstationName: 'Mesa 1',
      admin: { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
    });
    await callAs(a, MANAGER, 'manifests.import', {
      fileName: 'viejo.csv',
      contentBase64: Buffer.from(demoManifest(20, 9)).toString('base64'),
      arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: 'GXA 1', date: '2026-11-25' },
    });
    clock.advance(40 * 24 * 60);
    const [first] = await callAs(a, MANAGER, 'institutions.list', {});
    await callAs(a, ['manager'], 'institutions.update', { id: first!.id, contact: 'Tel. nuevo' });
    expect(pruneOutbox(a.db, clock.now())).toBeGreaterThan(0);
    const url = await registerFirstDesk(a, postgres().adminUrl);
    const b = tempCore(new ManualClock(clock.ms)).core;
    await joinDesk(b, url, 'Mesa 2');
    await syncOnce(a);
    expectSame([a, b]);
    expect(b.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(20);
  }, 60_000);
});

describe('conflict rules', () => {
  it('editable records merge per field: edits of different fields both stay; the later edit of the same field wins everywhere and the other is kept in the conflict log', async () => {
    const { desks, clocks } = await centre(2, 'Centro Campos');
    const [a, b] = desks as [Core, Core];
    const [renap] = (await callAs(a, MANAGER, 'institutions.list', {})).filter((i) => i.code === 'RENAP');
    await callAs(a, ['manager'], 'institutions.update', { id: renap!.id, contact: 'Tel. 2412-0000' });
    await callAs(b, ['manager'], 'institutions.update', { id: renap!.id, hours: 'Lunes a viernes 8:00–16:00' });
    clocks[0]!.advance(1);
    await callAs(b, ['manager'], 'institutions.update', { id: renap!.id, name: 'Registro Nacional de las Personas (B)' });
    clocks[0]!.advance(2);
    await callAs(a, ['manager'], 'institutions.update', { id: renap!.id, name: 'Registro Nacional de las Personas (A, más tarde)' });
    await settle(desks);
    expectSame(desks);
    const after = (await callAs(b, MANAGER, 'institutions.list', {})).find((i) => i.id === renap!.id)!;
    expect(after).toMatchObject({ contact: 'Tel. 2412-0000', hours: 'Lunes a viernes 8:00–16:00', name: 'Registro Nacional de las Personas (A, más tarde)' });
    const conflicts = await callAs(b, ['manager'], 'sync.conflicts', {});
    expect(conflicts.entries.find((e) => e.field === 'name')).toMatchObject({
      keptValue: JSON.stringify('Registro Nacional de las Personas (A, más tarde)'),
      lostValue: JSON.stringify('Registro Nacional de las Personas (B)'),
    });
    expect(conflicts.entries.some((e) => e.field === 'contact' || e.field === 'hours')).toBe(false);
    expect((await callAs(a, ['manager'], 'sync.conflicts', {})).entries.some((e) => e.field === 'name')).toBe(true);
  }, 60_000);

  it("the conflict log shows a value only to a role that reads it on its own screens: the manager a person's, not the admin", async () => {
    const { desks, clocks } = await centre(2, 'Centro Valores');
    const [a, b] = desks as [Core, Core];
    const today = zonedDate(clocks[0]!.now(), 'America/Guatemala');
    const done = await callAs(a, MANAGER, 'manifests.import', {
      fileName: 'v.csv',
      contentBase64: Buffer.from(demoManifest(2, 77)).toString('base64'),
      arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: 'GXA 77', date: today },
    });
    await settle(desks);
    const [p] = (await callAs(a, MANAGER, 'arrivals.get', { id: done.arrivalId })).persons;
    const register = (desk: Core, phone: string) =>
      callAs(desk, MANAGER, 'persons.register', {
        personArrivalId: p!.personArrivalId,
        person: { givenNames: p!.givenNames, firstSurname: p!.firstSurname, secondSurname: p!.secondSurname, birthDate: p!.birthDate, sex: p!.sex, nationality: p!.nationality, languages: ['es'], phone },
        consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
      } as never);
    await register(a, '5555-0001');
    clocks[1]!.advance(3);
    await register(b, '5555-0002');
    await settle(desks);
    expectSame(desks);
    const asManager = (await callAs(a, ['manager'], 'sync.conflicts', {})).entries.find((e) => e.table === 'persons' && e.field === 'phone');
    expect(asManager).toMatchObject({ keptValue: JSON.stringify('5555-0002'), lostValue: JSON.stringify('5555-0001') });
    const asAdmin = (await callAs(a, ['admin'], 'sync.conflicts', {})).entries.find((e) => e.table === 'persons' && e.field === 'phone');
    expect(asAdmin).toMatchObject({ keptValue: null, lostValue: null });
    await expect(callAs(a, ['clerk'], 'sync.conflicts', {})).rejects.toMatchObject({ code: 'forbidden' });
  }, 60_000);

  it('a deletion beats an older edit and loses to a newer one, on every desk, whatever order they arrive in', async () => {
    const { desks, clocks } = await centre(3, 'Centro Borrados');
    const [a, b, c] = desks as [Core, Core, Core];
    const today = zonedDate(clocks[0]!.now(), 'America/Guatemala');
    const imported = async (seed: number) =>
      callAs(a, MANAGER, 'manifests.import', {
        fileName: `vuelo-${seed}.csv`,
        contentBase64: Buffer.from(demoManifest(3, seed)).toString('base64'),
        arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: `GXA ${seed}`, date: today },
      });
    const withImport = async (seed: number) => {
      const done = await imported(seed);
      const [entry] = await callAs(a, MANAGER, 'manifests.imports', { arrivalId: done.arrivalId });
      return { arrivalId: done.arrivalId, importId: entry!.id };
    };
    const first = await withImport(101);
    const second = await withImport(202);
    await settle(desks);
    const expected = async (desk: Core, arrivalId: string) => (await callAs(desk, MANAGER, 'arrivals.get', { id: arrivalId })).persons[0]!;
    // First flight: B checks a person in, later A undoes the import (the deletion is newer).
    const p1 = await expected(b, first.arrivalId);
    await callAs(b, MANAGER, 'arrivals.checkIn', { personArrivalId: p1.personArrivalId });
    clocks[0]!.advance(5);
    const undo1 = await callAs(a, MANAGER, 'manifests.undo', { importId: first.importId, reason: 'Manifiesto equivocado' });
    // Second flight: A undoes first, later C checks a person in (the edit is newer).
    const p2 = await expected(c, second.arrivalId);
    const undo2 = await callAs(a, MANAGER, 'manifests.undo', { importId: second.importId, reason: 'Manifiesto duplicado' });
    clocks[2]!.advance(10);
    await callAs(c, MANAGER, 'arrivals.checkIn', { personArrivalId: p2.personArrivalId });
    // Arrival order differs per desk: C and B push before A pulls, A pushes last.
    await syncOnce(c);
    await syncOnce(b);
    await syncOnce(a);
    await settle([b, c, a]);
    expectSame(desks);
    const row = (desk: Core, id: string) => desk.db.prepare('SELECT status, deleted_at FROM person_arrivals WHERE id = ?').get(id) as { status: string; deleted_at: string | null };
    expect([undo1.removed, undo2.removed]).toEqual([3, 3]);
    for (const desk of desks) {
      expect(row(desk, p1.personArrivalId).deleted_at).not.toBeNull(); // the newer deletion won
      expect(row(desk, p2.personArrivalId)).toMatchObject({ status: 'arrived', deleted_at: null }); // the newer edit won
    }
  }, 60_000);

  it('the same kit type code created on two desks ends as one record, and deliveries of the loser point to the winner', async () => {
    const { desks } = await centre(2, 'Centro Claves');
    const [a, b] = desks as [Core, Core];
    const fields = { nameEs: 'Mascarilla', nameEn: 'Face mask', unitEs: 'unidad', unitEn: 'unit', usesStock: true, repeat: { kind: 'per_arrival' }, lowStock: 10 } as const;
    const onA = await callAs(a, ['manager'], 'aid.createType', { code: 'mask', ...fields } as never);
    const onB = await callAs(b, ['manager'], 'aid.createType', { code: 'mask', ...fields, nameEs: 'Mascarilla KN95' } as never);
    const lotB = await callAs(b, ['manager'], 'stock.receive', { typeId: onB.id, lotCode: 'OPS-1', donor: 'OPS', quantity: 50 });
    await settle(desks);
    expectSame(desks);
    const winner = [onA.id, onB.id].sort()[0]!;
    for (const desk of desks) {
      const live = desk.db.prepare("SELECT id FROM aid_types WHERE code = 'mask' AND deleted_at IS NULL").pluck().all();
      expect(live).toEqual([winner]);
      expect(desk.db.prepare('SELECT type_id FROM stock_lots WHERE id = ?').pluck().get(lotB.id)).toBe(winner);
    }
  }, 60_000);

  it('the same manifest imported into the same arrival on two desks apart ends as one import and one record per person', async () => {
    const { desks, clocks } = await centre(2, 'Centro Manifiesto Doble');
    const [a, b] = desks as [Core, Core];
    const today = zonedDate(clocks[0]!.now(), 'America/Guatemala');
    const arrival = await callAs(a, MANAGER, 'arrivals.create', { kind: 'flight', route: 'air', originCountry: 'USA', reference: 'GXA 2245', date: today } as never) as { id: string };
    await settle(desks);
    const file = { fileName: 'GXA-2245.csv', contentBase64: Buffer.from(demoManifest(135, 11)).toString('base64'), arrivalId: arrival.id };
    await callAs(a, MANAGER, 'manifests.import', file);
    clocks[1]!.advance(2);
    await callAs(b, MANAGER, 'manifests.import', file);
    // B checks someone in before it hears of A's import.
    const [first] = (await callAs(b, MANAGER, 'arrivals.get', { id: arrival.id })).persons;
    await callAs(b, MANAGER, 'arrivals.checkIn', { personArrivalId: first!.personArrivalId });
    await settle(desks);
    expectSame(desks);
    for (const desk of desks) {
      const { persons } = await callAs(desk, MANAGER, 'arrivals.get', { id: arrival.id });
      expect(persons).toHaveLength(135);
      expect(persons.find((p) => p.personArrivalId === first!.personArrivalId)!.status).toBe('arrived');
      expect(await callAs(desk, MANAGER, 'manifests.imports', { arrivalId: arrival.id })).toHaveLength(1);
      expect(desk.db.prepare('SELECT count(*) FROM persons WHERE deleted_at IS NULL').pluck().get()).toBe(135);
    }
  }, 60_000);

  it('one belongings tag given out on A and B apart ends as one record on every desk, whatever order they hear it in, and the other bag is in the conflict log', async () => {
    const { desks, clocks } = await centre(3, 'Centro Fichas');
    const [a, b, c] = desks as [Core, Core, Core];
    const today = zonedDate(clocks[0]!.now(), 'America/Guatemala');
    const registered = (await callAs(a, MANAGER, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' },
      person: { givenNames: 'Elmer', firstSurname: 'Batz', sex: 'M', nationality: 'GTM', languages: ['es'] },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
    } as never)) as { row: { personArrivalId: string } };
    await settle(desks);
    const stay = registered.row.personArrivalId;
    const [x] = await callAs(a, MANAGER, 'belongings.receive', { personArrivalId: stay, items: [{ description: 'Mochila negra', tagNumber: 'P-7' }] });
    await callAs(a, MANAGER, 'belongings.return', { ids: [x!.id], confirmed: true });
    clocks[1]!.advance(1);
    const [y] = await callAs(b, MANAGER, 'belongings.receive', { personArrivalId: stay, items: [{ description: 'Bolsa de detención', tagNumber: 'P-7' }] });
    // C hears of A's bag and its return before B's bag; B hears of A's bag after making its own.
    await syncOnce(a);
    await syncOnce(c);
    await syncOnce(b);
    await syncOnce(c);
    await settle(desks);
    expectSame(desks);
    // One record keeps the tag (the smaller id), on every desk; the other is a tombstone, and
    // the conflict log shows it whole (its description) for a manager to sort out the tag.
    const [keeps, hidden] = [x!.id, y!.id].sort() as [string, string];
    for (const desk of desks) {
      expect(desk.db.prepare("SELECT id FROM belongings WHERE tag_number = 'P-7' AND deleted_at IS NULL").pluck().all()).toEqual([keeps]);
      const logged = (await callAs(desk, ['manager'], 'sync.conflicts', {})).entries.find((e) => e.rowId === hidden && e.field === '*');
      expect(JSON.parse(logged!.lostValue!)).toMatchObject({ id: hidden, tag_number: 'P-7' });
      expect(JSON.parse(logged!.keptValue!)).toBe(keeps);
    }
  }, 60_000);

  it('a person merged on A and edited on B converge', async () => {
    const { desks, clocks } = await centre(2, 'Centro Uniones');
    const [a, b] = desks as [Core, Core];
    const today = zonedDate(clocks[0]!.now(), 'America/Guatemala');
    const walkIn = { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' } as const;
    const person = { givenNames: 'Santos', firstSurname: 'Coc', secondSurname: 'Pop', birthDate: '1990', sex: 'M', nationality: 'GTM', originCountry: 'GTM', languages: ['es'] } as const;
    const consent = { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] } as const;
    const first = await callAs(a, MANAGER, 'persons.register', { walkIn, person, consent } as never);
    const second = await callAs(a, MANAGER, 'persons.register', { walkIn: { ...walkIn, pointOfEntry: 'El Carmen' }, person: { ...person, givenNames: 'Santo' }, consent } as never);
    await settle(desks);
    const ids = [(first as { person: { id: string } }).person.id, (second as { person: { id: string } }).person.id];
    await callAs(a, MANAGER, 'persons.merge', { sourceId: ids[1]!, targetId: ids[0]!, reason: 'Misma persona, nombre mal escrito' });
    const stay = (await callAs(b, MANAGER, 'persons.get', { id: ids[1]! })) as { arrivals?: { personArrivalId: string }[] };
    void stay;
    await callAs(b, ['manager'], 'institutions.update', { id: (await callAs(b, MANAGER, 'institutions.list', {}))[0]!.id, contact: 'otra' });
    await settle(desks);
    expectSame(desks);
    expect(b.db.prepare('SELECT merged_into FROM persons WHERE id = ?').pluck().get(ids[1])).toBe(ids[0]);
  }, 60_000);

  it('a delivery made offline on B from a lot A emptied is kept, and the lot shows the shortfall', async () => {
    const { desks } = await centre(2, 'Centro Bodega');
    const [a, b] = desks as [Core, Core];
    const types = await callAs(a, MANAGER, 'aid.types', {});
    const sim = types.find((t) => t.code === 'sim_card')!;
    const lot = await callAs(a, ['manager'], 'stock.receive', { typeId: sim.id, lotCode: 'SIM-1', donor: 'CONAMIGUA', quantity: 1 });
    const today = zonedDate(new ManualClock().now(), 'America/Guatemala');
    const walkIn = { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' } as const;
    const consent = { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] } as const;
    const reg = (desk: Core, given: string) =>
      callAs(desk, MANAGER, 'persons.register', { walkIn, person: { givenNames: given, firstSurname: 'Pérez', sex: 'M', nationality: 'GTM', languages: ['es'] }, consent } as never).then((r) => ({ personArrivalId: r.row.personArrivalId }));
    const one = await reg(a, 'Juan');
    const two = await reg(a, 'Pedro');
    await settle(desks);
    await callAs(a, MANAGER, 'aid.deliver', { typeId: sim.id, target: { personArrivalId: one.personArrivalId } });
    await callAs(b, MANAGER, 'aid.deliver', { typeId: sim.id, target: { personArrivalId: two.personArrivalId } });
    await settle(desks);
    expectSame(desks);
    for (const desk of desks) {
      const line = (await callAs(desk, MANAGER, 'stock.report', {})).lines.find((l) => l.typeId === sim.id)!;
      expect(line.balance).toBe(0);
      expect(line.lots.find((l) => l.id === lot.id)!.balance).toBe(-1); // the shortfall, for a count
      expect(desk.db.prepare('SELECT count(*) FROM aid_deliveries WHERE type_id = ? AND voided_at IS NULL').pluck().get(sim.id)).toBe(2);
    }
  }, 60_000);
});

describe('push and pull', () => {
  it('a retry after a lost acknowledgement writes nothing twice', async () => {
    const { desks } = await centre(1, 'Centro Reintento');
    const [a] = desks as [Core];
    await callAs(a, ['manager'], 'aid.createType', { code: 'retry', nameEs: 'Prueba', nameEn: 'Test', unitEs: 'u', unitEn: 'u', usesStock: false, repeat: { kind: 'per_arrival' }, lowStock: null } as never);
    const before = await withClient(postgres().adminUrl, async (c) => Number((await c.query('SELECT count(*) FROM acogida.change_log')).rows[0].count));
    const pending = a.db.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get() as number;
    await withClient(upstreamUrl(a)!, (client) => pushBatch(a, client));
    // The acknowledgement "was lost": the desk still thinks these are unpushed.
    a.db.prepare("UPDATE changes SET pushed_at = NULL WHERE seq > (SELECT max(seq) - ? FROM changes)").run(pending);
    const again = await withClient(upstreamUrl(a)!, (client) => pushBatch(a, client));
    expect(again).toEqual({ sent: pending, written: 0 });
    const after = await withClient(postgres().adminUrl, async (c) => Number((await c.query('SELECT count(*) FROM acogida.change_log')).rows[0].count));
    expect(after - before).toBe(pending);
  }, 60_000);

  it('audit entries sent again after a lost acknowledgement are not refused as a broken chain', async () => {
    const { desks } = await centre(1, 'Centro Bitácora Reenviada');
    const [a] = desks as [Core];
    await callAs(a, ['manager'], 'institutions.list', {});
    await syncOnce(a);
    a.db.prepare("DELETE FROM local_meta WHERE key = 'sync_audit_pushed'").run();
    await callAs(a, ['manager'], 'institutions.list', {});
    await expect(syncOnce(a)).resolves.toMatchObject({ pending: 0 });
    const url = upstreamUrl(a)!;
    expect((await withClient(url, (client) => compareWithUpstream(a, client))).firstBroken).toBeNull();
  }, 60_000);

  it('concurrent pushers never let a puller skip a change (the sequence is handed out under a lock)', async () => {
    const { url, desks } = await centre(4, 'Centro Concurrente');
    const [reader, ...writers] = desks as [Core, ...Core[]];
    const rounds = 12;
    let stop = false;
    const seen: number[] = [];
    const pulling = (async () => {
      await withClient(url, async (client) => {
        while (!stop) {
          const before = reader.db.prepare("SELECT value FROM local_meta WHERE key = 'sync_cursor'").pluck().get();
          const { fetched } = await pullBatch(reader, client, 7);
          if (fetched) seen.push(Number(before ?? 0));
        }
      });
    })();
    await Promise.all(
      writers.map(async (w, i) => {
        for (let r = 0; r < rounds; r++) {
          await callAs(w, ['manager'], 'aid.createType', { code: `w${i}r${r}`, nameEs: `Tipo ${i}-${r}`, nameEn: 'Type', unitEs: 'u', unitEn: 'u', usesStock: false, repeat: { kind: 'per_arrival' }, lowStock: null } as never);
          await withClient(url, (client) => pushBatch(w, client, 1));
          await withClient(url, (client) => pushBatch(w, client, 50));
        }
      }),
    );
    stop = true;
    await pulling;
    await settle([reader]);
    const codes = reader.db.prepare("SELECT count(*) FROM aid_types WHERE code GLOB 'w[0-9]r*'").pluck().get();
    expect(codes).toBe(writers.length * rounds);
    // Upstream numbers are gapless per centre: commit order is number order.
    await withClient(postgres().adminUrl, async (client) => {
      const centreId = reader.identity!.centreId;
      const r = await client.query('SELECT count(*) AS n, max(seq) AS m FROM acogida.change_log WHERE centre_id = $1', [centreId]);
      expect(Number(r.rows[0].n)).toBe(Number(r.rows[0].m));
    });
    expect(seen.length).toBeGreaterThan(0);
  }, 120_000);

  it('a change that fails validation is quarantined with a clear message, and the rest of the batch applies', async () => {
    const { desks } = await centre(2, 'Centro Cuarentena');
    const [a, b] = desks as [Core, Core];
    const ws = '01900000-0000-7000-8000-0000000000aa';
    const bad = [
      { seq: 900001, changeId: '01900000-0000-7000-8000-000000000001', origin: ws, table: 'persons', rowId: '01900000-0000-7000-8000-000000000002', op: 'update', hlc: `000001800000000-000000-${ws}`, payload: { given_names: 'X' }, base: {} },
      { seq: 900002, changeId: '01900000-0000-7000-8000-000000000003', origin: ws, table: 'not_a_table', rowId: '01900000-0000-7000-8000-000000000004', op: 'insert', hlc: `000001800000000-000001-${ws}`, payload: {}, base: null },
      { seq: 900003, changeId: 'no-uuid', origin: ws, table: 'persons', rowId: 'x', op: 'insert', hlc: 'x', payload: {}, base: null },
    ];
    await callAs(a, ['manager'], 'aid.createType', { code: 'good', nameEs: 'Bueno', nameEn: 'Good', unitEs: 'u', unitEn: 'u', usesStock: false, repeat: { kind: 'per_arrival' }, lowStock: null } as never);
    const good = await withClient(upstreamUrl(a)!, async (client) => {
      await pushBatch(a, client);
      const r = await client.query("SELECT * FROM acogida.change_log WHERE table_name = 'aid_types' AND payload->>'code' = 'good'");
      return r.rows[0];
    });
    const result = applyBatch(b, [...bad, { seq: Number(good.seq), changeId: good.change_id, origin: good.origin, table: good.table_name, rowId: good.row_id, op: good.op, hlc: good.hlc, payload: good.payload, base: good.base }], { key: 'sync_cursor_test', value: 1 });
    expect(result).toMatchObject({ applied: 1, quarantined: 3 });
    expect(b.db.prepare("SELECT count(*) FROM aid_types WHERE code = 'good'").pluck().get()).toBe(1);
    const list = await callAs(b, ['manager'], 'sync.quarantine', {});
    expect(list.map((q) => q.reason)).toEqual([
      expect.stringMatching(/un registro que este puesto no tiene/),
      expect.stringMatching(/incompleto o con datos no válidos/),
      expect.stringMatching(/incompleto o con datos no válidos/),
    ]);
    expect((await callAs(b, ['manager'], 'sync.status', {})).quarantined).toBe(3);
  }, 60_000);

  it('a connection killed in the middle of a push, and a server restart, lose and double nothing', async () => {
    const { url, desks } = await centre(2, 'Centro Cortes');
    const [a, b] = desks as [Core, Core];
    for (let i = 0; i < 40; i++)
      await callAs(a, ['manager'], 'aid.createType', { code: `k${i}`, nameEs: `Tipo ${i}`, nameEn: 'Type', unitEs: 'u', unitEn: 'u', usesStock: false, repeat: { kind: 'per_arrival' }, lowStock: null } as never);
    // The server ends the desk's backend in the middle of its batch: the sequence lock is held,
    // the rows are not yet written.
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const cut = {
      query: async (...args: Parameters<pg.Client['query']>) => {
        if (String(args[0]).includes('INSERT INTO acogida.change_log'))
          await withClient(postgres().adminUrl, (admin) => admin.query('SELECT pg_terminate_backend($1)', [pid]));
        return (client.query as (...a: unknown[]) => unknown)(...args);
      },
    } as unknown as pg.Client;
    const unpushed = () => a.db.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get();
    const before = unpushed();
    await expect(pushBatch(a, cut, 10)).rejects.toBeTruthy();
    expect(unpushed()).toBe(before); // nothing marked pushed that the upstream did not commit
    await client.end().catch(() => undefined);
    postgres().restart();
    await settle(desks);
    expect(a.db.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get()).toBe(0);
    expectSame(desks);
    expect(b.db.prepare("SELECT count(*) FROM aid_types WHERE code GLOB 'k[0-9]*'").pluck().get()).toBe(40);
  }, 60_000);
});

describe('security upstream', () => {
  it("a centre's role reads and writes its own rows only, and never changes the history", async () => {
    const one = await centre(1, 'Centro Uno');
    const two = await centre(1, 'Centro Dos');
    const oneId = one.desks[0]!.identity!.centreId;
    await withClient(two.url, async (client) => {
      for (const table of ['change_log', 'current_rows', 'audit_entries', 'workstations', 'centres', 'centre_sequences', 'audit_heads'])
        expect(Number((await client.query(`SELECT count(*) FROM acogida.${table} WHERE centre_id = $1`, [oneId])).rows[0].count)).toBe(0);
      await expect(
        client.query(
          "INSERT INTO acogida.change_log (centre_id, seq, change_id, origin, table_name, row_id, op, hlc, payload, created_at) VALUES ($1, 999999, gen_random_uuid(), gen_random_uuid(), 'persons', gen_random_uuid(), 'insert', 'x', '{}', now())",
          [oneId],
        ),
      ).rejects.toMatchObject({ code: '42501' });
      const updated = await client.query('UPDATE acogida.centre_sequences SET last_seq = 0 WHERE centre_id = $1', [oneId]);
      expect(updated.rowCount).toBe(0);
      await expect(client.query('UPDATE acogida.change_log SET hlc = hlc')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('DELETE FROM acogida.change_log')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('DELETE FROM acogida.audit_entries')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('UPDATE acogida.current_rows SET data = data')).rejects.toMatchObject({ code: '42501' });
      expect(Number((await client.query('SELECT count(*) FROM acogida.change_log')).rows[0].count)).toBeGreaterThan(0);
    });
    // Even the server's owner cannot rewrite the history.
    await withClient(postgres().adminUrl, async (client) => {
      await expect(client.query('DELETE FROM acogida.change_log WHERE centre_id = $1', [oneId])).rejects.toThrow(/append-only/);
      await client.query("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nacional_prueba') THEN CREATE ROLE nacional_prueba LOGIN PASSWORD 'nacional-123' IN ROLE acogida_national; END IF; END $$");
    });
    const national = new URL(postgres().adminUrl);
    national.username = 'nacional_prueba';
    national.password = 'nacional-123';
    await withClient(national.toString(), async (client) => {
      const centres = await client.query('SELECT count(DISTINCT centre_id) AS n FROM acogida.change_log');
      expect(Number(centres.rows[0].n)).toBeGreaterThanOrEqual(2);
      await expect(client.query('DELETE FROM acogida.current_rows')).rejects.toMatchObject({ code: '42501' });
    });
  }, 60_000);

  it("the national office reads a person's records only with that person's consent to replication, and never the accounts", async () => {
    const { url, desks, clocks } = await centre(1, 'Centro Consentimiento');
    const [a] = desks as [Core];
    const today = zonedDate(clocks[0]!.now(), 'America/Guatemala');
    const register = (given: string, replication: boolean) =>
      callAs(a, MANAGER, 'persons.register', {
        walkIn: { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' },
        person: { givenNames: given, firstSurname: 'Xitumul', sex: 'F', nationality: 'GTM', languages: ['es'] },
        consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, { purpose: 'replication', institution: '', granted: replication }] },
      } as never) as Promise<{ person: { id: string } }>;
    const agreed = (await register('Rosa', true)).person.id;
    const declined = (await register('Marta', false)).person.id;
    const withdrawn = (await register('Juana', true)).person.id;
    await callAs(a, MANAGER, 'consent.withdraw', { personId: withdrawn, purpose: 'replication', institution: '', notes: 'Ya no quiere que se comparta' });
    await syncOnce(a);
    await withClient(postgres().adminUrl, (client) =>
      client.query("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nacional_consent') THEN CREATE ROLE nacional_consent LOGIN PASSWORD 'nacional-456' IN ROLE acogida_national; END IF; END $$"),
    );
    const national = new URL(postgres().adminUrl);
    national.username = 'nacional_consent';
    national.password = 'nacional-456';
    const centreId = a.identity!.centreId;
    const seen = await withClient(national.toString(), async (client) => {
      const rows = await client.query("SELECT table_name, row_id::text AS id, data ->> 'person_id' AS person FROM acogida.current_rows WHERE centre_id = $1", [centreId]);
      const log = await client.query("SELECT DISTINCT row_id::text AS id FROM acogida.change_log WHERE centre_id = $1 AND table_name = 'persons'", [centreId]);
      return { rows: rows.rows as { table_name: string; id: string; person: string | null }[], logPersons: log.rows.map((r: { id: string }) => r.id) };
    });
    const persons = seen.rows.filter((r) => r.table_name === 'persons').map((r) => r.id);
    expect(persons).toContain(agreed);
    expect(persons).not.toContain(declined);
    expect(seen.logPersons).toContain(agreed);
    expect(seen.logPersons).not.toContain(declined);
    // Nothing about the person who declined: no stay, no consent row, nothing else of theirs.
    expect(seen.rows.filter((r) => r.person === declined)).toEqual([]);
    expect(seen.rows.some((r) => r.person === agreed && r.table_name === 'person_arrivals')).toBe(true);
    expect(seen.rows.some((r) => r.table_name === 'users')).toBe(false);
    expect(seen.rows.some((r) => r.table_name === 'institutions')).toBe(true);
    // The centre's own login reads all of its centre.
    const own = await withClient(url, async (client) => (await client.query("SELECT row_id::text AS id FROM acogida.current_rows WHERE table_name = 'persons'")).rows.map((r: { id: string }) => r.id));
    expect(own).toEqual(expect.arrayContaining([agreed, declined]));
    // A withdrawal counts from then on.
    expect(persons).not.toContain(withdrawn);
  }, 60_000);

  it('a clinician reads her notes on another desk of the centre; the national office never reads clinical records or keys', async () => {
    const { desks, clocks } = await centre(2, 'Centro Atención');
    const [a, b] = desks as [Core, Core];
    const today = zonedDate(clocks[0]!.now(), 'America/Guatemala');
    await callAs(a, ['admin'], 'users.create', { username: 'psico', displayName: 'Psicóloga', roles: ['psychologist'], password: 'clave-inicial-1' });
    const first = await callOk(a, 'auth.login', { username: 'psico', password: 'clave-inicial-1' });
    await callOk(a, 'auth.changePassword', { currentPassword: 'clave-inicial-1', newPassword: 'clave-propia-22' }, { token: first.token });
    await callOk(a, 'care.setup', { service: 'psychology' }, { token: first.token });
    const { person } = (await callAs(a, MANAGER, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' },
      person: { givenNames: 'Lucía', firstSurname: 'Xol', sex: 'F', nationality: 'GTM', languages: ['es'] },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }, { purpose: 'replication', institution: '', granted: true }] },
    } as never)) as { person: { id: string } };
    const NOTE = 'Nota confidencial que viaja cifrada entre puestos';
    await callOk(a, 'care.record', { personId: person.id, kind: 'individual', notes: NOTE, asq: { wishedDead: 'yes', betterOffDead: 'no', thoughtsOfKilling: 'no', everTried: 'no', thoughtsNow: 'no' } }, { token: first.token });
    await syncOnce(a);
    await syncOnce(b);
    // Desk B: the same psychologist, her own password, reads the note; the clerk there sees the flag.
    const onB = await callOk(b, 'auth.login', { username: 'psico', password: 'clave-propia-22' });
    expect((await callOk(b, 'care.history', { personId: person.id }, { token: onB.token }))[0]).toMatchObject({ content: { notes: NOTE }, asqResult: 'non_acute' });
    expect((await callAs(b, MANAGER, 'flow.board', { date: today })).rows.find((r) => r.personId === person.id)?.urgentRisk).toBe(true);
    // Upstream holds ciphertext only, and the national office reads none of it.
    const upstream = await withClient(postgres().adminUrl, async (client) => (await client.query("SELECT data::text AS d FROM acogida.current_rows WHERE table_name = 'care_records'")).rows as { d: string }[]);
    expect(upstream.length).toBe(1);
    expect(upstream[0]!.d).not.toContain('confidencial');
    await withClient(postgres().adminUrl, (client) =>
      client.query("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nacional_clinica') THEN CREATE ROLE nacional_clinica LOGIN PASSWORD 'nacional-789' IN ROLE acogida_national; END IF; END $$"),
    );
    const national = new URL(postgres().adminUrl);
    national.username = 'nacional_clinica';
    national.password = 'nacional-789';
    const tables = await withClient(national.toString(), async (client) => {
      const rows = await client.query('SELECT DISTINCT table_name FROM acogida.current_rows WHERE centre_id = $1', [a.identity!.centreId]);
      const log = await client.query('SELECT DISTINCT table_name FROM acogida.change_log WHERE centre_id = $1', [a.identity!.centreId]);
      return [...rows.rows, ...log.rows].map((r: { table_name: string }) => r.table_name);
    });
    expect(tables).toContain('persons'); // she agreed to replication
    expect(tables).toContain('care_risk_flags');
    for (const clinical of ['clinician_keys', 'care_keys', 'care_key_grants', 'care_records', 'users']) expect(tables).not.toContain(clinical);
  }, 60_000);

  it('audit verify --upstream finds a local chain rewritten after it was pushed, even with the hashes recomputed', async () => {
    const { desks } = await centre(1, 'Centro Bitácora');
    const [a] = desks as [Core];
    await callAs(a, ['manager'], 'institutions.list', {});
    await syncOnce(a);
    const url = upstreamUrl(a)!;
    expect((await withClient(url, (client) => compareWithUpstream(a, client))).firstBroken).toBeNull();
    // Rewrite entry 2 and recompute every hash after it with the desk's own audit key (someone
    // holding the key could): the local chain verifies, the upstream copy does not agree.
    a.db.exec('DROP TRIGGER audit_no_update');
    a.db.prepare("UPDATE audit_log SET username = 'otra-persona' WHERE seq = 2").run();
    const rows = a.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    let prev = rows[0]!.prev_hash as string;
    for (const r of rows) {
      const canonical = JSON.stringify([r.seq, r.at, r.centre_id, r.workstation_id, r.user_id, r.username, r.roles, r.method, r.record_ids, r.outcome, r.sensitive]);
      const hash = createHmac('sha256', a.keys.audit).update(prev).update('\n').update(canonical).digest('hex');
      a.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
      prev = hash;
    }
    expect(verifyAudit(a.db, a.keys.audit, null).checks.find((c) => c.name === 'chain')!.ok).toBe(true);
    const anchored = await withClient(url, (client) => compareWithUpstream(a, client));
    expect(anchored.firstBroken).toEqual({ seq: 2, reason: 'rewritten-since-push' });
  }, 60_000);
});

