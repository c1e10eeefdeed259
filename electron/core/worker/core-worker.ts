import { parentPort } from 'node:worker_threads';
import { clockStartingAt, systemClock, type Core } from '../context';
import { closeCore, openCore } from '../core';
import { dispatch } from '../dispatch';
import { AppError } from '../errors';
import { endAllSessions } from '../sessions';
import { SyncLoop } from '../sync/engine';
import { MaintenanceLoop } from '../maintenance/loop';
import { SLOW_CALL_MS, type WorkerReply, type WorkerRequest } from './protocol';

/**
 * The core's own thread (like Signal's SQL worker): it opens the database and runs every call
 * through dispatch, so the Electron main process and the loopback host never run SQL on the
 * thread that draws the window or accepts connections. Calls are not queued here: each runs as
 * dispatch would in-process, and their asynchronous parts interleave as before.
 */
const port = parentPort;
if (!port) throw new Error('core-worker: must run as a worker thread');

let core: Core | null = null;
let maintenance: MaintenanceLoop | null = null;
const post = (reply: WorkerReply) => port.postMessage(reply);

port.on('message', (request: WorkerRequest) => {
  switch (request.kind) {
    case 'open':
      return post({ kind: 'opened', ...open(request) });
    case 'call':
      return void call(request.id, request.method, request.input, request.options);
    case 'close':
      core?.sync?.stop();
      maintenance?.stop();
      if (core) closeCore(core);
      core = null;
      return post({ kind: 'closed' });
  }
});

function open(request: Extract<WorkerRequest, { kind: 'open' }>): Omit<Extract<WorkerReply, { kind: 'opened' }>, 'kind'> {
  try {
    const clock = request.clockStart ? clockStartingAt(new Date(request.clockStart)) : systemClock;
    const keys = request.keys && { database: Buffer.from(request.keys.database), audit: Buffer.from(request.keys.audit) };
    core = keys ? openCore(request.file, clock, keys) : openCore(request.file, clock);
    if (request.endSessions) endAllSessions(core);
    // Background sync with the centre's upstream, when one is configured (a no-op otherwise).
    core.sync = new SyncLoop(core);
    core.sync.start();
    // The daily backup and the file's daily check (issue 20).
    maintenance = new MaintenanceLoop(core);
    maintenance.start();
    return {};
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, details: error.details } };
    return { error: { message: error instanceof Error ? error.message : String(error) } };
  }
}

async function call(id: number, method: string, input: unknown, options: Extract<WorkerRequest, { kind: 'call' }>['options']) {
  if (!core) return post({ kind: 'result', id, result: { ok: false, error: new AppError('internal').toValue(options.locale ?? 'es') } });
  const started = performance.now();
  const result = await dispatch(core, method, input, options);
  const ms = performance.now() - started;
  if (ms > SLOW_CALL_MS) console.warn(`acogida: ${method.slice(0, 64)} took ${Math.round(ms)} ms`);
  post({ kind: 'result', id, result });
}
