import type { Input, MethodName, Output } from '@core/contract';
import type { ErrorValue } from '@core/errors';
import { trackPageActivity } from './activity';

type Result = { ok: true; value: unknown } | { ok: false; error: ErrorValue | { code: string; message: string } };
/** `background`: no user action led to this call (a poll); it must not hold off the idle lock. */
type Transport = (method: string, input: unknown, background: boolean) => Promise<Result>;

/** An error value from the core, thrown on the renderer side so TanStack Query sees it. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'acogida.token';
let locale = 'es';

export function setTransportLocale(value: string): void {
  locale = value;
}

/** Electron: the preload's invoke (the main process keeps the token). */
const ipc: Transport | null = window.acogida ? (m, i, background) => window.acogida!.invoke(m, i, { background, locale }) as Promise<Result> : null;

/** Browser on the loopback host: POST /api/<method> with the bearer token of this tab. */
const http: Transport = async (method, input, background) => {
  const token = sessionStorage.getItem(TOKEN_KEY);
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Acogida-Locale': locale,
        ...(background ? { 'X-Acogida-Background': '1' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'network', message: '' } };
  }
  return (await response.json()) as Result;
};

const transport: Transport = ipc ?? http;
const activity = trackPageActivity(window, () => performance.now());

/** Calls a contract method; typed from the contract, throws ApiError on an error value. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await transport(method, input, !activity.takeActivity());
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, 'details' in result.error ? result.error.details : undefined);
  const value = result.value as Output<M>;
  if (!ipc && value && typeof value === 'object' && 'token' in value && typeof value.token === 'string')
    sessionStorage.setItem(TOKEN_KEY, value.token);
  if (!ipc && method === 'auth.logout') sessionStorage.removeItem(TOKEN_KEY);
  return value;
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
