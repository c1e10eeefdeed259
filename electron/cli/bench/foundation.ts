import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../core/core';
import { openDriver, type Database } from '../../core/db/driver';
import { openDatabase } from '../../core/db/open';
import { hashPassword } from '../../core/passwords';
import { percentile, type BenchRow } from './table';
import { callOk, initCentre } from '../../core/testing/fixtures';
import { BENCH_CENTRE } from './centre';

const WRITES = 2000;

/** One-row transactions straight into a table: the floor every audited write is measured against. */
function rawInserts(db: Database): number {
  db.exec('CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, centre_id TEXT, display_name TEXT, updated_at TEXT)');
  const insert = db.prepare('INSERT INTO bench_raw (centre_id, display_name, updated_at) VALUES (?, ?, ?)');
  const start = performance.now();
  for (let i = 0; i < WRITES; i++) insert.run('centre', `Nombre ${i}`, new Date().toISOString());
  return WRITES / ((performance.now() - start) / 1000);
}

/** Raw inserts (one transaction each, same pragmas and encryption) vs audited+outboxed dispatch writes. */
export async function benchFoundation(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-bench-'));
  try {
    // The same inserts on an unencrypted file (same pragmas) say what the encryption costs.
    const plain = openDriver(path.join(dir, 'plain.db'));
    for (const pragma of ['journal_mode = WAL', 'synchronous = FULL', 'secure_delete = ON']) plain.pragma(pragma);
    const plainRate = rawInserts(plain);
    plain.close();
    const raw = openDatabase(path.join(dir, 'raw.db'), { key: randomBytes(32) });
    const rawRate = rawInserts(raw);
    raw.close();

    const core = openCore(path.join(dir, 'core.db'));
    await initCentre(core, BENCH_CENTRE);
    const { token, session } = await callOk(core, 'auth.login', { username: BENCH_CENTRE.admin.username, password: BENCH_CENTRE.admin.password });
    const start = performance.now();
    for (let i = 0; i < WRITES; i++) await callOk(core, 'users.update', { id: session.userId, displayName: `Nombre ${i}` }, { token });
    const dispatchRate = WRITES / ((performance.now() - start) / 1000);
    core.db.close();

    const hashTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await hashPassword('una contraseña de prueba');
      hashTimes.push(performance.now() - t0);
    }
    const hashMedian = percentile(hashTimes, 50);
    const ratio = dispatchRate / rawRate;
    return [
      { benchmark: 'raw SQLite inserts, unencrypted file', result: `${plainRate.toFixed(0)} /s`, comparison: '1 tx each, synchronous=FULL', target: '—', pass: null },
      { benchmark: 'raw SQLite inserts, encrypted (SQLCipher scheme)', result: `${rawRate.toFixed(0)} /s`, comparison: `baseline; ${(rawRate / plainRate).toFixed(2)}× the unencrypted file`, target: '—', pass: null },
      {
        benchmark: 'dispatch writes (validated+audited+outbox)',
        result: `${dispatchRate.toFixed(0)} /s`,
        comparison: `${ratio.toFixed(2)}× raw (1/${(1 / ratio).toFixed(1)})`,
        target: '≥ 1/10 of raw',
        pass: ratio >= 0.1,
      },
      { benchmark: 'password hash (scrypt N=2^17,r=8,p=1)', result: `${hashMedian.toFixed(0)} ms`, comparison: 'median of 5', target: '0.2–1 s', pass: hashMedian >= 200 && hashMedian <= 1000 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
