import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, errorStatus } from '../core/errors';
import { asLocale, type Locale } from '../core/i18n/translate';
import type { CallCore } from '../core/worker/client';
import { serveStatic } from './static-files';

/** Largest request body: a manifest or alert list travels as base64 inside the JSON. */
export const MAX_BODY = 64 * 1024 * 1024;
/** Deepest JSON nesting a call may send; no contract input comes near it. */
export const MAX_JSON_DEPTH = 32;

const TOO_LARGE = Symbol('too-large');

/**
 * The loopback host: POST /api/<method> → the core (in its worker thread, `acogida serve`),
 * GET /ping → answered here at once (it shows this thread is free while the core works),
 * everything else → the built renderer.
 * Binds 127.0.0.1 only; requires JSON content type (forces a CORS preflight we never grant),
 * a loopback Host header (defeats DNS rebinding) and, when the browser names one, our own
 * Origin (a page elsewhere cannot call the API even with a simple request).
 *
 * Any page the user opens can make the browser send requests here (an <img> is enough), so
 * nothing a request carries may end the process: every request runs inside one catch that
 * answers 500 `internal` and logs, and malformed HTTP gets a 400 from `clientError`.
 */
export function createHost(call: CallCore, rendererDir: string, log: (message: string, error: unknown) => void = logError): Server {
  const server = createServer((req, res) => {
    handleRequest(call, rendererDir, req, res).catch((error: unknown) => {
      log(`acogida: request ${req.method ?? '?'} failed`, error);
      if (!res.headersSent) sendError(res, asLocale(req.headers['x-acogida-locale']), new AppError('internal'));
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function handleRequest(call: CallCore, rendererDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const locale = asLocale(req.headers['x-acogida-locale']);
  const fail = (error: AppError, close = false) => sendError(res, locale, error, close);
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return fail(new AppError('forbidden'));
  if (req.url === '/ping' && req.method === 'GET') return send(res, 200, { ok: true });
  const match = /^\/api\/([\w.-]{1,64})$/.exec(req.url ?? '');
  if (!match) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(new AppError('method.unknown', { method: String(req.url).slice(0, 64) }));
    const file = await serveStatic(rendererDir, req.url ?? '/');
    res.writeHead(file.status, file.headers);
    return void res.end(req.method === 'HEAD' ? undefined : file.body);
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return fail(new AppError('request.foreign-origin'));
  if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json'))
    return fail(new AppError('request.invalid-json'));
  const text = await readBody(req);
  // Answered before reading the rest: the connection closes so the client stops sending.
  if (text === TOO_LARGE) return fail(new AppError('request.too-large'), true);
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return fail(new AppError('request.too-deep'));
  let input: unknown;
  try {
    input = text.length ? JSON.parse(text) : {};
  } catch {
    return fail(new AppError('request.invalid-json'));
  }
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
  const background = req.headers['x-acogida-background'] === '1';
  const result = await call(match[1]!, input, { token, locale, background });
  send(res, result.ok ? 200 : errorStatus(result.error.code), result);
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, locale: Locale, error: AppError, close = false): void {
  send(res, errorStatus(error.code), { ok: false, error: error.toValue(locale) }, close);
}

/**
 * The body as text, or TOO_LARGE. A declared length over the limit is refused without reading;
 * a chunked body that grows past it is drained and discarded (memory stays bounded) and refused.
 */
function readBody(req: IncomingMessage): Promise<string | typeof TOO_LARGE> {
  if (Number(req.headers['content-length']) > MAX_BODY) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Whether JSON text nests arrays/objects deeper than `max`, found in one pass over the text
 * before anything parses it (deep nesting is cheap to send and expensive to walk afterwards).
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function logError(message: string, error: unknown): void {
  console.error(message, error);
}

/** Listens on 127.0.0.1 only; port 0 picks a free one. Resolves with the URL. */
export function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${address.port}/`);
    });
  });
}
