import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoManifest } from '../../electron/cli/demo-arrivals';
import type { Core } from '../../electron/core/context';
import { openCore } from '../../electron/core/core';
import { syncOnce } from '../../electron/core/sync/engine';
import { callAs, callOk } from '../../electron/core/testing/fixtures';
import { joinDesk, registerFirstDesk, tableHashes, withClient } from '../../electron/core/testing/desks';
import { openRaw, tempDir, upstreamForFile } from '../helpers';

/**
 * kill -9 of a desk's `acogida sync` at random moments of its push and of its pull, 60 trials.
 * After each: the file passes integrity_check, every change the desk marked as pushed is in the
 * upstream log exactly once, and every change before the desk's cursor is applied here. At the
 * end the two desks are identical. Zone-independent, so it runs once, in the first zone.
 */
const FIRST_ZONE = 'UTC';
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
const TRIALS = 30;

const postgres = upstreamForFile();

/** Runs `acogida sync --once` and kills it with SIGKILL after `ms` (if it is still running). */
function killedSync(db: string, ms: number, batch: number): Promise<{ outcome: 'killed' | 'finished'; elapsed: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'sync', '--db', db, '--once', '--batch', String(batch), '--json'], { stdio: 'ignore', env: process.env });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ outcome: signal === 'SIGKILL' ? 'killed' : 'finished', elapsed: performance.now() - started });
    });
  });
}

/**
 * When to kill: somewhere in the second half of how long a whole run takes here (startup is the
 * first half), learnt from the runs that finished, so the kills land in the sync on any machine.
 */
class KillTimer {
  private typical = 1500;
  constructor(private readonly r: () => number) {}
  next(): number {
    return Math.round(this.typical * (0.5 + 0.5 * this.r()));
  }
  learn(run: { outcome: string; elapsed: number }): void {
    if (run.outcome === 'finished') this.typical = Math.round((this.typical + run.elapsed) / 2);
  }
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe.runIf(!process.env.TZ || process.env.TZ === FIRST_ZONE)('a syncing process killed at random', () => {
  it('loses and doubles nothing, push or pull, over 60 kill -9 trials', async () => {
    const dir = tempDir();
    const fileA = path.join(dir, 'a.db');
    const fileB = path.join(dir, 'b.db');
    let a: Core = openCore(fileA);
    await callOk(a, 'setup.init', {
      centre: { name: 'Centro Cortes de Luz', country: 'GTM', timeZone: 'America/Guatemala' },
      workstationName: 'Mesa 1',
      admin: { username: 'admin', displayName: 'Ana Admin', password: 'admin-password-123' },
    });
    const url = await registerFirstDesk(a, postgres().adminUrl);
    let b: Core = openCore(fileB);
    await joinDesk(b, url, 'Mesa 2');
    b.db.close();
    const centreId = a.identity!.centreId;
    const r = random(16);
    const outcomes: Record<string, number> = {};
    const note = (what: string) => (outcomes[what] = (outcomes[what] ?? 0) + 1);
    const pushTimer = new KillTimer(r);
    const pullTimer = new KillTimer(r);

    const upstreamIds = () =>
      withClient(postgres().adminUrl, async (client) => {
        const rows = await client.query('SELECT change_id, count(*) OVER (PARTITION BY change_id) AS n FROM acogida.change_log WHERE centre_id = $1', [centreId]);
        for (const row of rows.rows) expect(Number(row.n)).toBe(1);
        return new Set(rows.rows.map((row: { change_id: string }) => row.change_id));
      });

    // Work for the trials: a flight of 135, then more edits before each push trial.
    await callAs(a, ['manager', 'clerk'], 'manifests.import', {
      fileName: 'vuelo.csv',
      contentBase64: Buffer.from(demoManifest(135, 3)).toString('base64'),
      arrival: { kind: 'flight', route: 'air', originCountry: 'USA', reference: 'GXA 900', date: '2026-11-25' },
    });
    const [institution] = await callAs(a, ['manager'], 'institutions.list', {});
    a.db.close();

    for (let trial = 0; trial < TRIALS; trial++) {
      // Push: A has changes waiting; its sync is killed somewhere in its run.
      a = openCore(fileA);
      for (let i = 0; i < 120; i++) await callAs(a, ['manager'], 'institutions.update', { id: institution!.id, contact: `Tel. ${trial}-${i}` });
      a.db.close();
      const push = await killedSync(fileA, pushTimer.next(), 3);
      pushTimer.learn(push);
      const pushed = push.outcome;
      const rawA = openRaw(fileA);
      expect(rawA.pragma('integrity_check', { simple: true })).toBe('ok');
      const marked = rawA.prepare('SELECT id FROM changes WHERE pushed_at IS NOT NULL').pluck().all() as string[];
      const waiting = rawA.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get() as number;
      rawA.close();
      const upstream = await upstreamIds();
      for (const id of marked) expect(upstream.has(id)).toBe(true);
      note(`push ${pushed}${pushed === 'killed' ? (waiting === 0 ? ' after the push' : marked.length ? ' mid-push' : ' before pushing') : ''}`);

      // Pull: B is behind; its sync is killed while it applies batches.
      const pull = await killedSync(fileB, pullTimer.next(), 3);
      pullTimer.learn(pull);
      const pulled = pull.outcome;
      const rawB = openRaw(fileB);
      expect(rawB.pragma('integrity_check', { simple: true })).toBe('ok');
      const cursor = Number(rawB.prepare("SELECT value FROM local_meta WHERE key = 'sync_cursor'").pluck().get() ?? 0);
      const own = rawB.prepare("SELECT value FROM local_meta WHERE key = 'workstation_id'").pluck().get() as string;
      const applied = await withClient(postgres().adminUrl, async (client) => {
        const rows = await client.query("SELECT table_name, row_id FROM acogida.change_log WHERE centre_id = $1 AND seq <= $2 AND origin <> $3 AND op = 'insert'", [centreId, cursor, own]);
        return rows.rows as { table_name: string; row_id: string }[];
      });
      for (const change of applied) expect(rawB.prepare(`SELECT 1 FROM ${change.table_name} WHERE id = ?`).get(change.row_id), `${change.table_name}/${change.row_id}`).toBeTruthy();
      rawB.close();
      note(`pull ${pulled}`);
    }

    // Everyone syncs to the end: the same data, nothing doubled.
    a = openCore(fileA);
    b = openCore(fileB);
    await syncOnce(a);
    await syncOnce(b);
    await syncOnce(a);
    expect(tableHashes(b)).toEqual(tableHashes(a));
    expect(a.db.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get()).toBe(0);
    await upstreamIds();
    a.db.close();
    b.db.close();
    // The table of trials and outcomes (at least some kills must land mid-sync to mean anything).
    console.log(['| trial outcome | count |', '|---|---|', ...Object.entries(outcomes).map(([k, v]) => `| ${k} | ${v} |`)].join('\n'));
    expect(Object.values(outcomes).reduce((n, v) => n + v, 0)).toBe(2 * TRIALS);
    expect((outcomes['push killed mid-push'] ?? 0) + (outcomes['pull killed'] ?? 0)).toBeGreaterThan(5);
  }, 600_000);
});
