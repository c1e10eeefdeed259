import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { openCore } from '../../electron/core/core';
import { openDriver } from '../../electron/core/db/driver';
import { AppError } from '../../electron/core/errors';
import { OUTBOX_RETENTION_DAYS } from '../../electron/core/db/outbox';
import { keyFileFor } from '../../electron/core/keys';
import { count, expectOk, ManualClock, openRaw, setupCentre, staff, tempCore, tempDir } from '../helpers';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
const CANARY = 'Quetzalcanario';

/** Every byte of every file of the database (the file, its WAL, shared memory, journal, head file). */
function databaseBytes(file: string): { name: string; bytes: Buffer }[] {
  const folder = path.dirname(file);
  return fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(path.basename(file)))
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(folder, name)) }));
}

function findCanaries(file: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const { name, bytes } of databaseBytes(file))
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${needle} in ${name}`);
  return found;
}

/** Writes the canary through every station, as the roles at the desks would type it. */
async function throughEveryStation(core: Core) {
  const { adminToken } = await setupCentre(core);
  const clerk = (await staff(core, adminToken, 'mesa', ['clerk'])).token;
  const officer = (await staff(core, adminToken, 'oficial', ['alert_officer'])).token;
  const social = (await staff(core, adminToken, 'social', ['protection_officer'])).token;
  const manager = (await staff(core, adminToken, 'gerente', ['manager'])).token;
  await expectOk(core, 'users.create', { username: 'canario', displayName: `${CANARY} Usuaria`, roles: ['clerk'], password: 'clave-larga-123' }, { token: adminToken });

  const manifest = ['nombres;primer_apellido;segundo_apellido;numero_documento', `${CANARY}a;${CANARY}b;Pop;${CANARY}DOC1`].join('\n');
  await expectOk(core, 'manifests.import', {
    fileName: `${CANARY}.csv`,
    contentBase64: b64(manifest),
    arrival: { kind: 'flight', route: 'air', originCountry: 'USA', carrier: `${CANARY} Air`, reference: 'GXA 2301', date: '2026-11-25' },
  }, { token: clerk });

  await expectOk(core, 'alerts.import', {
    list: 'warrant',
    fileName: 'orden.csv',
    contentBase64: b64(['referencia;nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;notas', `OA-1;${CANARY}c;Cruz;Mejía;03/07/1992;M;HND;${CANARY} nota del juzgado`].join('\n')),
  }, { token: officer });
  const { person, row } = await expectOk(core, 'persons.register', {
    walkIn: { route: 'land', originCountry: 'MEX', pointOfEntry: `${CANARY} Frontera` },
    person: { givenNames: `${CANARY}c`, firstSurname: 'Cruz', secondSurname: 'Mejía', birthDate: '1992-07-03', sex: 'M', nationality: 'HND' },
  }, { token: clerk });
  const institutions = await expectOk(core, 'institutions.list', {}, { token: clerk });
  await expectOk(core, 'consent.record', { personId: person.id, language: 'es', decisions: [{ purpose: 'sharing', institution: institutions[0]!.id, granted: true }] }, { token: clerk });
  const [match] = await expectOk(core, 'alerts.queue', {}, { token: officer });
  await expectOk(core, 'alerts.decide', { matchId: match!.id, decision: 'confirmed', reason: `${CANARY} coincide todo` }, { token: officer });
  await expectOk(core, 'alerts.resolveHold', { personId: person.id, outcome: 'release', reason: `${CANARY} liberado por el juez` }, { token: officer });

  const screening = await expectOk(core, 'screening.record', { personId: person.id, answers: { pregnant: true, support_network: true } }, { token: social });
  await expectOk(core, 'screening.override', { screeningId: screening.id, level: 'red', reason: `${CANARY} motivo del cambio` }, { token: social });

  const types = await expectOk(core, 'aid.types', {}, { token: clerk });
  const snack = types.find((t) => t.code === 'snack')!;
  await expectOk(core, 'stock.receive', { typeId: snack.id, lotCode: 'L-1', donor: `${CANARY} Donante`, quantity: 10 }, { token: manager });
  await expectOk(core, 'aid.deliver', { typeId: snack.id, target: { personArrivalId: row.personArrivalId } }, { token: clerk });
  const photo = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(`${CANARY} foto`)]).toString('base64')}`;
  await expectOk(core, 'belongings.receive', { personArrivalId: row.personArrivalId, items: [{ description: `${CANARY} mochila`, tagNumber: 'A-1', photo }] }, { token: clerk });
  await expectOk(core, 'drafts.save', { key: 'registration:walk-in', payload: { notes: `${CANARY} borrador` } }, { token: clerk });
  await expectOk(core, 'institutions.create', { code: 'QCAN', name: `${CANARY} Fundación`, country: 'GTM', level: 'local' }, { token: manager });
  return { photo };
}

/** What opening the file says, in Spanish, or 'opened'. */
function openMessage(file: string): string {
  try {
    openCore(file).db.close();
    return 'opened';
  } catch (error) {
    return error instanceof AppError ? error.toValue('es').message : String(error);
  }
}

