import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { openCore } from '../../electron/core/core';
import { keyFileFor } from '../../electron/core/keys';
import { syncOnce } from '../../electron/core/sync/engine';
import { callAs } from '../../electron/core/testing/fixtures';
import { joinDesk, registerFirstDesk, tableHashes, withClient } from '../../electron/core/testing/desks';
import { ManualClock, setupCentre, tempCore, upstreamForFile } from '../helpers';

/**
 * Issue 20, item 2: a desk restored from a backup re-syncs from its upstream. Whatever it did
 * after the backup — people registered, numbers issued — had reached the upstream and comes back;
 * it goes on as a new workstation of the centre, so no case number is issued twice, and both
 * audit chains (the old one, which went further than the backup, and the new one) stay whole
 * upstream.
 */
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
const CLERK = ['clerk', 'manager'] as const;

const postgres = upstreamForFile();

async function register(core: Core, givenNames: string): Promise<{ id: string; caseNumber: string }> {
  const { person } = (await callAs(core, CLERK, 'persons.register', {
    walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
    person: { givenNames, firstSurname: 'Restauro', sex: 'F', nationality: 'GTM', languages: ['es'] },
    consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
  } as never)) as { person: { id: string; caseNumber: string } };
  return person;
}

const caseOf = (core: Core, id: string) => core.db.prepare('SELECT case_number FROM persons WHERE id = ?').pluck().get(id) as string | undefined;

function restoreCli(backup: string, db: string, extra: string[] = []) {
  const run = spawnSync(process.execPath, [BIN, 'restore', backup, '--db', db, '--force', '--json', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ACOGIDA_LANG: 'es', ACOGIDA_KEY_FILE: keyFileFor(db) },
  });
  expect(run.status, run.stderr + run.stdout).toBe(0);
  return JSON.parse(run.stdout) as {
    workstation_id: string;
    previous_workstation_id: string;
    upstream: boolean;
    resync: { pushed: number; pulled: number; conflicts: number } | null;
    resync_error: unknown;
    entries_after_backup: number;
  };
}

describe('a restored desk and its upstream', () => {
  it('gets back what it did after the backup, repeats no case number, and keeps both audit chains whole', async () => {
    const clock = new ManualClock();
    const a = tempCore(clock);
    await setupCentre(a.core);
    const url = await registerFirstDesk(a.core, postgres().adminUrl);
    const b = tempCore(clock);
    await joinDesk(b.core, url, 'Mesa 2');
    const centreId = a.core.identity!.centreId;
    const oldId = a.core.identity!.workstationId;

    const before = await register(a.core, 'Ana Antes');
    await syncOnce(a.core);
    const backup = await callAs(a.core, ['admin'], 'maintenance.backupNow', {});

    // After the backup: A registers and edits, syncs; B works too. Then A's disk dies.
    clock.advance(30);
    const after = await register(a.core, 'Beto Después');
    const [institution] = await callAs(a.core, ['manager'], 'institutions.list', {});
    await callAs(a.core, ['manager'], 'institutions.update', { id: institution!.id, contact: 'Tel. 2222-0000 (después del respaldo)' });
    const fromB = await register(b.core, 'Carla de la Mesa 2');
    await syncOnce(a.core);
    await syncOnce(b.core);
    await syncOnce(a.core);
    const oldHead = await withClient(postgres().adminUrl, async (c) => Number((await c.query('SELECT seq FROM acogida.audit_heads WHERE centre_id = $1 AND workstation_id = $2', [centreId, oldId])).rows[0].seq));
    const lastBeforeDeath = a.core.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    expect(oldHead).toBe(lastBeforeDeath);
    a.core.db.close();

    const restored = restoreCli(backup.file, a.file);
    expect(restored).toMatchObject({ previous_workstation_id: oldId, upstream: true, resync_error: null });
    expect(restored.workstation_id).not.toBe(oldId);
    expect(restored.resync!.pulled).toBeGreaterThan(0);
    expect(restored.entries_after_backup).toBeGreaterThan(0);

    const back = openCore(a.file, clock);
    try {
      expect(back.identity!.workstationId).toBe(restored.workstation_id);
      // What A did after the backup is back, with its number; so is B's work.
      expect(caseOf(back, before.id)).toBe(before.caseNumber);
      expect(caseOf(back, after.id)).toBe(after.caseNumber);
      expect(caseOf(back, fromB.id)).toBe(fromB.caseNumber);
      expect(back.db.prepare('SELECT contact FROM institutions WHERE id = ?').pluck().get(institution!.id)).toBe('Tel. 2222-0000 (después del respaldo)');
      // The backup's counter stood before Beto's number: the next person gets a new series, not his.
      const next = await register(back, 'Dora Nueva');
      expect(next.caseNumber).not.toBe(after.caseNumber);
      expect(next.caseNumber.split('-')[1]).not.toBe(after.caseNumber.split('-')[1]);
      const numbers = back.db.prepare('SELECT case_number FROM persons').pluck().all() as string[];
      expect(new Set(numbers).size).toBe(numbers.length);

      // Both desks converge (B learns the restored desk, and Dora).
      await syncOnce(back);
      await syncOnce(b.core);
      await syncOnce(back);
      expect(tableHashes(back)).toEqual(tableHashes(b.core));
      expect(back.db.prepare('SELECT count(*) FROM changes WHERE pushed_at IS NULL').pluck().get()).toBe(0);

      // Upstream: the old chain untouched (it went further than the backup); the new one is this
      // desk's whole log, the restore in it.
      const chains = await withClient(postgres().adminUrl, async (c) => {
        const res = await c.query('SELECT workstation_id, seq FROM acogida.audit_heads WHERE centre_id = $1', [centreId]);
        return Object.fromEntries(res.rows.map((r: { workstation_id: string; seq: string }) => [r.workstation_id, Number(r.seq)]));
      });
      expect(chains[oldId]).toBe(oldHead);
      expect(chains[restored.workstation_id]).toBe(back.db.prepare('SELECT max(seq) FROM audit_log').pluck().get());
      expect(back.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'backup.restore'").pluck().get()).toBe(1);
    } finally {
      back.db.close();
    }
    const verify = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--upstream', '--db', a.file, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, ACOGIDA_LANG: 'es', ACOGIDA_KEY_FILE: keyFileFor(a.file) },
    });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  }, 120_000);

  it('restored with --no-sync (or offline), the next sync brings the work back all the same', async () => {
    const clock = new ManualClock();
    const a = tempCore(clock);
    await setupCentre(a.core);
    await registerFirstDesk(a.core, postgres().adminUrl);
    const backup = await callAs(a.core, ['admin'], 'maintenance.backupNow', {});
    clock.advance(10);
    const after = await register(a.core, 'Elena Después');
    await syncOnce(a.core);
    a.core.db.close();

    const restored = restoreCli(backup.file, a.file, ['--no-sync']);
    expect(restored).toMatchObject({ upstream: true, resync: null, resync_error: null });
    const back = openCore(a.file, clock);
    try {
      expect(caseOf(back, after.id)).toBeUndefined();
      const counts = await syncOnce(back);
      expect(counts.pulled).toBeGreaterThan(0);
      expect(caseOf(back, after.id)).toBe(after.caseNumber);
    } finally {
      back.db.close();
    }
  }, 120_000);
});
