import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

/**
 * The attacks of the security review, made against a real `acogida serve` process: any web page
 * the user opens can make the browser send these requests to 127.0.0.1, so none of them may end
 * the process, and the API must refuse pages of another origin.
 */
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

async function serve(existing?: string): Promise<{ url: string; port: number; dir: string; stderr: () => string }> {
  const dir = existing ?? tempDir();
  const db = path.join(dir, 'host.db');
  const env = { ...process.env, ACOGIDA_LANG: 'es' };
  if (!existing) {
    const init = spawnSync(process.execPath, [BIN, 'init', '--db', db, '--centre', 'Centro', '--country', 'GTM', '--admin', 'admin'], { input: 'clave-de-admin-1\n', encoding: 'utf8', env });
    expect(init.status, init.stderr).toBe(0);
  }
  child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--json'], { env });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url": "([^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { url, port: Number(new URL(url).port), dir, stderr: () => err };
}

/** Sends bytes as they are (no client-side URL normalisation) and returns the status line. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(data.split('\r\n')[0] ?? 'error'));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;

describe('the loopback host under attack', () => {
  it('answers 400 to malformed paths and survives every one of them', async () => {
    const { port, url } = await serve();
    const paths = ['/%', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', '/%E0%A4%A', '/assets/%ff.js', '/%00', '/api%', '/..%2f..%2f%', '/%u002e'];
    for (const p of paths) expect(await raw(port, get(p)), p).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(port, 'GARBAGE / HTTP/1.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    // A client that hangs up halfway through its body.
    await new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username":');
        setTimeout(() => socket.destroy(), 50);
        socket.on('close', () => resolve());
      });
    });
    expect(await raw(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const alive = await fetch(`${url}api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(alive.status).toBe(200);
    expect(child!.exitCode).toBeNull();
  });

  it('refuses the API to a page of another origin, as the browser names it', async () => {
    const { url } = await serve();
    const call = (origin: string) =>
      fetch(`${url}api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: '{}' });
    const foreign = await call('http://evil.example');
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'request.foreign-origin',
      message: 'Se rechazó una solicitud que no viene de esta aplicación.',
    });
    expect((await call('null')).status).toBe(403);
    expect((await call(`http://127.0.0.1:${new URL(url).port + 1}`)).status).toBe(403);
    expect((await call(url.replace(/\/$/, ''))).status).toBe(200);
  });

  it('answers 413 to a body over the limit instead of resetting, and refuses deep JSON before parsing it', async () => {
    const { port, url } = await serve();
    const huge = `POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n{"a":`;
    expect(await raw(port, huge)).toBe('HTTP/1.1 413 Payload Too Large');
    const deep = await fetch(`${url}api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '['.repeat(200_000) + ']'.repeat(200_000) });
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { error: { code: string } }).error.code).toBe('request.too-deep');
    // Brackets inside strings are text, not nesting.
    const text = await fetch(`${url}api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: '[['.repeat(40), password: 'x' }) });
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe('input.invalid');
    expect(child!.exitCode).toBeNull();
  });

  it('ends every session when the host restarts: an old token opens nothing', async () => {
    const first = await serve();
    const login = await fetch(`${first.url}api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'clave-de-admin-1' }) });
    const { value } = (await login.json()) as { value: { token: string } };
    const list = (url: string) => fetch(`${url}api/users.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${value.token}` }, body: '{}' });
    expect((await list(first.url)).status).toBe(200);
    child!.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
    const second = await serve(first.dir);
    const after = await list(second.url);
    expect(after.status).toBe(401);
  });
});
