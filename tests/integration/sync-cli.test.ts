import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../electron/core/testing/postgres';
import { tempDir } from '../helpers';

/**
 * The replication commands as other tools call them: exactly these flags and these JSON shapes.
 * Zone-independent, so it runs once, in the first zone.
 */
const FIRST_ZONE = 'UTC';
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
let server: TestPostgres;

function acogida(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(() => server?.stop());

describe.runIf(!process.env.TZ || process.env.TZ === FIRST_ZONE)('acogida upstream / init --join / sync', () => {
  it('migrates, registers a centre, syncs a desk, joins another, reports status and checks the audit upstream', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.db');
    const b = path.join(dir, 'b.db');
    const migrated = acogida(['upstream', 'migrate', '--url', server.adminUrl, '--json']);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.json()).toEqual({ from: 0, to: 5, applied: [1, 2, 3, 4, 5] });
    expect(acogida(['upstream', 'migrate', '--url', server.adminUrl, '--json']).json()).toEqual({ from: 5, to: 5, applied: [] });

    expect(acogida(['init', '--db', a, '--centre', 'CAMR San Pedro Sula', '--country', 'HND', '--admin', 'admin', '--json'], 'clave-de-admin-1\n').status).toBe(0);
    const added = acogida(['upstream', 'add-centre', '--url', server.adminUrl, '--db', a, '--json']);
    expect(added.status, added.stderr).toBe(0);
    const centre = added.json();
    expect(Object.keys(centre).sort()).toEqual(['centre_id', 'connection_url', 'role']);
    expect(String(centre.connection_url)).toMatch(/^postgres:\/\/acogida_c_[0-9a-f]{32}:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    // Printed once: a second registration is refused, in Spanish.
    const again = acogida(['upstream', 'add-centre', '--url', server.adminUrl, '--db', a]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('ya está registrado');

    const url = String(centre.connection_url);
    const first = acogida(['sync', '--db', a, '--url', url, '--once', '--json']);
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const counts = first.json();
    expect(Object.keys(counts).sort()).toEqual(['conflicts', 'pending', 'pulled', 'pushed', 'quarantined']);
    expect(counts).toMatchObject({ pulled: 0, conflicts: 0, pending: 0, quarantined: 0 });
    expect(Number(counts.pushed)).toBeGreaterThan(20);
    // The URL is remembered (sealed): no --url the second time.
    expect(acogida(['sync', '--db', a, '--once', '--json']).json()).toEqual({ pushed: 0, pulled: 0, conflicts: 0, pending: 0, quarantined: 0 });

    const joined = acogida(['init', '--db', b, '--join', url, '--workstation', 'Mesa 2', '--json']);
    expect(joined.status, joined.stderr + joined.stdout).toBe(0);
    expect(joined.json()).toMatchObject({ centre_id: centre.centre_id, centre: 'CAMR San Pedro Sula' });
    // No local admin is created: the centre's own accounts arrived.
    const users = acogida(['users', 'list', '--db', b, '--json']);
    expect((JSON.parse(users.stdout) as { username: string }[]).map((u) => u.username)).toEqual(['admin']);

    const status = acogida(['sync', 'status', '--db', b, '--json']);
    expect(status.json()).toMatchObject({ state: 'synced', configured: true, pending: 0, quarantined: 0, conflicts: 0, error: null });
    expect(String(status.json().url)).not.toContain(new URL(url).password);

    const verified = acogida(['audit', 'verify', '--db', a, '--upstream', '--json']);
    expect(verified.status, verified.stdout).toBe(0);
    expect((verified.json().checks as { name: string; ok: boolean }[]).map((c) => [c.name, c.ok])).toEqual([
      ['keyed-from', true],
      ['chain', true],
      ['head', true],
      ['upstream', true],
    ]);
  }, 120_000);

  it('refuses bad input with a translated message and changes nothing', () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    expect(acogida(['init', '--db', db, '--centre', 'Centro', '--country', 'GTM', '--admin', 'admin'], 'clave-de-admin-1\n').status).toBe(0);
    const insecure = acogida(['sync', '--db', db, '--url', 'postgres://c:clave@servidor.centro.gt/acogida', '--once']);
    expect(insecure.status).toBe(1);
    expect(insecure.stderr).toContain('agregue ?sslmode=verify-full');
    const none = acogida(['sync', '--db', db, '--once', '--json']);
    expect(none.status).toBe(1);
    expect(none.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('indique --url la primera vez') } });
    expect(acogida(['sync', 'estado', '--db', db]).stderr).toContain('no es una suborden');
    expect(acogida(['init', '--db', db, '--join', 'postgres://c:clave@127.0.0.1:1/x', '--centre', 'Otro']).stderr).toContain('Con --join no se usan');
    const refused = acogida(['init', '--db', path.join(dir, 'd.db'), '--join', 'postgres://c:clave@127.0.0.1:1/x', '--json']);
    expect(refused.status).toBe(1);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'sync.offline', message: 'Sin conexión con el servidor central.' } });
    expect(acogida(['sync', 'status', '--db', db, '--json']).json()).toMatchObject({ state: 'off', configured: false });
    const wrong = acogida(['upstream', 'migrate', '--url', server.adminUrl.replace(/:[^:@]+@/, ':equivocada@'), '--json']);
    expect(wrong.json()).toMatchObject({ ok: false, error: { code: 'sync.login-refused' } });
  }, 120_000);
});
