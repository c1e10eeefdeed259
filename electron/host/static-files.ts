import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LOCALE, translate } from '../core/i18n/translate';

/**
 * Serves the built renderer with a strict Content-Security-Policy. Mantine injects <style>
 * elements, so each page gets a fresh nonce (placed in index.html's csp-nonce meta tag) instead
 * of 'unsafe-inline'. Shared by the loopback host and Electron's app:// protocol.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * The path part of a request URL, percent-decoded; null when the encoding is malformed (`/%`,
 * an overlong UTF-8 `%c0%ae`) or it hides a NUL byte. Never throws: a request must not end
 * the process that serves it.
 */
export function decodeRequestPath(url: string): string | null {
  const raw = url.split(/[?#]/)[0] || '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

export async function serveStatic(root: string, urlPath: string): Promise<StaticResponse> {
  const decoded = decodeRequestPath(urlPath);
  if (decoded === null) return { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: translate(DEFAULT_LOCALE, 'errors.request.bad-path') };
  const resolved = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  const inside = resolved === root || resolved.startsWith(root + path.sep);
  const isAsset = inside && path.extname(resolved) !== '';
  const file = isAsset ? resolved : path.join(root, 'index.html'); // client-side routes get the app
  try {
    const data = await readFile(file);
    const nonce = randomBytes(16).toString('base64');
    const headers: Record<string, string> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (file.endsWith('index.html')) return { status: 200, headers, body: data.toString('utf8').replaceAll('__CSP_NONCE__', nonce) };
    return { status: 200, headers, body: data };
  } catch {
    return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  }
}