describe('the database at rest', () => {
  it('keeps no canary in clear in any file of the database, WAL or head file included', async () => {
    const { core, file } = tempCore();
    const { photo } = await throughEveryStation(core);
    // While open (the WAL holds the latest pages), and after closing.
    const needles = [CANARY, photo.slice(30, 60), 'OA-1;']; // the name, the photo's base64, the list row
    expect(findCanaries(file, needles)).toEqual([]);
    expect(databaseBytes(file).map((f) => f.name)).toEqual(expect.arrayContaining(['acogida.db', 'acogida.db-wal', 'acogida.db.audit-head']));
    core.db.close();
    expect(findCanaries(file, needles)).toEqual([]);
    // The scan is real: with the key the canary is there.
    const raw = openRaw(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM persons WHERE given_names LIKE ?').pluck().get(`${CANARY}%`)).toBe(2);
    // ...and an unencrypted file with the same data shows it at once.
    const plain = openDriver(path.join(tempDir(), 'plain.db'));
    plain.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('${CANARY}');`);
    plain.close();
    expect(findCanaries(path.join(path.dirname(plain.name), 'plain.db'), [CANARY])).toEqual([`${CANARY} in plain.db`]);
  });

  it('creates the data folder 0700, every database file and the key 0600, the key outside the data folder', async () => {
    const folder = path.join(tempDir(), 'nueva', 'Acogida');
    const file = path.join(folder, 'acogida.db');
    const core = openCore(file, new ManualClock());
    await setupCentre(core);
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(folder)).toBe(0o700);
    for (const name of ['acogida.db', 'acogida.db-wal', 'acogida.db-shm', 'acogida.db.audit-head']) expect(mode(path.join(folder, name)), name).toBe(0o600);
    const keyFile = keyFileFor(file);
    expect(mode(keyFile)).toBe(0o600);
    expect(mode(path.dirname(keyFile))).toBe(0o700);
    expect(keyFile.startsWith(folder)).toBe(false);
    core.db.close();
  });

  it('explains a lost, wrong or exposed key and a plain file, and never makes a new empty database', async () => {
    const { core, file } = tempCore();
    await setupCentre(core);
    core.db.close();
    const digest = () => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const before = digest();
    const keyFile = keyFileFor(file);
    const moved = `${keyFile}.elsewhere`;
    fs.renameSync(keyFile, moved);
    expect(openMessage(file)).toMatch(/^No se encuentra la clave de cifrado .*Sin esa clave nadie puede leer los datos.*No se creó ninguna base nueva/);
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(digest()).toBe(before);

    const other = tempCore();
    await setupCentre(other.core);
    fs.copyFileSync(keyFileFor(other.file), keyFile);
    expect(openMessage(file)).toMatch(/^La clave no abre la base de datos/);
    fs.renameSync(moved, keyFile);
    fs.chmodSync(keyFile, 0o644);
    expect(openMessage(file)).toMatch(/la pueden leer otros usuarios del equipo \(permisos 644\)/);
    fs.chmodSync(keyFile, 0o600);
    expect(openMessage(file)).toBe('opened'); // with its own key again

    const plainFile = path.join(tempDir(), 'vieja.db');
    const plain = openDriver(plainFile);
    plain.exec('CREATE TABLE t (v TEXT)');
    plain.close();
    expect(openMessage(plainFile)).toMatch(/no está cifrada .*acogida db encrypt --db/);
  });

  it('prunes the outbox after the retention while no upstream is configured, keeping the clock from going back', async () => {
    const clock = new ManualClock();
    const { core, file } = tempCore(clock);
    const { adminToken } = await setupCentre(core);
    for (let i = 0; i < 5; i++) await expectOk(core, 'users.create', { username: `persona${i}`, displayName: `Persona ${i}`, roles: ['clerk'], password: 'clave-larga-123' }, { token: adminToken });
    const oldChanges = count(core, 'changes');
    const newest = core.db.prepare('SELECT max(hlc) FROM changes').pluck().get() as string;
    core.db.close();
    clock.advance(OUTBOX_RETENTION_DAYS * 24 * 60 + 60);
    const reopened = openCore(file, clock);
    expect(oldChanges).toBeGreaterThan(10);
    expect(count(reopened, 'changes')).toBe(0);
    expect(reopened.db.prepare("SELECT value FROM local_meta WHERE key = 'last_hlc'").pluck().get()).toBe(newest);
    expect(reopened.hlc!.tick() > newest).toBe(true);
    reopened.db.close();
  });
});

describe('acogida db encrypt', () => {
  it('moves a database of the previous version to the encrypted format, keeping every row and the audit chain', () => {
    const dir = tempDir();
    const file = path.join(dir, 'legacy.db');
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.resolve(__dirname, '../fixtures/legacy-demo-v14.db.gz'))));
    const names = ['Juan Carlos', 'Ramírez'];
    expect(findCanaries(file, names)).not.toEqual([]);
    const plain = openDriver(file, { readonly: true });
    const persons = plain.prepare('SELECT count(*) FROM persons').pluck().get() as number;
    const entries = plain.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    plain.close();

    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' } });
    const refused = run(['persons', 'search', 'Ramírez', '--db', file, '--json']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'db.not-encrypted' });
    expect(JSON.parse(refused.stdout).error.message).toContain('no está cifrada');

    const encrypted = run(['db', 'encrypt', '--db', file, '--json']);
    expect(encrypted.status, encrypted.stderr + encrypted.stdout).toBe(0);
    const result = JSON.parse(encrypted.stdout) as { db: string; keyFile: string; rows: number; legacyAuditEntries: number; keyedFrom: number };
    expect(result).toMatchObject({ db: file, keyFile: keyFileFor(file), legacyAuditEntries: entries, keyedFrom: entries + 1 });
    expect(findCanaries(file, names)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['legacy.db']);

    const again = run(['db', 'encrypt', '--db', file, '--json']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).error.code).toBe('db.already-encrypted');

    const verify = run(['audit', 'verify', '--db', file, '--json']);
    expect(verify.status, verify.stdout).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checks: [{ name: 'keyed-from', ok: true }, { name: 'chain', ok: true }, { name: 'head', ok: true }] });
    const raw = openRaw(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(persons);
  }, 60_000);
});
