import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Core } from '../context';
import { dispatch, type CallOptions, type Result } from '../dispatch';
import { AppError, type ErrorCode } from '../errors';
import type { WorkstationKeys } from '../keys';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Calls the core the same way wherever it runs: in this thread (CLI, tests) or in its worker. */
export type CallCore = (method: string, input: unknown, options: Pick<CallOptions, 'token' | 'locale' | 'background'>) => Promise<Result>;

export interface OpenOptions {
  file: string;
  keys?: WorkstationKeys;
  clockStart?: string;
  endSessions?: boolean;
  /** The worker's script: the built core-worker.js in Electron; from source, entry.cjs beside this file. */
  script?: string;
}

/** The worker script when running from source (tsx). */
export const SOURCE_WORKER = path.join(__dirname, 'entry.cjs');

/**
 * The core in a worker thread. `open` resolves once the database is open (or rejects with the
 * same AppError openCore would throw: a missing key, a newer database); `call` forwards to
 * dispatch there; answers come back in any order, matched by id.
 */
export class CoreWorker {
  private next = 1;
  private readonly waiting = new Map<number, (result: Result) => void>();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind !== 'result') return;
      this.waiting.get(reply.id)?.(reply.result);
      this.waiting.delete(reply.id);
    });
    // A worker that dies answers every waiting call with `internal` rather than leaving it hanging.
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('core worker exited')));
  }

  static async open(options: OpenOptions): Promise<CoreWorker> {
    const worker = new Worker(options.script ?? SOURCE_WORKER);
    const opened = new Promise<Extract<WorkerReply, { kind: 'opened' }>>((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.kind !== 'opened') return;
        worker.off('message', onMessage);
        resolve(reply);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    const request: WorkerRequest = {
      kind: 'open',
      file: options.file,
      keys: options.keys,
      clockStart: options.clockStart,
      endSessions: options.endSessions ?? false,
    };
    worker.postMessage(request);
    const reply = await opened;
    if (reply.error) {
      await worker.terminate();
      if ('code' in reply.error) throw new AppError(reply.error.code as ErrorCode, reply.error.details);
      throw new Error(reply.error.message);
    }
    return new CoreWorker(worker);
  }

  readonly call: CallCore = (method, input, options) =>
    new Promise<Result>((resolve) => {
      const id = this.next++;
      this.waiting.set(id, resolve);
      const request: WorkerRequest = { kind: 'call', id, method, input, options };
      this.worker.postMessage(request);
    });

  /** Closes the database in the worker, then ends the worker. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.worker.on('message', (reply: WorkerReply) => reply.kind === 'closed' && resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage({ kind: 'close' } satisfies WorkerRequest);
    await closed;
    await this.worker.terminate();
  }

  private failAll(error: unknown): void {
    if (this.waiting.size === 0) return;
    console.error('acogida: the core worker stopped', error);
    for (const resolve of this.waiting.values()) resolve({ ok: false, error: new AppError('internal').toValue('es') });
    this.waiting.clear();
  }
}

/** The core in this thread (the CLI's one-shot commands, tests): the same calls, no worker. */
export function inProcess(core: Core): CallCore {
  return (method, input, options) => dispatch(core, method, input, options);
}
