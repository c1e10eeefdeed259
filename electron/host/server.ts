import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/context';
import { dispatch } from '../core/dispatch';
import { AppError, errorStatus } from '../core/errors';
import { asLocale } from '../core/i18n/translate';
import { serveStatic } from './static-files';

const MAX_BODY = 64 * 1024 * 1024;

/**
 * The loopback host: POST /api/<method> → dispatch, everything else → the built renderer.
 * Binds 127.0.0.1 only; requires JSON content type (forces a CORS preflight we never grant)
 * and a loopback Host header (defeats DNS rebinding).
 */
export function createHost(core: Core, rendererDir: string): Server {
  return createServer(async (req, res) => {
    const locale = asLocale(req.headers['x-acogida-locale']);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const fail = (error: AppError) => send(errorStatus(error.code), { ok: false, error: error.toValue(locale) });
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(req.headers.host ?? '')) return fail(new AppError('forbidden'));
    const match = /^\/api\/([\w.-]{1,64})$/.exec(req.url ?? '');
    if (!match) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(new AppError('method.unknown', { method: req.url }));
      const file = await serveStatic(rendererDir, req.url ?? '/');
      res.writeHead(file.status, file.headers);
      return res.end(req.method === 'HEAD' ? undefined : file.body);
    }
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json'))
      return fail(new AppError('request.invalid-json'));
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text.length ? JSON.parse(text) : {};
    } catch (error) {
      return fail(error instanceof AppError ? error : new AppError('request.invalid-json'));
    }
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const result = await dispatch(core, match[1]!, input, { token, locale });
    send(result.ok ? 200 : errorStatus(result.error.code), result);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new AppError('request.too-large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
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
