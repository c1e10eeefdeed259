import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { systemClock } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { ADMIN_PASSWORD, expectOk, ManualClock, newShift, openRaw, setupCentre, snapshot, staff, STAFF_PASSWORD, tempCore } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');

async function centre(clock = new ManualClock()) {
  const { core, file } = tempCore(clock);
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mlopez', ['clerk'])).token;
  const manager = (await staff(core, adminToken, 'coordina', ['manager'])).token;
  const types = await expectOk(core, 'aid.types', {}, { token: clerk });
  const type = (code: string) => types.find((t) => t.code === code)!;
  return { core, file, clock, adminToken, clerk, manager, type };
}
type Centre = Awaited<ReturnType<typeof centre>>;

/** A flight with `n` people on its manifest, the first `arrived` of them checked in. */
async function flight(c: Centre, n: number, arrived = n, date = '2026-11-25') {
  const header = 'nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;nna_no_acompanado;grupo_familiar';
  const rows = Array.from({ length: n }, (_, i) => `Persona ${i};Apellido${String.fromCharCode(65 + (i % 26))}${i};Pop;1990;${i % 2 ? 'F' : 'M'};GTM;no;${i < 3 ? 'F1' : ''}`);
  const imported = await expectOk(c.core, 'manifests.import', {
    fileName: 'vuelo.csv',
    contentBase64: Buffer.from([header, ...rows].join('\n')).toString('base64'),
    arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: 'GXA 2245', date },
  }, { token: c.clerk });
  const { persons } = await expectOk(c.core, 'arrivals.get', { id: imported.arrivalId }, { token: c.clerk });
  for (const p of persons.slice(0, arrived)) await expectOk(c.core, 'arrivals.checkIn', { personArrivalId: p.personArrivalId }, { token: c.clerk });
  return { arrivalId: imported.arrivalId, persons };
}

/** The invariant of the ledger: every lot's balance is the sum of its movements, and never negative. */
function expectLedgerConsistent(core: Core) {
  const rows = core.db
    .prepare(
      `SELECT l.id, coalesce(b.balance, 0) AS balance, (SELECT coalesce(sum(quantity), 0) FROM stock_movements m WHERE m.lot_id = l.id) AS total
       FROM stock_lots l LEFT JOIN stock_lot_balances b ON b.lot_id = l.id`,
    )
    .all() as { id: string; balance: number; total: number }[];
  for (const r of rows) {
    expect(r.balance, r.id).toBe(r.total);
    expect(r.balance, r.id).toBeGreaterThanOrEqual(0);
  }
}

const later = async (c: Centre, minutes: number) => {
  (c.clock as ManualClock).advance(minutes);
  newShift(c.core);
  for (const token of [c.clerk, c.manager]) await expectOk(c.core, 'auth.unlock', { password: STAFF_PASSWORD }, { token });
  await expectOk(c.core, 'auth.unlock', { password: ADMIN_PASSWORD }, { token: c.adminToken });
};

