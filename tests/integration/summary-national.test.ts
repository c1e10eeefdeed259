import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/cli/commands/demo';
import type { Core } from '../../electron/core/context';
import { nationalSummary } from '../../electron/core/domains/summary/national';
import { upstreamCentres } from '../../electron/core/domains/summary/upstream-store';
import { addNationalLogin } from '../../electron/core/sync/admin';
import { addDays, zonedDate } from '../../electron/core/time';
import { callAs, callOk } from '../../electron/core/testing/fixtures';
import { prepareUpstream, registerFirstDesk, withClient } from '../../electron/core/testing/desks';
import { startPostgres, type TestPostgres } from '../../electron/core/testing/postgres';
import { ManualClock, tempCore, tempDir } from '../helpers';

/**
 * Issue 19, item 4: the national office's summary from the upstream PostgreSQL is the summary the
 * centre's own desk computes — every figure, for one centre or all of them added up — counting
 * people who did not consent to replication and care it may not read, while naming nobody.
 */
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
let server: TestPostgres;
let national: string;

beforeAll(async () => {
  server = await startPostgres();
  await prepareUpstream(server.adminUrl);
  national = (await withClient(server.adminUrl, (client) => addNationalLogin(client, server.adminUrl, 'oficina_nacional'))).connection_url;
}, 60_000);
afterAll(() => server?.stop());

/** A centre with the whole demo (two flights, a walk-in, screenings, kits, care, referrals), pushed upstream. */
async function demoCentre(): Promise<{ core: Core; clock: ManualClock; url: string; today: string }> {
  const clock = new ManualClock();
  const { core } = tempCore(clock);
  await loadDemo(core);
  const url = await registerFirstDesk(core, server.adminUrl);
  return { core, clock, url, today: zonedDate(clock.now(), 'America/Guatemala') };
}

/** A smaller centre: `n` unaccompanied adolescents walked in from Mexico. */
async function smallCentre(name: string, n: number): Promise<{ core: Core; url: string; today: string }> {
  const { core } = tempCore(new ManualClock());
  await callOk(core, 'setup.init', {
    centre: { name, country: 'GTM', timeZone: 'America/Guatemala' },
    workstationName: 'Mesa 1',
    admin: { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
  });
  const today = zonedDate(core.clock.now(), 'America/Guatemala');
  for (let i = 0; i < n; i++)
    await callAs(core, ['manager', 'clerk'], 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: today, pointOfEntry: 'Tecún Umán' },
      person: { givenNames: ['Elmer', 'Byron', 'Marvin'][i], firstSurname: 'Batz', birthDate: '2010-03-04', sex: 'M', nationality: 'GTM', languages: ['mam'], interpreterNeeded: true },
      groupType: 'unaccompanied_minor',
      consent: { language: 'mam', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
    } as never);
  const url = await registerFirstDesk(core, server.adminUrl);
  return { core, url, today };
}

