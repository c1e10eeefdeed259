import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../core/core';
import { initCentre } from '../../core/testing/fixtures';
import { rng } from '../bench/names';
import { markdownTable } from '../bench/table';

/**
 * Crash trials (issue 20, item 3): a process writing to the database — registrations, manifest
 * imports, whole-arrival deliveries — is killed with SIGKILL at a random moment, again and again
 * on the same file. After each kill the file must pass integrity_check and hold every write the
 * process had acknowledged (its side log, synced before the next write began), and no manifest
 * import may be half there. Sync is killed the same way in tests/integration/sync-faults.test.ts.
 *
 *   npm run trials                 200 trials (ACOGIDA_TRIALS to change)
 *   tests/integration/crash-trials.test.ts   a short version in CI
 */
export type TrialKind = 'registration' | 'manifest' | 'delivery';
export const KINDS: readonly TrialKind[] = ['registration', 'manifest', 'delivery'];

export interface TrialResult {
  trial: number;
  kind: TrialKind;
  killedAfterMs: number;
  acknowledged: number;
  outcome: 'killed' | 'exited';
  integrity: string;
  missing: number;
  partialImports: number;
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

/** `trials` kill -9 trials on one database, kinds in turn; returns one row per trial. */
export async function runTrials(trials: number, options: { dir?: string; seed?: number; onTrial?: (r: TrialResult) => void } = {}): Promise<TrialResult[]> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-trials-'));
  process.env.ACOGIDA_KEYS_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-trials-keys-'));
  const db = path.join(dir, 'trials.db');
  const setup = openCore(db);
  await initCentre(setup, { name: 'Centro de pruebas de cortes' });
  setup.db.close();
  const r = rng(options.seed ?? 2026);
  const results: TrialResult[] = [];
  // One log for every trial: after each kill, everything acknowledged so far must still be there.
  const log = path.join(dir, 'acknowledged.log');
  let before = 0;
  for (let trial = 1; trial <= trials; trial++) {
    const kind = KINDS[(trial - 1) % KINDS.length]!;
    // Anywhere from the first write to a few seconds of writing.
    const ms = Math.round(20 + r() * 2500);
    const outcome = await killedWorker(db, kind, log, trial, ms);
    const checked = check(db, log);
    const result: TrialResult = { trial, kind, killedAfterMs: ms, outcome, ...checked, acknowledged: checked.acknowledged - before };
    before = checked.acknowledged;
    results.push(result);
    options.onTrial?.(result);
  }
  return results;
}

/** The table `npm run trials` prints: per kind, how many trials, kills, acknowledged writes and problems. */
export function trialsTable(results: readonly TrialResult[]): string {
  const rows = KINDS.map((kind) => {
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
  return markdownTable(['kind', 'trials', 'killed', 'writes acknowledged', 'integrity failures', 'trials with a write missing', 'partial imports'], rows);
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
