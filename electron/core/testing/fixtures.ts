import type { Input, MethodName, Output } from '../contract';
import type { Actor, Core } from '../context';
import { dispatch, type CallOptions, type Result } from '../dispatch';
import type { ErrorValue } from '../errors';
import type { Role } from '../roles';

/**
 * The scaffolding tests, benches and the demo share, written once: call a method and get its
 * value (or a thrown error naming the code), act as a system caller with some roles, set up a
 * centre, sign someone in. Everything goes through dispatch, on a real database: nothing here
 * writes a row by hand.
 */

/** A failed call, as a thrown error that names the method and the code, and keeps the translated error. */
export class CallFailed extends Error {
  constructor(
    readonly method: string,
    readonly error: ErrorValue,
  ) {
    super(`${method} failed: ${error.code} ${error.message}`);
    this.name = 'CallFailed';
  }

  get code(): string {
    return this.error.code;
  }
}

/** The value of a result, or CallFailed. */
export function unwrap<T>(method: string, result: Result): T {
  if (!result.ok) throw new CallFailed(method, result.error);
  return result.value as T;
}

/** Calls a method through dispatch and returns its value (throws CallFailed otherwise). */
export async function callOk<M extends MethodName>(core: Core, method: M, input: Input<M>, options: CallOptions = {}): Promise<Output<M>> {
  return unwrap<Output<M>>(method, await dispatch(core, method, input, options));
}

/** A trusted in-process caller (like the CLI) holding `roles`, for benches and the demo. */
export function systemCaller(roles: readonly Role[], username = 'cli'): { system: Actor } {
  return { system: { kind: 'system', userId: null, username, roles, sessionId: null } };
}

/** Calls a method as a system caller holding `roles`. */
export function callAs<M extends MethodName>(core: Core, roles: readonly Role[], method: M, input: Input<M>): Promise<Output<M>> {
  return callOk(core, method, input, systemCaller(roles));
}

export interface CentreSetup {
  name?: string;
  country?: string;
  timeZone?: string;
  workstationName?: string;
  admin?: { username: string; displayName: string; password: string };
}

/** The centre a test or a bench starts from: in Guatemala unless said otherwise. */
export async function initCentre(core: Core, setup: CentreSetup = {}): Promise<Output<'setup.init'>> {
  return callOk(core, 'setup.init', {
    centre: { name: setup.name ?? 'Centro de Recepción de Retornados', country: setup.country ?? 'GTM', timeZone: setup.timeZone ?? 'America/Guatemala' },
    workstationName: setup.workstationName ?? 'Mesa 1',
    admin: setup.admin ?? { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
  });
}

/** Signs a user in and returns the session token. */
export async function signIn(core: Core, username: string, password: string): Promise<string> {
  return (await callOk(core, 'auth.login', { username, password })).token;
}
