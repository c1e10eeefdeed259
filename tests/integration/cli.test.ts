import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDriver } from '../../electron/core/db/driver';
import { tempDir } from '../helpers';

const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');

function acogida(args: string[], stdin = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('acogida CLI', () => {
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

    const raw = openDriver(db);
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
    expect(list.length).toBe(8);
    expect(new Set(list.flatMap((u) => u.roles))).toEqual(new Set(['admin', 'clerk', 'alert_officer', 'protection_officer', 'psychologist', 'manager']));
  }, 60_000);
});
