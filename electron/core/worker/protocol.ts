import type { CallOptions, Result } from '../dispatch';
import type { ErrorValue } from '../errors';

/** What the thread that owns the window or the sockets asks of the core's worker. */
export type WorkerRequest =
  | {
      kind: 'open';
      file: string;
      /** The database and audit keys (Electron's safeStorage); absent: the host key file. */
      keys?: { database: Uint8Array; audit: Uint8Array };
      /** ACOGIDA_CLOCK_START, already checked by the caller: the clock starts there and runs on. */
      clockStart?: string;
      /** End every session left from an earlier start (a token from before opens nothing). */
      endSessions: boolean;
    }
  | { kind: 'call'; id: number; method: string; input: unknown; options: Pick<CallOptions, 'token' | 'locale' | 'background'> }
  | { kind: 'close' };

/** What the worker answers. */
export type WorkerReply =
  | { kind: 'opened'; error?: { code: string; details: Record<string, unknown> } | { message: string } }
  | { kind: 'result'; id: number; result: Result }
  | { kind: 'closed' };

export type { ErrorValue };

/** A call slower than this is logged with its method (name and milliseconds, no data). */
export const SLOW_CALL_MS = 100;
