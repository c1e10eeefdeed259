import crypto from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import type { Core } from '../context';
import type { Database } from '../db/driver';
import { AppError } from '../errors';

/**
 * Where the upstream is and how this desk signs in to it.
 *
 * - Off loopback, a URL must ask for `sslmode=verify-full` (TLS and the server's name checked):
 *   the centre's data crosses a network. Anything less is refused before a byte is sent.
 * - The password is never kept in the clear on the workstation. The URL without it is kept in
 *   `local_meta` (shown on screen); the whole URL is sealed with AES-256-GCM under a key derived
 *   from the workstation's database key, which in the app comes from Electron's safeStorage and
 *   in the CLI and the host from the 0600 key file (keys.ts). `ACOGIDA_UPSTREAM_URL`, when set,
 *   is used instead and nothing is stored.
 */

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

export const UpstreamUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.username !== '';
    } catch {
      return false;
    }
  }, { message: 'sync.url-invalid' });

/** The URL checked: a PostgreSQL URL with a user, and TLS with the server verified off loopback. */
export function checkUpstreamUrl(value: unknown): string {
  const parsed = UpstreamUrl.safeParse(value);
  if (!parsed.success) throw new AppError('sync.url-invalid');
  const url = new URL(parsed.data);
  if (!LOOPBACK.test(url.hostname) && url.searchParams.get('sslmode') !== 'verify-full') throw new AppError('sync.url-insecure', { host: url.hostname });
  return parsed.data;
}

/** The URL as it may be shown: no password. */
export function redactUrl(value: string): string {
  const url = new URL(value);
  url.password = '';
  return url.toString();
}

const META_URL = 'upstream';
const META_SECRET = 'upstream_secret';

function sealingKey(core: Pick<Core, 'keys'>): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', core.keys.database, Buffer.alloc(0), 'acogida upstream url', 32));
}

function metaValue(db: Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

function setMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Remembers the upstream for this desk: the redacted URL in the clear, the whole one sealed. */
export function rememberUpstream(core: Pick<Core, 'db' | 'keys'>, url: string): void {
  const checked = checkUpstreamUrl(url);
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', sealingKey(core), nonce);
  cipher.setAAD(Buffer.from(META_SECRET));
  const sealed = Buffer.concat([cipher.update(checked, 'utf8'), cipher.final()]);
  const value = `v1:${nonce.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${sealed.toString('base64')}`;
  core.db.transaction(() => {
    setMeta(core.db, META_URL, JSON.stringify({ url: redactUrl(checked) }));
    setMeta(core.db, META_SECRET, value);
  })();
}

/** The upstream URL shown to the admin (no password), or null when none is set. */
export function shownUpstreamUrl(db: Database, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ACOGIDA_UPSTREAM_URL) {
    try {
      return redactUrl(env.ACOGIDA_UPSTREAM_URL);
    } catch {
      return null;
    }
  }
  const raw = metaValue(db, META_URL);
  return raw ? (JSON.parse(raw) as { url: string }).url : null;
}

/** The full URL to connect with (ACOGIDA_UPSTREAM_URL first), or null when this desk has none. */
export function upstreamUrl(core: Pick<Core, 'db' | 'keys'>, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ACOGIDA_UPSTREAM_URL) return checkUpstreamUrl(env.ACOGIDA_UPSTREAM_URL);
  const value = metaValue(core.db, META_SECRET);
  if (!value) return null;
  const [version, nonce, tag, sealed] = value.split(':');
  if (version !== 'v1' || !nonce || !tag || !sealed) throw new AppError('sync.url-unreadable');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', sealingKey(core), Buffer.from(nonce, 'base64'));
    decipher.setAAD(Buffer.from(META_SECRET));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('sync.url-unreadable');
  }
}

/** Opens a connection; a server that cannot be reached or refuses the login is a translated error. */
export async function connectUpstream(url: string, options: { timeoutMs?: number } = {}): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: checkUpstreamUrl(url),
    connectionTimeoutMillis: options.timeoutMs ?? 5000,
    application_name: 'acogida',
  });
  // An idle connection the server or the network drops must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw upstreamError(error);
  }
  return client;
}

/** Runs `body` on a connection to `url`, always closed after (errors pass through as they are). */
export async function withUpstream<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectUpstream(url);
  try {
    return await body(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Network failures, and PostgreSQL's "connection" and "operator intervention" classes (08, 57). */
const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN']);
const OFFLINE_MESSAGES = /^(Connection terminated|timeout expired|Client has encountered a connection error|Connection closed)/;

/** A PostgreSQL or network failure as a translated error (never the server's raw text alone). */
export function upstreamError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: unknown; message?: string };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === '28P01' || code === '28000') return new AppError('sync.login-refused');
  if (code === '42501') return new AppError('sync.permission-denied', { detail: (e.message ?? '').slice(0, 200) });
  if (OFFLINE_CODES.has(code) || code.startsWith('08') || code.startsWith('57') || OFFLINE_MESSAGES.test(e.message ?? '')) return new AppError('sync.offline');
  // A server error has a five-character SQLSTATE; anything else failed here, not upstream.
  if (/^[0-9A-Z]{5}$/.test(code)) return new AppError('sync.upstream-failed', { detail: (e.message ?? String(error)).slice(0, 200) });
  return new AppError('internal');
}
