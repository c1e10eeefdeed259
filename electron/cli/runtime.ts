import fs from 'node:fs';
import path from 'node:path';
import type { Input, MethodName, Output } from '../core/contract';
import { DateOrderSchema, IsoDateTime } from '../core/contract/common';
import type { DateOrder } from '../core/partial-date';
import { clockStartingAt, systemClock, type Actor, type Clock, type Core } from '../core/context';
import { openCore } from '../core/core';
import { dispatch } from '../core/dispatch';
import type { ErrorValue } from '../core/errors';
import { asLocale, translate } from '../core/i18n/translate';
import { defaultDatabasePath } from '../core/paths';
import type { Role } from '../core/roles';
import { CLI_USERNAME } from '../core/domains/setup/service';
import { CallFailed } from '../core/testing/fixtures';

export const locale = asLocale((process.env.ACOGIDA_LANG ?? process.env.LANG ?? 'es').slice(0, 2));
export const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);

/** The CLI acts as the system user `cli` with every role but psychologist (no confidential notes). */
export const CLI_ROLES: readonly Role[] = ['admin', 'manager', 'clerk', 'alert_officer', 'protection_officer'];

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export class CliFailure extends Error {
  constructor(readonly error: ErrorValue) {
    super(error.message);
  }
}

/** A problem with how the command was called; its message is already translated. */
export class CliUsageError extends Error {}

/**
 * The real clock, or one that starts at ACOGIDA_CLOCK_START and runs on from there: a rehearsal
 * of an evening flight, or an end-to-end test at 23:30 centre time. Said on stderr when in use.
 */
export function cliClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env.ACOGIDA_CLOCK_START;
  if (!start) return systemClock;
  const parsed = IsoDateTime.safeParse(start.trim());
  if (!parsed.success) throw new CliUsageError(t('cli.clockStartInvalid'));
  process.stderr.write(`${t('cli.clockStarted', { at: parsed.data })}\n`);
  return clockStartingAt(new Date(parsed.data));
}

/** `--date-order`: dmy (day first, the default) or mdy (month first, as US manifests write dates). */
export const DATE_ORDER_HELP = 'dmy | mdy: cómo leer 03/04/1968 si ninguna fecha del archivo lo aclara (por omisión, día primero)';

export function dateOrderOption(value: string | undefined): { dateOrder?: DateOrder } {
  if (value === undefined) return {};
  const parsed = DateOrderSchema.safeParse(value.trim().toLowerCase());
  if (!parsed.success) throw new CliUsageError(t('cli.dateOrderInvalid', { value }));
  return { dateOrder: parsed.data };
}

export function openCliCore(options: GlobalOptions): { core: Core; file: string } {
  const file = cliDatabaseFile(options);
  return { core: openCore(file, cliClock()), file };
}

/** The database file of --db (or the default), its folder created. */
export function cliDatabaseFile(options: GlobalOptions): string {
  const file = path.resolve(options.db ?? defaultDatabasePath());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** ACOGIDA_CLOCK_START checked and said (cliClock), for a core opened in its worker thread. */
export function cliClockStart(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return cliClock(env) === systemClock ? undefined : IsoDateTime.parse(env.ACOGIDA_CLOCK_START!.trim());
}

export function cliActor(core: Core): Actor {
  const row = core.db
    .prepare('SELECT id FROM users WHERE username = ? AND is_system = 1 AND deleted_at IS NULL')
    .get(CLI_USERNAME) as { id: string } | undefined;
  return { kind: 'system', userId: row?.id ?? null, username: CLI_USERNAME, roles: CLI_ROLES, sessionId: null };
}

/** Calls a contract method through dispatch (validated, authorised, audited) as the CLI user. */
export async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await dispatch(core, method, input, { system: cliActor(core), locale });
  if (!result.ok) throw new CliFailure(result.error);
  return result.value as Output<M>;
}

/** Prints a result as JSON (--json) or as a line of text. */
/** A JSON file given on the command line, read and parsed, or a usage error naming it. */
export function readJsonFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new CliUsageError(t('cli.fileNotFound', { file }));
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new CliUsageError(t('cli.badJson', { file }));
  }
}

export function print(options: GlobalOptions, value: unknown, text: string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

/** Runs a command body; failures print a translated message (or JSON) and exit non-zero. */
export async function run(options: GlobalOptions, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const value: ErrorValue =
      error instanceof CliFailure || error instanceof CallFailed
        ? error.error
        : error instanceof CliUsageError
          ? { code: 'input.invalid', message: error.message }
          : typeof error === 'object' && error !== null && 'toValue' in error
            ? (error as { toValue(l: typeof locale): ErrorValue }).toValue(locale)
            : { code: 'internal', message: `${t('errors.internal')} (${(error as Error).message})` };
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: value }, null, 2)}\n`);
    else process.stderr.write(`${value.message}\n`);
    process.exitCode = 1;
  }
}
