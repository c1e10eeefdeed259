import { appendAudit } from './audit-log';
import { contract, isMethodName, type MethodName } from './contract';
import { ANONYMOUS, type Actor, type Core, type ServiceContext } from './context';
import { AppError, type ErrorValue } from './errors';
import { isCommittedFailure, type AnyHandler } from './handler';
import { asLocale, type Locale } from './i18n/translate';
import { PERMISSIONS, roleAllows } from './permissions';
import { handlers } from './domains/services';
import { readSettings } from './domains/settings/store';
import { outboxMarkIfErasures, scrubWritesAboutErased } from './domains/erasure/store';
import { resolveSession, touchSession } from './sessions';
import { summarizeIssues, validate } from './validation';

export type Result<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorValue };

export interface CallOptions {
  /** Bearer token of a session (IPC and loopback host). */
  token?: string | null;
  /** A trusted in-process caller (the CLI), audited under its own name. */
  system?: Actor;
  /** Language for messages when there is no session (the transport's best guess). */
  locale?: Locale;
  /**
   * No user action led to this call (the renderer's polls): it runs as usual but does not count
   * as activity, so it never holds off the idle lock.
   */
  background?: boolean;
}

interface Caller {
  actor: Actor;
  locale: Locale;
  locked: boolean;
}

/**
 * The single entry to the core: validate → authorise → run in one transaction → validate
 * output → audit. Never throws; every failure is an error value and changes nothing.
 */
export async function dispatch(core: Core, method: string, rawInput: unknown, options: CallOptions = {}): Promise<Result> {
  let caller: Caller = { actor: ANONYMOUS, locale: options.locale ?? defaultLocale(core), locked: false };
  let auditUser: string | null = null;
  let records: Set<string> = new Set();
  try {
    caller = identify(core, options, caller.locale, rawInput);
    if (!isMethodName(method)) throw new AppError('method.unknown', { method: String(method).slice(0, 64) });
    authorise(core, method, caller);

    const spec = contract[method];
    const parsed = validate(spec.input, rawInput === undefined ? {} : rawInput, caller.locale);
    if (!parsed.success)
      throw new AppError('input.invalid', { issues: parsed.issues, summary: summarizeIssues(parsed.issues) });

    const handler = handlers[method] as AnyHandler<MethodName>;
    auditUser = handler.auditUsername?.(parsed.data as never) ?? null;
    const rollbacks: (() => void)[] = [];
    const ctx: ServiceContext = {
      db: core.db,
      core,
      actor: caller.actor,
      clock: core.clock,
      locale: caller.locale,
      records,
      sensitive: false,
      onRollback: (undo) => rollbacks.push(undo),
    };
    records = ctx.records;
    const prepared = handler.prepare ? await handler.prepare(ctx, parsed.data as never) : undefined;

    let committedError: AppError | null = null;
    let value: unknown;
    try {
      value = core.db
        .transaction(() => {
          const outboxBefore = outboxMarkIfErasures(core.db);
          const result = handler.run(ctx, parsed.data as never, prepared);
          if (outboxBefore !== null) scrubWritesAboutErased(core.db, outboxBefore);
          if (isCommittedFailure(result)) {
            committedError = result.error;
            writeAudit(core, method, ctx.actor, auditUser, ctx.records, result.error.code, ctx.sensitive);
            return undefined;
          }
          const out = validate(spec.output, result, caller.locale);
          if (!out.success) throw new Error(`Output of ${method} failed validation: ${summarizeIssues(out.issues)}`);
          if (caller.actor.sessionId && !options.background) touchSession(core, caller.actor.sessionId);
          if (spec.audit !== false && !(spec.audit === 'read' && readRecently(core, method, ctx.actor, ctx.records)))
            writeAudit(core, method, ctx.actor, auditUser, ctx.records, 'ok', ctx.sensitive);
          return out.data;
        })
        .immediate();
    } catch (error) {
      for (const undo of rollbacks) undo();
      throw error;
    }
    flushAuditHead(core);
    if (committedError) return { ok: false, error: (committedError as AppError).toValue(caller.locale) };
    if (handler.afterCommit) {
      try {
        handler.afterCommit(ctx);
      } catch (error) {
        console.error(`acogida: after ${method} committed`, error);
      }
    }
    return { ok: true, value };
  } catch (error) {
    const appError = error instanceof AppError ? error : (storageError(error) ?? internalError(method, error));
    auditFailure(core, method, caller.actor, auditUser, records, appError.code);
    return { ok: false, error: appError.toValue(caller.locale) };
  }
}

/**
 * Work the core does on its own account, not a contract call (a restored desk taking a new
 * identity, electron/core/maintenance/backup.ts): one immediate transaction with a service
 * context, audited as `label` under `actor`, the head file written after the commit.
 */
