import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, zonedDate } from '../../electron/core/time';
import { openRaw, tempDir } from '../helpers';

const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');

function acogida(args: string[], stdin = '', env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('acogida CLI', () => {
  it('says plainly that the port is in use when another program holds it', async () => {
    const net = await import('node:net');
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    const db = path.join(tempDir(), 'port.db');
    const r = spawnSync(process.execPath, [BIN, 'serve', '--db', db, '--port', String(port)], { encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' }, timeout: 20_000 });
    holder.close();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`El puerto ${port} ya está en uso: probablemente Acogida ya está abierta en este equipo`);
  });

  it('treats an empty XDG_CONFIG_HOME as unset: the database goes to ~/.config/Acogida, never the current folder', () => {
    const home = tempDir();
    const cwd = tempDir();
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ACOGIDA_LANG: 'es', HOME: home, XDG_CONFIG_HOME: '', ACOGIDA_KEYS_DIR: path.join(home, 'keys') };
    delete env.ACOGIDA_DB;
    const r = spawnSync(process.execPath, [BIN, 'init', '--centre', 'Centro', '--country', 'GTM', '--admin', 'admin'], { input: 'clave-de-admin-1\n', encoding: 'utf8', cwd, env });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(home, '.config', 'Acogida', 'acogida.db'))).toBe(true);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('runs on a rehearsal clock from ACOGIDA_CLOCK_START, says so, and refuses a bad one without touching anything', () => {
    const dir = tempDir();
    const db = path.join(dir, 'ensayo.db');
    const evening = { ACOGIDA_CLOCK_START: '2026-11-26T05:30:00Z', TZ: 'Pacific/Kiritimati' };
    const init = acogida(['init', '--db', db, '--centre', 'CAMR Omoa', '--country', 'HND', '--admin', 'admin', '--json'], 'clave-de-admin-1\n', evening);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toContain('Reloj de ensayo: la aplicación arranca en 2026-11-26T05:30:00Z');
    const raw = openRaw(db);
    const created = raw.prepare('SELECT created_at FROM centres').pluck().get() as string;
    raw.close();
    expect(Date.parse(created) - Date.parse('2026-11-26T05:30:00Z')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(created) - Date.parse('2026-11-26T05:30:00Z')).toBeLessThan(60_000);

    for (const bad of ['mañana', '2026-11-26 05:30', '2026-13-40T99:00:00Z']) {
      const other = path.join(dir, 'nunca.db');
      const refused = acogida(['init', '--db', other, '--centre', 'X', '--country', 'HND', '--admin', 'admin'], 'clave-de-admin-1\n', { ACOGIDA_CLOCK_START: bad });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('ACOGIDA_CLOCK_START debe ser una fecha y hora ISO con zona');
      expect(fs.existsSync(other)).toBe(false);
    }
  });

  it('initialises, adds and lists users, verifies and detects a tampered audit log', () => {
    const db = path.join(tempDir(), 'cli.db');
    const init = acogida(['init', '--db', db, '--centre', 'CAMR San Pedro Sula', '--country', 'hnd', '--admin', 'admin', '--json'], 'clave-de-admin-1\n');
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ db, centreId: expect.any(String), adminId: expect.any(String) });

    const again = acogida(['init', '--db', db, '--centre', 'Otro', '--country', 'HND', '--admin', 'x'], 'clave-de-admin-1\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('ya está configurado');

    const add = acogida(['users', 'add', 'mlopez', '--roles', 'clerk,protection_officer', '--name', 'María López', '--db', db, '--json'], 'clave-larga-123\n');
    expect(add.status, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'mlopez', roles: ['clerk', 'protection_officer'] });

    const bad = acogida(['users', 'add', 'x', '--roles', 'jefe', '--db', db], 'corta\n');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Los datos enviados no son válidos');

    const list = acogida(['users', 'list', '--db', db, '--json']);
    expect(JSON.parse(list.stdout).map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'mlopez']);

    expect(acogida(['users', 'disable', 'mlopez', '--db', db]).status).toBe(0);

    const ok = acogida(['audit', 'verify', '--db', db, '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, firstBroken: null });

    const raw = openRaw(db);
    const users = raw.prepare("SELECT username FROM audit_log WHERE method = 'users.create' AND outcome = 'ok'").get() as { username: string };
    expect(users.username).toBe('cli'); // audited as the system user
    raw.exec("DROP TRIGGER audit_no_update; UPDATE audit_log SET outcome = 'ok' WHERE seq = 3");
    raw.close();
    const broken = acogida(['audit', 'verify', '--db', db, '--json']);
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash-mismatch' } });
  });

  it('fills a database with demonstration staff and activity, and can run twice', () => {
    const db = path.join(tempDir(), 'demo.db');
    const first = acogida(['demo', '--db', db, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(acogida(['demo', '--db', db]).status).toBe(0);
    const list = JSON.parse(acogida(['users', 'list', '--db', db, '--json']).stdout) as { username: string; roles: string[] }[];
    expect(list.length).toBe(9);
    expect(new Set(list.flatMap((u) => u.roles))).toEqual(new Set(['admin', 'clerk', 'alert_officer', 'protection_officer', 'psychologist', 'health', 'manager']));
    // The alert station has lists, questions waiting for the officer, and decisions taken.
    const raw = openRaw(db);
    const matches = raw.prepare('SELECT status, count(*) AS n FROM alert_matches GROUP BY status').all() as { status: string; n: number }[];
    expect(Object.fromEntries(matches.map((m) => [m.status, m.n]))).toMatchObject({ confirmed: 2, dismissed: 1, pending: expect.any(Number) });
    // Station 7: the flight's group first aid, sessions, one risk case closed, triage and medicines dispensed.
    expect(raw.prepare("SELECT count(DISTINCT group_id) FROM care_records WHERE kind = 'pfa' AND group_id IS NOT NULL").pluck().get()).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM care_records WHERE service = 'medical'").pluck().get()).toBe(4);
    expect(raw.prepare('SELECT count(*) FROM care_risk_actions').pluck().get()).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM stock_movements WHERE kind = 'delivery' AND delivery_id IN (SELECT id FROM care_records)").pluck().get()).toBe(2);
    // Station 8: referrals in every state (one overdue), follow-ups, a closed case reopened by new needs.
    expect(new Set(raw.prepare('SELECT status FROM referrals').pluck().all())).toEqual(new Set(['created', 'sent', 'received', 'closed', 'rejected', 'cancelled']));
    const listed = JSON.parse(acogida(['referrals', 'list', '--db', db, '--status', 'created', '--json']).stdout) as { referrals: Record<string, unknown>[] };
    expect(Object.keys(listed.referrals[0]!)).toEqual(['id', 'person_id', 'institution', 'service', 'priority', 'status', 'deadline_at', 'overdue', 'rule', 'created_at']);
    expect(listed.referrals.some((r) => r.overdue === true)).toBe(true);
    expect(JSON.parse(acogida(['referrals', 'list', '--db', db, '--institution', 'pgn', '--json']).stdout).referrals.map((r: { institution: string }) => r.institution)).toEqual(['PGN']);
    const badStatus = acogida(['referrals', 'list', '--db', db, '--status', 'lost']);
    expect(badStatus.status).not.toBe(0);
    expect(badStatus.stderr).toContain('Estado desconocido');
    expect(raw.prepare("SELECT count(*) FROM case_closures WHERE action = 'reopened'").pluck().get()).toBe(1);
        // A confirmed warrant holds one man until the officer records the hand-over.
    expect(raw.prepare("SELECT count(*) FROM alert_matches m JOIN alert_records r ON r.id = m.record_id WHERE m.status = 'confirmed' AND r.list_type = 'warrant'").pluck().get()).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM alert_hold_resolutions').pluck().get()).toBe(0);
    expect((raw.prepare('SELECT count(*) AS n FROM alert_list_versions').get() as { n: number }).n).toBe(4);
    // The screening station has every colour, an override, an attended red and an overdue one.
    const levels = raw.prepare('SELECT level, count(*) AS n FROM screenings GROUP BY level').all() as { level: string; n: number }[];
    expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toMatchObject({ red: expect.any(Number), yellow: expect.any(Number), green: expect.any(Number) });
    expect(raw.prepare('SELECT count(*) FROM screening_overrides').pluck().get()).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM screening_attentions').pluck().get()).toBeGreaterThanOrEqual(1); // the screening demo's, and care's (a session or a closed risk meets a deadline)
    expect(raw.prepare('SELECT count(*) FROM screening_notices').pluck().get()).toBe(2); // psychology told twice
    const overdue = raw.prepare("SELECT count(*) FROM screenings s WHERE s.deadline_at < ? AND NOT EXISTS (SELECT 1 FROM screening_attentions a WHERE a.screening_id = s.id)").pluck().get(new Date().toISOString());
    // Today's overdue red (the walk-in of two days ago) and the odd attention forgotten in the two weeks before.
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(overdue).toBeLessThan(12);
    // Two weeks of history for the summary: a flight most days, buses some days, each closed.
    const history = raw.prepare("SELECT count(*) FROM arrivals WHERE reference LIKE 'GXA 22%' AND reference <> 'GXA 2245' OR reference LIKE 'BUS-TU-%'").pluck().get() as number;
    expect(history).toBeGreaterThanOrEqual(14);
    const today = zonedDate(new Date(), 'America/Guatemala');
    const twoWeeks = JSON.parse(acogida(['report', 'daily', '--db', db, '--date', addDays(today, -14), '--to', today, '--json']).stdout) as { persons: { received: number; disabilities: Record<string, number> }; screening: Record<string, number> };
    expect(twoWeeks.persons.received).toBeGreaterThan(900);
    expect(Object.keys(twoWeeks.persons.disabilities).length).toBeGreaterThan(0);
    // Issue 20: one erasure on request (once, though the demo ran twice), five years' retention,
    // and the schedule's first backup and check beside the database.
    expect(raw.prepare("SELECT count(*) FROM erasures WHERE kind = 'request'").pluck().get()).toBe(1);
    expect(raw.prepare("SELECT value FROM settings WHERE key = 'retentionYears'").pluck().get()).toBe('5');
    expect(fs.readdirSync(path.join(path.dirname(db), 'respaldos')).filter((f) => f.endsWith('.db'))).toHaveLength(1);
    expect(raw.prepare("SELECT count(*) FROM local_meta WHERE key = 'maintenance_last_check'").pluck().get()).toBe(1);
    // The kits station: receipts by lot and donor, a whole flight served, a void, belongings held.
    const kinds = raw.prepare('SELECT kind, count(*) AS n FROM stock_movements GROUP BY kind').all() as { kind: string; n: number }[];
    // 9 kit lots and 2 medicine lots (station 7)
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toMatchObject({ receipt: 11 + 2 * history, delivery: expect.any(Number), adjustment: 1, loss: 1, void: 1 });
    expect(raw.prepare('SELECT count(DISTINCT batch_id) FROM aid_deliveries WHERE batch_id IS NOT NULL').pluck().get()).toBeGreaterThanOrEqual(2);
    expect(raw.prepare('SELECT count(*) FROM aid_deliveries WHERE repeat_reason IS NOT NULL').pluck().get()).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM belongings WHERE returned_at IS NULL').pluck().get()).toBe(3);
    const ledger = raw.prepare('SELECT lot_id, sum(quantity) AS n FROM stock_movements GROUP BY lot_id').all() as { lot_id: string; n: number }[];

    // `stock report` gives every stock-using type with its lots; balances are the ledger's sums.
    const report = acogida(['stock', 'report', '--db', db, '--json']);
    expect(report.status, report.stderr).toBe(0);
    const json = JSON.parse(report.stdout) as {
      generated_at: string;
      types: { code: string; name: string; unit: string; balance: number; expired_balance: number; low_stock_threshold: number | null; low_stock: boolean; lots: { lot: string; donor: string; expiry: string | null; received_at: string; balance: number; expired: boolean }[] }[];
    };
    expect(Object.keys(json)).toEqual(['generated_at', 'types']);
    expect(Object.keys(json.types[0]!)).toEqual(['code', 'name', 'unit', 'balance', 'expired_balance', 'low_stock_threshold', 'low_stock', 'lots']);
    expect(Object.keys(json.types[0]!.lots[0]!)).toEqual(['lot', 'donor', 'expiry', 'received_at', 'balance', 'expired']);
    const byCode = Object.fromEntries(json.types.map((t) => [t.code, t]));
    // Medicines (station 7) are in the inventory beside the kits.
    expect(Object.keys(byCode).sort()).toEqual(['clothing', 'hydration', 'hygiene_kit', 'paracetamol_500', 'reintegration_bonus', 'sales_rehidratacion', 'sim_card', 'snack', 'supermarket_card']);
    expect(byCode.snack).toMatchObject({ name: 'Refrigerio', expired_balance: 34, low_stock: false });
    expect(byCode.snack!.lots[0]).toMatchObject({ lot: 'OIM-REF-2026-031', donor: 'OIM', expired: true });
    expect(byCode.sim_card).toMatchObject({ balance: 39, low_stock_threshold: 40, low_stock: true });
    const total = json.types.flatMap((t) => t.lots).reduce((n, l) => n + l.balance, 0);
    expect(total).toBe(ledger.reduce((n, l) => n + l.n, 0));
    for (const type of json.types) expect(type.balance + type.expired_balance).toBe(type.lots.reduce((n, l) => n + l.balance, 0));
    const text = acogida(['stock', 'report', '--db', db]);
    expect(text.stdout).toMatch(/Chip \(SIM\) con saldo\s+39 chip\s+⚠ existencias bajas \(umbral 40\)/);
    expect(text.stdout).toContain('VENCIDO, no se entrega');
    raw.close();
  }, 90_000);

  it('refuses a stock report of a database that is not set up, with a translated message', () => {
    const r = acogida(['stock', 'report', '--db', path.join(tempDir(), 'vacia.db'), '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { message: expect.stringContaining('configur') } });
  });

  it('imports an alert list and checks a file of persons, one JSON object per row; a bad list changes nothing', () => {
    const dir = tempDir();
    const db = path.join(dir, 'alerts.db');
    expect(acogida(['init', '--db', db, '--centre', 'Centro', '--country', 'GTM', '--admin', 'admin'], 'clave-de-admin-1\n').status).toBe(0);
    const list = path.join(dir, 'interpol.csv');
    fs.writeFileSync(list, 'reference,given_names,first_surname,second_surname,birth_date,sex,nationality,notes\nRN-77/2025,Wilmer Antonio,Coc,Pop,12/05/1988,M,GTM,Notificación roja\nRN-78/2025,Glenda,Reyes,,1990,F,HND,\n');
    const imported = acogida(['alerts', 'import', '--db', db, '--list', 'interpol', '--file', list, '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ version_id: expect.any(String), list: 'interpol', imported: 2, retired: 0, errors: [] });

    const persons = path.join(dir, 'personas.csv');
    fs.writeFileSync(persons, 'given_names,first_surname,second_surname,birth_date,sex,nationality,document_number\nWilmer,Pop,Cok,1988,M,GTM,\nPedro,Xol,,1970,M,GTM,\n');
    const checked = acogida(['alerts', 'check', '--db', db, '--file', persons, '--json']);
    expect(checked.status, checked.stderr).toBe(0);
    const lines = checked.stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: number; matches: { list: string; reference: string; score: number; reasons: string[] }[] });
    expect(lines.map((l) => l.row)).toEqual([2, 3]);
    expect(lines[0]!.matches).toEqual([{ list: 'interpol', reference: 'RN-77/2025', score: expect.any(Number), reasons: expect.arrayContaining(['surnames-swapped']) }]);
    expect(lines[1]!.matches).toEqual([]);

    const bad = path.join(dir, 'mala.csv');
    fs.writeFileSync(bad, 'reference,given_names,first_surname\nW-1,Juan,\n');
    const refused = acogida(['alerts', 'import', '--db', db, '--list', 'warrant', '--file', bad, '--json']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ imported: 0, errors: [{ row: 2, column: 'first_surname', code: 'required', message: 'Falta el dato obligatorio.' }] });
    const versions = openRaw(db).prepare('SELECT count(*) AS n FROM alert_list_versions').get() as { n: number };
    expect(versions.n).toBe(1);
  });

  it('checks every row of a file it can: rows with a bad date or a missing surname carry their problems; only an unreadable file fails', () => {
    const dir = tempDir();
    const db = path.join(dir, 'check.db');
    expect(acogida(['init', '--db', db, '--centre', 'Centro', '--country', 'GTM', '--admin', 'admin'], 'clave-de-admin-1\n').status).toBe(0);
    const list = path.join(dir, 'orden.csv');
    fs.writeFileSync(list, 'reference,given_names,first_surname,second_surname,birth_date,sex,nationality\nOA-1,Wilmer Antonio,Coc,Pop,05/12/1988,M,GTM\nOA-2,Glenda,Reyes,Cruz,1990,F,HND\n');
    // A list prepared in the United States: month first, said by --date-order.
    expect(acogida(['alerts', 'import', '--db', db, '--list', 'warrant', '--file', list, '--date-order', 'mdy', '--json']).status).toBe(0);
    const persons = path.join(dir, 'personas.csv');
    fs.writeFileSync(persons, [
      'given_names,first_surname,second_surname,birth_date,sex,nationality,document_number',
      'Wilmer Antonio,Coc,Pop,1988-05-12,M,GTM,',
      'Glenda,Reyes,Cruz,31/02/1990,F,HND,',
      ',,,,,,',
      'Pedro,Xol,,1970,M,GTM,',
      'Marta,Chen,,ayer,Z,GTM,',
      'Wilmer Antonio,,Pop,1988-05-12,M,GTM,',
    ].join('\n'));
    const checked = acogida(['alerts', 'check', '--db', db, '--file', persons, '--json']);
    expect(checked.status, checked.stderr + checked.stdout).toBe(0);
    const lines = checked.stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: number; matches: { reference: string }[]; problems?: { column: string; code: string; message: string }[] });
    expect(lines.map((l) => l.row)).toEqual([2, 3, 5, 6, 7]);
    expect(lines[0]).toEqual({ row: 2, matches: [expect.objectContaining({ reference: 'OA-1' })] }); // 12 May read month first
    expect(lines[1]!.matches.map((m) => m.reference)).toEqual(['OA-2']); // checked without the date it could not read
    expect(lines[1]!.problems!.map((p) => [p.column, p.code])).toEqual([['birth_date', 'bad-date']]);
    expect(lines[2]).toEqual({ row: 5, matches: [] });
    expect(lines[3]!.problems!.map((p) => p.code)).toEqual(['bad-date', 'bad-sex']);
    expect(lines[3]!.problems![0]!.message).toContain('ayer');
    expect(lines[4]!.matches.map((m) => m.reference)).toEqual(['OA-1']); // the surname there is
    expect(lines[4]!.problems!.map((p) => [p.column, p.code])).toEqual([['first_surname', 'required']]);

    const text = acogida(['alerts', 'check', '--db', db, '--file', persons]);
    expect(text.stdout).toContain('Fila 3: warrant OA-2');
    expect(text.stdout).toContain('verificada en parte');
    const unreadable = path.join(dir, 'sin-columnas.csv');
    fs.writeFileSync(unreadable, 'nombre_completo\nJuan Pérez\n');
    expect(acogida(['alerts', 'check', '--db', db, '--file', unreadable, '--json']).status).toBe(1);
    const wrongOrder = acogida(['alerts', 'check', '--db', db, '--file', persons, '--date-order', 'ymd', '--json']);
    expect(wrongOrder.status).toBe(1);
    expect(JSON.parse(wrongOrder.stdout).error.message).toBe('Orden de fecha no válido «ymd»: use dmy (día primero) o mdy (mes primero).');
  });

  it('imports a manifest from a United States flight without editing it', () => {
    const dir = tempDir();
    const db = path.join(dir, 'us.db');
    expect(acogida(['init', '--db', db, '--centre', 'Centro', '--country', 'GTM', '--admin', 'admin'], 'clave-de-admin-1\n').status).toBe(0);
    const manifest = path.join(dir, 'ice-air.csv');
    fs.writeFileSync(manifest, 'given_names,first_surname,second_surname,birth_date,sex,nationality\nJuan Carlos,Caal,Tiul,03/20/1968,M,GTM\nRosa,Tiul,Choc,11/04/1987,F,GTM\n');
    const r = acogida(['manifest', 'import', '--db', db, '--file', manifest, '--route', 'air', '--origin', 'USA', '--date', '2026-11-25', '--reference', 'ICE 2301', '--json']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 2, errors: [] });
    const births = openRaw(db).prepare('SELECT birth_date FROM persons ORDER BY birth_date').pluck().all();
    expect(births).toEqual(['1968-03-20', '1987-11-04']);
  });

  it('evaluates a screening with the rules in force: exactly level, deadline_hours, reasons and rules_version', () => {
    const dir = tempDir();
    const file = (name: string, content: string) => {
      fs.writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    const shipped = ['screening', 'evaluate', '--answers', file('a.json', '{"indicators": ["pregnant", "no_support_network"]}'), '--json'];
    // With no database at all, the shipped rules (version 1) apply and nothing is created.
    const env = { ...process.env, ACOGIDA_LANG: 'es', ACOGIDA_DB: path.join(dir, 'none', 'acogida.db') };
    const alone = spawnSync(process.execPath, [BIN, ...shipped], { encoding: 'utf8', env });
    expect(alone.status, alone.stderr).toBe(0);
    expect(JSON.parse(alone.stdout)).toEqual({ level: 'yellow', deadline_hours: 72, reasons: ['pregnant'], rules_version: 1 });
    expect(fs.existsSync(path.join(dir, 'none'))).toBe(false);

    const db = path.join(dir, 'centre.db');
    expect(acogida(['init', '--db', db, '--centre', 'Centro', '--country', 'GTM', '--admin', 'admin'], 'clave-de-admin-1\n').status).toBe(0);
    const evaluate = (answers: string) => {
      const r = acogida(['screening', 'evaluate', '--db', db, '--answers', answers, '--json']);
      return { status: r.status, json: JSON.parse(r.stdout) as Record<string, unknown> };
    };
    expect(evaluate(file('b.json', '{"indicators": ["no_support_network", "long_stay_abroad"]}')).json).toEqual({ level: 'yellow', deadline_hours: 72, reasons: ['no_support_network', 'long_stay_abroad'], rules_version: 1 });
    expect(evaluate(file('c.json', '{"indicators": ["long_stay_abroad"]}')).json).toEqual({ level: 'green', deadline_hours: 168, reasons: [], rules_version: 1 });
    expect(evaluate(file('d.json', '{"indicators": ["trafficking_indicators", "pregnant"]}')).json).toEqual({ level: 'red', deadline_hours: 24, reasons: ['trafficking_indicators'], rules_version: 1 });
    expect(evaluate(file('e.json', '{"answers": {"age": 71, "travel_group": "alone"}}')).json).toMatchObject({ level: 'yellow', reasons: ['elderly_alone'] });

    // A new version saved in the database is the one in force.
    const raw = openRaw(db);
    const rules = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../resources/data/screening-rules.json'), 'utf8')) as { red: { deadline_hours: number } };
    rules.red.deadline_hours = 12;
    const { version: _v, ...body } = rules as typeof rules & { version: number };
    raw.prepare("INSERT INTO screening_rule_versions (id, centre_id, created_at, updated_at, hlc, origin, version, rules, note, created_by) SELECT '0190a000-0000-7000-8000-000000000001', id, 't', 't', 'h', 'w', 2, ?, 'prueba', 'admin' FROM centres").run(JSON.stringify(body));
    raw.close();
    expect(evaluate(file('f.json', '{"indicators": ["suicidal_ideation"]}')).json).toEqual({ level: 'red', deadline_hours: 12, reasons: ['suicidal_ideation'], rules_version: 2 });

    for (const [name, content, message] of [
      ['g.json', '{"indicators": ["unicornio"]}', 'Indicador desconocido: unicornio.'],
      ['h.json', '{"indicadores": []}', 'Los datos enviados no son válidos'],
      ['i.json', 'no es json', 'no es JSON válido'],
      ['j.json', '{"answers": {"age": -4}}', 'La respuesta a «age» debe estar entre 0 y 120.'],
    ]) {
      const refused = evaluate(file(name!, content!));
      expect(refused.status, name).toBe(1);
      expect(JSON.stringify(refused.json), name).toContain(message);
    }
  });
});