describe('humanitarian aid and stock', () => {
  it('seeds the kits and services of docs/spec.md with their stock use and repeat rule; the manager edits them', async () => {
    const c = await centre();
    const types = await expectOk(c.core, 'aid.types', {}, { token: c.clerk });
    expect(types.map((t) => t.code)).toEqual(['snack', 'meal', 'hygiene_kit', 'clothing', 'hydration', 'phone_call', 'sim_card', 'transport', 'shelter', 'reintegration_bonus', 'supermarket_card']);
    expect(c.type('meal')).toMatchObject({ usesStock: false, repeat: { kind: 'hours', hours: 4 } });
    expect(c.type('snack')).toMatchObject({ usesStock: true, repeat: { kind: 'per_arrival' }, lowStock: 150 });
    const updated = await expectOk(c.core, 'aid.updateType', { id: c.type('meal').id, repeat: { kind: 'hours', hours: 5 }, lowStock: null }, { token: c.manager });
    expect(updated.repeat).toEqual({ kind: 'hours', hours: 5 });
    const created = await expectOk(c.core, 'aid.createType', { code: 'blanket', nameEs: 'Frazada', nameEn: 'Blanket', unitEs: 'frazada', unitEn: 'blanket', usesStock: true, repeat: { kind: 'per_arrival' }, lowStock: 10 }, { token: c.manager });
    expect(created).toMatchObject({ code: 'blanket', active: true });
    const clash = await dispatch(c.core, 'aid.createType', { code: 'blanket', nameEs: 'Otra', nameEn: 'Other', unitEs: 'u', unitEn: 'u', usesStock: false, repeat: { kind: 'per_arrival' }, lowStock: null }, { token: c.manager });
    expect(clash.ok === false && clash.error.message).toBe('Ya hay un tipo con el código blanket.');
    const clerk = await dispatch(c.core, 'aid.updateType', { id: created.id, active: false }, { token: c.clerk });
    expect(clerk.ok === false && clerk.error.code).toBe('forbidden');
  });

  it('serves a whole flight in one action from the lot that expires first, skipping who cannot receive and why', async () => {
    const c = await centre();
    const { arrivalId, persons } = await flight(c, 12, 10);
    const snack = c.type('snack');
    const late = await expectOk(c.core, 'stock.receive', { typeId: snack.id, lotCode: 'OIM-2026-11', donor: 'OIM', quantity: 50, expiry: '2026-12-31' }, { token: c.manager });
    const soon = await expectOk(c.core, 'stock.receive', { typeId: snack.id, lotCode: 'UNICEF-77', donor: 'UNICEF', quantity: 4, expiry: '2026-11-30' }, { token: c.manager });
    await expectOk(c.core, 'stock.receive', { typeId: snack.id, lotCode: 'VIEJO-1', donor: 'Cruz Roja', quantity: 20, expiry: '2026-11-20' }, { token: c.manager });
    await expectOk(c.core, 'flow.depart', { personArrivalId: persons[9]!.personArrivalId }, { token: c.clerk });

    const result = await expectOk(c.core, 'aid.deliver', { typeId: snack.id, target: { arrivalId } }, { token: c.clerk });
    expect(result.delivered).toHaveLength(9);
    expect(result.skipped.map((s) => s.reason).sort()).toEqual(['departed', 'not-arrived', 'not-arrived']);
    expect(result.skipped.find((s) => s.reason === 'departed')!.message).toBe('La persona ya salió del centro.');
    expect(new Set(result.delivered.map((d) => d.batchId))).toEqual(new Set([result.batchId]));
    // The four units of the lot expiring first went first; the expired lot was never touched.
    expect(result.delivered.slice(0, 4).every((d) => d.lots[0] === 'UNICEF-77')).toBe(true);
    const report = await expectOk(c.core, 'stock.report', {}, { token: c.clerk });
    const line = report.lines.find((l) => l.code === 'snack')!;
    expect(line).toMatchObject({ balance: 45, expiredBalance: 20, low: true, lowStock: 150 });
    expect(line.lots.map((l) => [l.lotCode, l.balance, l.expired])).toEqual([['VIEJO-1', 20, true], ['OIM-2026-11', 45, false]]);
    expect((await expectOk(c.core, 'stock.movements', { lotId: soon.id }, { token: c.manager })).map((m) => [m.kind, m.quantity])).toEqual([
      ['delivery', -1], ['delivery', -1], ['delivery', -1], ['delivery', -1], ['receipt', 4],
    ]);
    expect(late.balance).toBe(50);
    // Served: the flow board marks the kits station.
    const board = await expectOk(c.core, 'flow.board', { date: '2026-11-25' }, { token: c.clerk });
    expect(board.rows.filter((r) => r.stages.kits).length).toBe(9);
    expectLedgerConsistent(c.core);
  });

  it('asks a reason for a repeat within the rule, per arrival or per hours; a void puts the stock back', async () => {
    const c = await centre();
    const { arrivalId, persons } = await flight(c, 3);
    const [a] = persons;
    const hygiene = c.type('hygiene_kit');
    await expectOk(c.core, 'stock.receive', { typeId: hygiene.id, lotCode: 'H-1', donor: 'UNICEF', quantity: 5 }, { token: c.manager });
    const first = await expectOk(c.core, 'aid.deliver', { typeId: hygiene.id, target: { personArrivalId: a!.personArrivalId } }, { token: c.clerk });
    expect(first.batchId).toBeNull();

    const before = snapshot(c.core);
    const repeat = await dispatch(c.core, 'aid.deliver', { typeId: hygiene.id, target: { personArrivalId: a!.personArrivalId } }, { token: c.clerk });
    expect(repeat.ok === false && repeat.error).toMatchObject({ code: 'aid.repeat', message: 'Ya recibió Kit de higiene el 25/11/2026 08:00. Para entregar otra vez, indique el motivo.' });
    const shortReason = await dispatch(c.core, 'aid.deliver', { typeId: hygiene.id, target: { personArrivalId: a!.personArrivalId }, repeatReason: 'no' }, { token: c.clerk });
    expect(shortReason.ok === false && shortReason.error.code).toBe('input.invalid');
    expect(snapshot(c.core)).toEqual(before);
    const again = await expectOk(c.core, 'aid.deliver', { typeId: hygiene.id, target: { personArrivalId: a!.personArrivalId }, repeatReason: 'El primero se mojó en la lluvia' }, { token: c.clerk });
    expect(again.delivered[0]!.repeatReason).toBe('El primero se mojó en la lluvia');

    // A family: the rest get theirs, the one already served is skipped as a repeat.
    const family = await expectOk(c.core, 'aid.deliver', { typeId: hygiene.id, target: { familyOf: a!.personArrivalId } }, { token: c.clerk });
    expect(family.delivered).toHaveLength(2);
    expect(family.skipped.map((s) => [s.personArrivalId, s.reason])).toEqual([[a!.personArrivalId, 'repeat']]);
    let line = (await expectOk(c.core, 'stock.report', {}, { token: c.clerk })).lines.find((l) => l.code === 'hygiene_kit')!;
    expect(line.balance).toBe(1);

    const voided = await expectOk(c.core, 'aid.void', { deliveryId: again.delivered[0]!.id, reason: 'Registrada por error' }, { token: c.clerk });
    expect(voided).toMatchObject({ voidReason: 'Registrada por error', voidedBy: 'mlopez' });
    const twice = await dispatch(c.core, 'aid.void', { deliveryId: again.delivered[0]!.id, reason: 'Registrada por error' }, { token: c.clerk });
    expect(twice.ok === false && twice.error.code).toBe('aid.voided');
    line = (await expectOk(c.core, 'stock.report', {}, { token: c.clerk })).lines.find((l) => l.code === 'hygiene_kit')!;
    expect(line.balance).toBe(2);
    // Nothing was deleted: the delivery stays, voided, and the ledger has the reversing movement.
    expect(c.core.db.prepare('SELECT count(*) FROM aid_deliveries').pluck().get()).toBe(4);
    expect(c.core.db.prepare("SELECT quantity FROM stock_movements WHERE kind = 'void'").pluck().all()).toEqual([1]);

    // Meals: once per 4 hours, counted across arrivals.
    const meal = c.type('meal');
    await expectOk(c.core, 'aid.deliver', { typeId: meal.id, target: { arrivalId } }, { token: c.clerk });
    await later(c, 3 * 60);
    const tooSoon = await expectOk(c.core, 'aid.deliver', { typeId: meal.id, target: { arrivalId } }, { token: c.clerk });
    expect(tooSoon.delivered).toEqual([]);
    expect(tooSoon.skipped.map((s) => s.reason)).toEqual(['repeat', 'repeat', 'repeat']);
    await later(c, 61);
    expect((await expectOk(c.core, 'aid.deliver', { typeId: meal.id, target: { arrivalId } }, { token: c.clerk })).delivered).toHaveLength(3);
    expectLedgerConsistent(c.core);
  });

  it('never lets stock go below zero: out-of-stock in a batch, counts, losses and transfers', async () => {
    const c = await centre();
    const { arrivalId, persons } = await flight(c, 6);
    const sim = c.type('sim_card');
    const lot = await expectOk(c.core, 'stock.receive', { typeId: sim.id, lotCode: 'TIGO-1', donor: 'OIM', quantity: 4 }, { token: c.manager });
    const result = await expectOk(c.core, 'aid.deliver', { typeId: sim.id, target: { arrivalId } }, { token: c.clerk });
    expect(result.delivered).toHaveLength(4);
    expect(result.skipped.map((s) => s.reason)).toEqual(['out-of-stock', 'out-of-stock']);
    expect(result.skipped[0]!.message).toBe('No quedan existencias de Chip (SIM) con saldo (disponibles: 0).');
    const single = await dispatch(c.core, 'aid.deliver', { typeId: sim.id, target: { personArrivalId: persons[5]!.personArrivalId } }, { token: c.clerk });
    expect(single.ok === false && single.error.code).toBe('stock.insufficient');

    const before = snapshot(c.core);
    for (const input of [
      { lotId: lot.id, kind: 'loss', quantity: 1, reason: 'Chip dañado al abrir la caja' },
      { lotId: lot.id, kind: 'transfer', quantity: 3, reason: 'Enviados al CAMR Belén' },
      { lotId: lot.id, kind: 'adjustment', counted: 0, reason: 'Conteo del cierre' },
      { lotId: lot.id, kind: 'adjustment', counted: 2, reason: '' },
    ] as const) {
      const refused = await dispatch(c.core, 'stock.correct', input, { token: c.manager });
      expect(refused.ok, JSON.stringify(input)).toBe(false);
    }
    expect(snapshot(c.core)).toEqual(before);
    const counted = await expectOk(c.core, 'stock.correct', { lotId: lot.id, kind: 'adjustment', counted: 3, reason: 'Conteo: aparecieron 3 chips en otra caja' }, { token: c.manager });
    expect(counted.balance).toBe(3);
    expect((await expectOk(c.core, 'stock.correct', { lotId: lot.id, kind: 'loss', quantity: 1, reason: 'Chip dañado al abrir la caja' }, { token: c.manager })).balance).toBe(2);
    expect((await expectOk(c.core, 'stock.correct', { lotId: lot.id, kind: 'transfer', quantity: 2, reason: 'Enviados al CAMR Belén' }, { token: c.manager })).balance).toBe(0);
    const over = await dispatch(c.core, 'stock.correct', { lotId: lot.id, kind: 'loss', quantity: 1, reason: 'Uno más perdido' }, { token: c.manager });
    expect(over.ok === false && over.error.message).toBe('El lote TIGO-1 tiene 0: no puede quedar por debajo de cero.');
    // Even a write on this workstation that skips the services is refused by the database itself.
    expect(() =>
      c.core.db.prepare("INSERT INTO stock_movements (id, centre_id, created_at, updated_at, hlc, origin, lot_id, type_id, kind, quantity, recorded_by, recorded_at) VALUES ('x', 'c', 't', 't', 'h', ?, ?, ?, 'loss', -1, 'u', 't')").run(c.core.identity!.workstationId, lot.id, sim.id),
    ).toThrow(/stock balance below zero/);
    expect(() => c.core.db.prepare("DELETE FROM stock_movements WHERE kind = 'receipt'").run()).toThrow(/append-only/);
    expectLedgerConsistent(c.core);
    const manager = (await expectOk(c.core, 'stock.report', {}, { token: c.manager })).lines.find((l) => l.code === 'sim_card')!;
    expect(manager).toMatchObject({ balance: 0, low: true });
  });

  it('two workstations delivering the last units at once: exactly the stock goes out, the rest get a clear message', async () => {
    const c = await centre(systemClock as unknown as ManualClock);
    const today = new Date().toISOString().slice(0, 10);
    const { persons } = await flight(c, 40, 40, today);
    const snack = c.type('snack');
    await expectOk(c.core, 'stock.receive', { typeId: snack.id, lotCode: 'ULTIMOS', donor: 'OIM', quantity: 25 }, { token: c.manager });
    const worker = (targets: string[]) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/deliver-race.ts', c.file, c.clerk, snack.id, ...targets], { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(err))));
      });
    const ids = persons.map((p) => p.personArrivalId);
    const [one, two] = await Promise.all([worker(ids.slice(0, 20)), worker(ids.slice(20))]);
    expect((one.ok ?? 0) + (two.ok ?? 0)).toBe(25);
    expect((one['stock.insufficient'] ?? 0) + (two['stock.insufficient'] ?? 0)).toBe(15);
    const raw = openRaw(c.file);
    expect(raw.prepare('SELECT balance FROM stock_lot_balances').pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM aid_deliveries").pluck().get()).toBe(25);
    raw.close();
    expectLedgerConsistent(c.core);
  }, 60_000);

  it('a stale read on another connection cannot deliver a unit that is gone', async () => {
    const c = await centre();
    const { persons } = await flight(c, 2);
    const sim = c.type('sim_card');
    const lot = await expectOk(c.core, 'stock.receive', { typeId: sim.id, lotCode: 'UNO', donor: 'OIM', quantity: 1 }, { token: c.manager });
    const other = openRaw(c.file);
    other.pragma('busy_timeout = 100');
    other.exec('BEGIN');
    expect(other.prepare('SELECT balance FROM stock_lot_balances WHERE lot_id = ?').pluck().get(lot.id)).toBe(1); // it saw one left
    await expectOk(c.core, 'aid.deliver', { typeId: sim.id, target: { personArrivalId: persons[0]!.personArrivalId } }, { token: c.clerk });
    expect(() =>
      other
        .prepare("INSERT INTO stock_movements (id, centre_id, created_at, updated_at, hlc, origin, lot_id, type_id, kind, quantity, recorded_by, recorded_at) VALUES ('late', 'c', 't', 't', 'h', ?, ?, ?, 'delivery', -1, 'u', 't')")
        .run(c.core.identity!.workstationId, lot.id, sim.id),
    ).toThrow();
    other.exec('ROLLBACK');
    other.close();
    expectLedgerConsistent(c.core);
  });

  it('applies a delivery another workstation already made, even if it leaves the lot short, and shows the shortfall', async () => {
    const c = await centre();
    const { persons } = await flight(c, 2);
    const sim = c.type('sim_card');
    const lot = await expectOk(c.core, 'stock.receive', { typeId: sim.id, lotCode: 'UNO', donor: 'OIM', quantity: 1 }, { token: c.manager });
    await expectOk(c.core, 'aid.deliver', { typeId: sim.id, target: { personArrivalId: persons[0]!.personArrivalId } }, { token: c.clerk });
    // Workstation "mesa-2", offline, gave the same last chip; its movement arrives by replication.
    c.core.db
      .prepare("INSERT INTO stock_movements (id, centre_id, created_at, updated_at, hlc, origin, lot_id, type_id, kind, quantity, recorded_by, recorded_at) VALUES ('remote-1', ?, 't', 't', 'h', 'mesa-2', ?, ?, 'delivery', -1, 'u', '2026-11-25T14:05:00Z')")
      .run(c.core.identity!.centreId, lot.id, sim.id);
    const line = (await expectOk(c.core, 'stock.report', {}, { token: c.manager })).lines.find((l) => l.code === 'sim_card')!;
    expect(line.balance).toBe(0);
    expect(line.lots.map((l) => [l.lotCode, l.balance])).toEqual([['UNO', -1]]);
    const refused = await dispatch(c.core, 'aid.deliver', { typeId: sim.id, target: { personArrivalId: persons[1]!.personArrivalId } }, { token: c.clerk });
    expect(refused.ok === false && refused.error.code).toBe('stock.insufficient');
    // The count puts it right, as one more movement.
    const counted = await expectOk(c.core, 'stock.correct', { lotId: lot.id, kind: 'adjustment', counted: 0, reason: 'Conteo tras sincronizar las dos mesas' }, { token: c.manager });
    expect(counted.balance).toBe(0);
    expect(c.core.db.prepare('SELECT quantity FROM stock_movements WHERE lot_id = ? ORDER BY rowid').pluck().all(lot.id)).toEqual([1, -1, -1, 1]);
  });

  it('lists today\'s arrivals and earlier ones with people still present (shelter meals), with their counts', async () => {
    const c = await centre();
    const old = await flight(c, 2, 2, '2026-11-22'); // both left
    const yesterday = await flight(c, 3, 2, '2026-11-24'); // one still in temporary shelter
    const todays = await flight(c, 4, 1);
    await expectOk(c.core, 'flow.depart', { personArrivalId: old.persons[0]!.personArrivalId }, { token: c.clerk });
    await expectOk(c.core, 'flow.depart', { personArrivalId: old.persons[1]!.personArrivalId }, { token: c.clerk });
    await expectOk(c.core, 'flow.depart', { personArrivalId: yesterday.persons[0]!.personArrivalId }, { token: c.clerk });
    const listed = await expectOk(c.core, 'aid.arrivals', {}, { token: c.clerk });
    expect(listed.map((a) => [a.id, a.date, a.present, a.total])).toEqual([
      [todays.arrivalId, '2026-11-25', 1, 4],
      [yesterday.arrivalId, '2026-11-24', 1, 3],
    ]);
    expect(listed[0]!.label).toBe('GXA 2245');
    // Yesterday's guest gets today's meal through the same batch action.
    const meal = await expectOk(c.core, 'aid.deliver', { typeId: c.type('meal').id, target: { arrivalId: yesterday.arrivalId } }, { token: c.clerk });
    expect(meal.delivered.map((d) => d.personArrivalId)).toEqual([yesterday.persons[1]!.personArrivalId]);
    expect(meal.skipped.map((s) => s.reason).sort()).toEqual(['departed', 'not-arrived']);
    const psychologist = (await staff(c.core, c.adminToken, 'psico', ['psychologist'])).token;
    const refused = await dispatch(c.core, 'aid.arrivals', {}, { token: psychologist });
    expect(refused.ok === false && refused.error.code).toBe('forbidden');
  });

  it('keeps belongings under a tag, returns them with confirmation, and holds the departure until then', async () => {
    const c = await centre();
    const { persons } = await flight(c, 2);
    const pa = persons[0]!.personArrivalId;
    const photo = `data:image/png;base64,${Buffer.from('png').toString('base64')}`;
    const kept = await expectOk(c.core, 'belongings.receive', { personArrivalId: pa, items: [{ description: 'Mochila negra con ropa', tagNumber: 'a-101', photo }, { description: 'Bolsa de la autoridad migratoria', tagNumber: 'A-102' }] }, { token: c.clerk });
    expect(kept.map((b) => b.tagNumber)).toEqual(['A-101', 'A-102']);
    const before = snapshot(c.core);
    for (const input of [
      { personArrivalId: persons[1]!.personArrivalId, items: [{ description: 'Cartera', tagNumber: 'A-101' }] },
      { personArrivalId: persons[1]!.personArrivalId, items: [{ description: 'Cartera', tagNumber: 'B-1', photo: 'data:text/html;base64,PHNjcmlwdD4=' }] },
      { personArrivalId: persons[1]!.personArrivalId, items: [] },
    ]) {
      const refused = await dispatch(c.core, 'belongings.receive', input, { token: c.clerk });
      expect(refused.ok, JSON.stringify(input)).toBe(false);
    }
    const taken = await dispatch(c.core, 'belongings.receive', { personArrivalId: persons[1]!.personArrivalId, items: [{ description: 'Cartera', tagNumber: 'A-101' }] }, { token: c.clerk });
    expect(taken.ok === false && taken.error.message).toBe('La etiqueta A-101 ya está en uso en otra pertenencia en custodia.');
    const depart = await dispatch(c.core, 'flow.depart', { personArrivalId: pa }, { token: c.clerk });
    expect(depart.ok === false && depart.error.message).toBe('Tiene pertenencias en custodia (etiquetas A-101, A-102); devuélvalas antes de registrar la salida.');
    const unconfirmed = await dispatch(c.core, 'belongings.return', { ids: [kept[0]!.id], confirmed: false } as never, { token: c.clerk });
    expect(unconfirmed.ok === false && unconfirmed.error.message).toContain('La persona debe confirmar que recibió sus pertenencias.');
    expect(snapshot(c.core)).toEqual(before);

    expect((await expectOk(c.core, 'belongings.list', { held: true }, { token: c.clerk })).map((b) => b.tagNumber)).toEqual(['A-101', 'A-102']);
    const back = await expectOk(c.core, 'belongings.return', { ids: kept.map((b) => b.id), confirmed: true, note: 'Revisó la mochila y firmó' }, { token: c.clerk });
    expect(back.every((b) => b.returnedAt && b.returnedBy === 'mlopez')).toBe(true);
    await expectOk(c.core, 'flow.depart', { personArrivalId: pa }, { token: c.clerk });
    expect(await expectOk(c.core, 'belongings.list', { held: true }, { token: c.clerk })).toEqual([]);
    // The tag can be used again once returned; the timeline shows both ends.
    await expectOk(c.core, 'belongings.receive', { personArrivalId: persons[1]!.personArrivalId, items: [{ description: 'Cartera', tagNumber: 'A-101' }] }, { token: c.clerk });
    const file = await expectOk(c.core, 'persons.get', { id: persons[0]!.personId }, { token: c.clerk });
    expect(file.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['belongings-received', 'belongings-returned']));
  });
});
