import type { MethodName, Output, ParsedInput } from './contract';
import type { ServiceContext } from './context';
import { AppError } from './errors';

const COMMITTED = Symbol('committed-failure');

/** A failure whose writes must still be kept (e.g. counting a failed sign-in). */
export interface CommittedFailure {
  [COMMITTED]: true;
  error: AppError;
}

export function failAfterCommit(error: AppError): CommittedFailure {
  return { [COMMITTED]: true, error };
}

export function isCommittedFailure(value: unknown): value is CommittedFailure {
  return typeof value === 'object' && value !== null && COMMITTED in value;
}

/**
 * A service for one method. `prepare` runs before the transaction for slow async work (password
 * hashing); `run` is synchronous and runs inside ONE SQLite transaction with the audit entry.
 */
export interface Handler<M extends MethodName, P = undefined> {
  prepare?: (ctx: ServiceContext, input: ParsedInput<M>) => Promise<P>;
  run: (ctx: ServiceContext, input: ParsedInput<M>, prepared: P) => Output<M> | CommittedFailure;
  /** Name to audit when the caller has no session yet (the user name tried at sign-in). */
  auditUsername?: (input: ParsedInput<M>) => string;
  /**
   * Work that cannot run inside a transaction, done after the commit (a WAL checkpoint). The
   * call has succeeded by then: a failure here is logged, never turned into the call's error.
   */
  afterCommit?: (ctx: ServiceContext) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler<M extends MethodName> = Handler<M, any>;

export function handle<M extends MethodName, P = undefined>(_method: M, handler: Handler<M, P>): AnyHandler<M> {
  return handler;
}