describe('the national summary from the upstream', () => {
  it('is, for one centre, exactly the summary its desk computes (day and range, library and CLI), with people who did not consent counted', async () => {
    const { core, clock, today } = await demoCentre();
    const centre = core.identity!.centreId;
    const now = clock.now().toISOString();
    for (const [from, to] of [[today, today], [addDays(today, -30), today]] as const) {
      const local = await callAs(core, ['manager'], 'summary.daily', { from, to });
      const upstream = await withClient(national, (client) => nationalSummary(client, { centre, from, to, now, locale: 'es' }));
      expect(upstream).toEqual(local);
    }
    // The demo's flight has people who declined replication: the national role cannot read their
    // records, yet they are counted (received is every check-in of the day).
    const local = await callAs(core, ['manager'], 'summary.daily', { from: today });
    expect(local.persons.received).toBeGreaterThan(0);
    expect(local.care.pfa_contacts + local.care.sessions).toBeGreaterThan(0);
    const readable = await withClient(national, async (client) => Number((await client.query("SELECT count(*) FROM acogida.current_rows WHERE table_name = 'persons' AND centre_id = $1", [centre])).rows[0].count));
    const persons = core.db.prepare('SELECT count(*) FROM persons').pluck().get() as number;
    expect(readable).toBeLessThan(persons);
    // The national login still reads no clinical record, even through the summary.
    await withClient(national, async (client) => {
      expect(Number((await client.query("SELECT count(*) FROM acogida.current_rows WHERE table_name = 'care_records'")).rows[0].count)).toBe(0);
    });
    // acogida report daily --url prints the same JSON as --db and writes the PDF and XLSX; bad input is refused in Spanish.
    const dir = tempDir();
    const env = { ...process.env, ACOGIDA_LANG: 'es', ACOGIDA_CLOCK_START: core.clock.now().toISOString() };
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, 'report', 'daily', ...args], { encoding: 'utf8', env });
    // The national office's login is made with the CLI too (shown once), and a bad name is refused.
    const upstreamCli = (args: string[]) => spawnSync(process.execPath, [BIN, 'upstream', ...args], { encoding: 'utf8', env });
    const added = upstreamCli(['add-national', '--url', server.adminUrl, '--name', 'oficina_cli', '--json']);
    expect(added.status, added.stderr).toBe(0);
    const login = JSON.parse(added.stdout) as { role: string; connection_url: string };
    expect(login.role).toBe('oficina_cli');
    expect(upstreamCli(['add-national', '--url', server.adminUrl, '--name', 'Oficina; DROP ROLE x']).stderr).toContain('Nombre de acceso no válido');
    const fromUpstream = cli(['--url', login.connection_url, '--centre', centre, '--date', today, '--pdf', path.join(dir, 'n.pdf'), '--xlsx', path.join(dir, 'n.xlsx'), '--json']);
    expect(fromUpstream.status, fromUpstream.stderr).toBe(0);
    expect(JSON.parse(fromUpstream.stdout)).toEqual(await callAs(core, ['manager'], 'summary.daily', { from: today }));
    expect(fs.readFileSync(path.join(dir, 'n.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(path.join(dir, 'n.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const bad = cli(['--url', national, '--centre', 'no-es-un-centro', '--date', today]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Centro no válido');
    const unknown = cli(['--url', national, '--centre', '0195d7a8-0000-7000-8000-000000000000', '--date', today, '--json']);
    expect(JSON.parse(unknown.stdout).error.message).toContain('no tiene ningún centro');
    const both = cli(['--url', national, '--db', path.join(dir, 'x.db'), '--date', today]);
    expect(both.stderr).toContain('no ambos');
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
    }, 180_000);

  it('adds every centre up, and a centre login may summarise only its own centre', async () => {
    const big = await smallCentre('Centro de Recepción La Aurora', 3);
    const small = await smallCentre('Centro de Atención a Migrantes Retornados Tecún Umán', 1);
    const now = big.core.clock.now().toISOString();
    const all = await withClient(national, (client) => nationalSummary(client, { from: big.today, to: big.today, now, locale: 'es' }));
    const parts = await Promise.all([big, small].map((c) => withClient(national, (client) => nationalSummary(client, { centre: c.core.identity!.centreId, from: big.today, to: big.today, now, locale: 'es' }))));
    expect(all.centre).toMatch(/^Todos los centros \(\d+\)$/);
    // "All" is every centre of the server added up (this file's other centres too).
    const each = await withClient(national, async (client) => {
      const centres = await upstreamCentres(client);
      const out = [];
      for (const c of centres) out.push(await nationalSummary(client, { centre: c.id, from: big.today, to: big.today, now, locale: 'es' }));
      return out;
    });
    expect(all.centre).toBe(`Todos los centros (${each.length})`);
    expect(all.persons.received).toBe(each.reduce((n, c) => n + c.persons.received, 0));
    expect(all.arrivals.total).toBe(each.reduce((n, c) => n + c.arrivals.total, 0));
    expect(parts[0]!.persons).toMatchObject({ received: 3, unaccompanied_minors: 3 });
    expect(parts[1]!.persons).toMatchObject({ received: 1, unaccompanied_minors: 1, interpreter_needed: 1, indigenous_language: 1, by_age_group: { '13-17': 1 } });
    expect(all.persons.unaccompanied_minors).toBeGreaterThanOrEqual(parts[0]!.persons.unaccompanied_minors + 1);
    // The small centre's own login: its own summary yes; the other centre is not even listed to it,
    // and calling the upstream's function directly is refused (SQLSTATE 42501).
    const own = await withClient(small.url, (client) => nationalSummary(client, { centre: small.core.identity!.centreId, from: big.today, to: big.today, now, locale: 'es' }));
    expect(own).toEqual(parts[1]);
    await expect(withClient(small.url, (client) => nationalSummary(client, { centre: big.core.identity!.centreId, from: big.today, to: big.today, now, locale: 'es' }))).rejects.toMatchObject({ code: 'summary.centre-unknown' });
    await expect(withClient(small.url, (client) => client.query('SELECT * FROM acogida.summary_stays($1, $2, $3)', [big.core.identity!.centreId, big.today, big.today]))).rejects.toMatchObject({ code: '42501' });
  }, 180_000);

});
