import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, listen } from '../../electron/host/server';
import { inProcess } from '../../electron/core/worker/client';
import { setupCentre, snapshot, staff, tempCore, tempDir } from '../helpers';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start() {
  const { core } = tempCore();
  const { adminToken } = await setupCentre(core);
  const renderer = tempDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><div id="root"></div>');
  server = createHost(inProcess(core), renderer);
  const url = await listen(server, 0);
  const post = (method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  return { core, adminToken, url, post };
}

describe('loopback host', () => {
  it('binds 127.0.0.1 only', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((server!.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('answers {ok:true,value} for a good call with a bearer token', async () => {
    const { post, adminToken } = await start();
    const res = await post('users.list', '{}', { Authorization: `Bearer ${adminToken}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { username: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value.map((u) => u.username)).toContain('admin');
  });

  it('answers a 4xx typed error for garbage, changing nothing', async () => {
    const { core, post, adminToken } = await start();
    const auth = { Authorization: `Bearer ${adminToken}` };
    const before = snapshot(core);
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['users.create', '{not json', auth, 400, 'request.invalid-json'],
      ['users.create', '[1,2,3]', auth, 400, 'input.invalid'],
      ['users.create', '{"username":{"$ne":null}}', auth, 400, 'input.invalid'],
      ['users.create', 'null', auth, 400, 'input.invalid'],
      ['no.such', '{}', auth, 404, 'method.unknown'],
      ['users.list', '{}', {}, 401, 'auth.required'],
      ['users.list', '{}', { Authorization: 'Bearer forged' }, 401, 'auth.required'],
    ];
    for (const [method, body, headers, status, code] of cases) {
      const res = await post(method, body, headers);
      const json = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(res.status, `${method} ${body}`).toBe(status);
      expect(json.ok).toBe(false);
      expect(json.error.code).toBe(code);
      expect(json.error.message.length).toBeGreaterThan(5);
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('gives a clerk calling an admin method 403 forbidden', async () => {
    const { core, post, adminToken } = await start();
    const clerk = await staff(core, adminToken, 'mlopez', ['clerk']);
    const res = await post('users.create', JSON.stringify({ username: 'x-user', displayName: 'X', roles: ['admin'], password: 'clave-larga-123' }), {
      Authorization: `Bearer ${clerk.token}`,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('refuses non-JSON posts and foreign Host headers', async () => {
    const { url, adminToken } = await start();
    const form = await fetch(`${url}api/users.list`, { method: 'POST', headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${adminToken}` }, body: '{}' });
    expect(form.status).toBe(400);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(`${url}api/setup.status`, { method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with a strict CSP and a fresh nonce, and falls back to index.html for app routes', async () => {
    const { url } = await start();
    const res = await fetch(`${url}usuarios`);
    const csp = res.headers.get('content-security-policy')!;
    const html = await res.text();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const nonce = /content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain(`'nonce-${nonce}'`);
    const traversal = await fetch(`${url}..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
  });

  it('answers 500 with a typed error when a call fails inside, and goes on serving', async () => {
    const { core, post, url } = await start();
    core.db.close(); // the worst inside failure: the database is gone
    const res = await post('setup.status', '{}');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'internal', message: 'Ocurrió un error interno. No se guardó ningún cambio.' });
    expect((await fetch(`${url}usuarios`)).status).toBe(200);
  });
});