export function runInternal<T>(core: Core, actor: Actor, label: string, work: (ctx: ServiceContext) => T): T {
  const rollbacks: (() => void)[] = [];
  const ctx: ServiceContext = {
    db: core.db,
    core,
    actor,
    clock: core.clock,
    locale: defaultLocale(core),
    records: new Set(),
    sensitive: false,
    onRollback: (undo) => rollbacks.push(undo),
  };
  let value: T;
  try {
    value = core.db
      .transaction(() => {
        const result = work(ctx);
        writeAudit(core, label, actor, null, ctx.records, 'ok');
        return result;
      })
      .immediate();
  } catch (error) {
    for (const undo of rollbacks) undo();
    throw error;
  }
  flushAuditHead(core);
  return value;
}

function identify(core: Core, options: CallOptions, fallback: Locale, rawInput: unknown): Caller {
  if (options.system) return { actor: options.system, locale: fallback, locked: false };
  if (options.token) {
    const session = core.identity ? resolveSession(core, options.token) : null;
    if (session) return { actor: session.actor, locale: session.locale, locked: session.locked };
  }
  // Without a session, a `locale` field in the input (sign-in, setup) chooses the language.
  const inputLocale =
    rawInput && typeof rawInput === 'object' && 'locale' in rawInput ? asLocale((rawInput as { locale: unknown }).locale) : null;
  return { actor: ANONYMOUS, locale: inputLocale ?? fallback, locked: false };
}

function authorise(core: Core, method: MethodName, caller: Caller): void {
  const permission = PERMISSIONS[method];
  if (!core.identity && !method.startsWith('setup.')) throw new AppError('setup.required');
  if (permission.access === 'public') return;
  if (caller.actor.kind === 'anonymous') throw new AppError('auth.required');
  if (caller.locked && !permission.whileLocked) throw new AppError('auth.session-locked');
  if (!roleAllows(permission, caller.actor.roles)) throw new AppError('forbidden', { method });
}

function writeAudit(
  core: Core,
  method: string,
  actor: Actor,
  auditUser: string | null,
  records: Set<string>,
  outcome: string,
  sensitive = false,
): void {
  appendAudit(core.db, core.keys.audit, {
    at: core.clock.now().toISOString(),
    centreId: core.identity?.centreId ?? null,
    workstationId: core.identity?.workstationId ?? null,
    userId: actor.userId,
    username: actor.kind === 'anonymous' && auditUser ? auditUser : actor.username,
    roles: actor.roles,
    method: method.slice(0, 64),
    recordIds: [...records],
    outcome,
    sensitive: sensitive || (isMethodName(method) ? PERMISSIONS[method].sensitive === true : false),
  });
}

/** Reads of the same records by the same user within this window make one audit entry. */
const READ_WINDOW_MS = 5 * 60_000;

/** Whether this user already read exactly these records with this method a moment ago. */
function readRecently(core: Core, method: string, actor: Actor, records: Set<string>): boolean {
  if (!actor.userId) return false;
  const since = new Date(core.clock.now().getTime() - READ_WINDOW_MS).toISOString();
  return (
    core.db
      // audit_user (username, at) finds the few entries of the window; user_id guards a reused name.
      .prepare("SELECT 1 FROM audit_log WHERE username = ? AND at >= ? AND user_id = ? AND method = ? AND record_ids = ? AND outcome = 'ok' LIMIT 1")
      .get(actor.username, since, actor.userId, method, JSON.stringify([...records])) !== undefined
  );
}

/** A refused or failed call is audited too, in its own transaction (the call's was rolled back). */
function auditFailure(core: Core, method: string, actor: Actor, auditUser: string | null, records: Set<string>, code: string) {
  try {
    core.db.transaction(() => writeAudit(core, method, actor, auditUser, records, code)).immediate();
  } catch (error) {
    console.error('acogida: could not audit a failed call', error);
  }
  flushAuditHead(core);
}

/**
 * After a commit, the chain head goes to the head file beside the database. The record is already
 * committed: a head file that cannot be written is logged (and `audit verify` will say so), the
 * call still succeeds.
 */
function flushAuditHead(core: Core): void {
  try {
    core.auditHead.flush(core.db);
  } catch (error) {
    console.error('acogida: could not write the audit chain head', error);
  }
}

/**
 * A write the disk could not take (full, or read-only media): the transaction was rolled back,
 * nothing partial is committed, and the caller is told in words; reading goes on as before.
 */
function storageError(error: unknown): AppError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'ENOSPC') return new AppError('db.disk-full');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new AppError('db.read-only');
  return null;
}

function internalError(method: string, error: unknown): AppError {
  console.error(`acogida: internal error in ${method}`, error);
  return new AppError('internal');
}

function defaultLocale(core: Core): Locale {
  try {
    return core.identity ? readSettings(core.db).defaultLocale : 'es';
  } catch {
    return 'es';
  }
}
