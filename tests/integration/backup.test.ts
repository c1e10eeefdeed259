import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/context';
import { openCore } from '../../electron/core/core';
import { keyFileFor } from '../../electron/core/keys';
import { listBackups, restoreBackup, verifyBackup } from '../../electron/core/maintenance/backup';
import { runDueMaintenance } from '../../electron/core/maintenance/loop';
import { callAs } from '../../electron/core/testing/fixtures';
import { ManualClock, setupCentre, snapshot, tempCore, tempDir } from '../helpers';

/**
 * Issue 20, backups and a full disk: a backup restores to an identical database; a damaged one
 * restores nothing; the rotation keeps 7 daily and 4 weekly; a write the disk cannot take says so
 * in Spanish, commits nothing, and the app goes on reading.
 */
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
const CLERK = ['clerk', 'manager'] as const;
const CANARY = 'Xiquitzal';

async function centreWithPeople(clock = new ManualClock()): Promise<{ core: Core; file: string }> {
  const made = tempCore(clock);
  await setupCentre(made.core);
  for (const given of ['Ana', 'Berta', 'Carla'])
    await callAs(made.core, CLERK, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
      person: { givenNames: given, firstSurname: CANARY, sex: 'F', nationality: 'GTM', languages: ['es'] },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
    } as never);
  return made;
}

describe('backups', () => {
  it('a backup is encrypted, verifies, and restores to a database identical table by table; the restore is in the audit', async () => {
    const { core, file } = await centreWithPeople();
    const made = await callAs(core, ['admin'], 'maintenance.backupNow', {});
    expect(made.kind).toBe('manual');
    expect(fs.readFileSync(made.file).includes(CANARY)).toBe(false);
    const before = snapshot(core);
    const auditBefore = core.db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    const check = verifyBackup(made.file, core.keys);
    expect(check).toMatchObject({ ok: true, integrity: 'ok', audit: { ok: true } });
    expect(check.tables.persons).toBe(3);

    // Restored over a copy of the workstation: every table the same, the log the same plus one entry.
    const target = path.join(tempDir(), 'restaurada.db');
    const result = restoreBackup(made.file, target, core.keys, { force: false, at: new Date('2026-11-26T10:00:00Z'), by: 'prueba' });
    expect(result).toMatchObject({ replaced: false, entriesAfterBackup: 0, previousWorkstationId: core.identity!.workstationId });
    expect(result.workstationId).not.toBe(core.identity!.workstationId);
    const restored = openCore(target, core.clock, core.keys);
    const rows = (snap: Record<string, string>, table: string) => JSON.parse(snap[table]!) as string[];
    const after = snapshot(restored);
    // Every table the same, but for the restored desk's new identity: one workstation row (the
    // same name, a new id) and its outbox change, and this desk's own notes.
    const { workstations: wsAfter, changes: chAfter, local_meta: metaAfter, ...restAfter } = after;
    const { workstations: wsBefore, changes: chBefore, local_meta: metaBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect(wsAfter).toBeTruthy();
    const newRows = <T,>(a: T[], b: T[]) => a.filter((x) => !b.includes(x));
    expect(rows(after, 'workstations')).toEqual(expect.arrayContaining(rows(before, 'workstations')));
    const [newDesk] = newRows(rows(after, 'workstations'), rows(before, 'workstations')).map((r) => JSON.parse(r) as { id: string; name: string });
    expect(newRows(rows(after, 'workstations'), rows(before, 'workstations'))).toHaveLength(1);
    expect(newDesk).toMatchObject({ id: result.workstationId, name: 'Mesa 1' });
    expect(rows(after, 'changes')).toEqual(expect.arrayContaining(rows(before, 'changes')));
    expect(newRows(rows(after, 'changes'), rows(before, 'changes')).map((r) => (JSON.parse(r) as { row_id: string }).row_id)).toEqual([result.workstationId]);
    const meta = (snap: string) => Object.fromEntries((JSON.parse(snap) as string[]).map((r) => JSON.parse(r) as { key: string; value: string }).map((r) => [r.key, r.value]));
    const metaNow = meta(metaAfter!);
    const metaThen = meta(metaBefore!);
    expect(metaNow.workstation_id).toBe(result.workstationId);
    expect(JSON.parse(metaNow.restored_from!)).toMatchObject({ previousWorkstationId: metaThen.workstation_id, backup: path.basename(made.file) });
    // Of the other notes, all but the note of the backup made after the copy.
    for (const key of Object.keys(metaThen).filter((k) => !k.startsWith('maintenance_') && !['workstation_id', 'last_hlc'].includes(k))) expect(metaNow[key], key).toBe(metaThen[key]);
    expect(chBefore && chAfter && wsBefore).toBeTruthy();
    const auditAfter = restored.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { method: string }[];
    // The backup holds the log up to the copy (the backup's own entry is written just after it),
    // then the restore says so.
    expect((auditBefore.at(-1) as { method: string }).method).toBe('maintenance.backupNow');
    expect(auditAfter.slice(0, auditBefore.length - 1)).toEqual(auditBefore.slice(0, -1));
    expect(auditAfter.at(-1)!.method).toBe('backup.restore');
    restored.db.close();
    core.db.close();
    expect(file).toBeTruthy();
  });

  it('a damaged backup is refused and restores nothing; an existing database is replaced only with --force, and kept beside', async () => {
    const { core, file } = await centreWithPeople();
    const made = await callAs(core, ['admin'], 'maintenance.backupNow', {});
    await callAs(core, CLERK, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
      person: { givenNames: 'Dora', firstSurname: 'Después', sex: 'F', nationality: 'GTM', languages: ['es'] },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
    } as never);
    const damaged = path.join(tempDir(), 'danado.db');
    const bytes = fs.readFileSync(made.file);
    bytes.fill(0x41, 8192, 12288); // a page overwritten in the middle of the file
    fs.writeFileSync(damaged, bytes);
    const env = { ...process.env, ACOGIDA_LANG: 'es', ACOGIDA_KEY_FILE: keyFileFor(file) };
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
    const verify = cli(['backup', 'verify', damaged, '--db', file, '--json']);
    expect(verify.status).toBe(1);
    expect(JSON.parse(verify.stdout).ok).toBe(false);
    core.db.close();
    const sizeBefore = fs.statSync(file).size;
    const refusedDamaged = cli(['restore', damaged, '--db', file, '--force']);
    expect(refusedDamaged.status).toBe(1);
    expect(refusedDamaged.stderr).toMatch(/dañado|no se abre/);
    const refused = cli(['restore', made.file, '--db', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(fs.statSync(file).size).toBe(sizeBefore);
    const good = cli(['backup', 'verify', made.file, '--db', file, '--json']);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, integrity: 'ok', audit: { ok: true }, tables: { persons: 3 } });
    const restored = cli(['restore', made.file, '--db', file, '--force', '--json']);
    expect(restored.status, restored.stderr).toBe(0);
    const out = JSON.parse(restored.stdout) as { replaced: boolean; entries_after_backup: number };
    expect(out.replaced).toBe(true);
    expect(out.entries_after_backup).toBeGreaterThan(0); // Dora's registration, after the backup
    expect(fs.readdirSync(path.dirname(file)).some((f) => f.includes('.before-restore-'))).toBe(true);
    const reopened = openCore(file, new ManualClock(), core.keys);
    expect(reopened.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(3);
    reopened.db.close();
  });

  it('acogida backup writes the JSON other tools read', async () => {
    const { core, file } = await centreWithPeople();
    core.db.close();
    const dir = tempDir();
    const r = spawnSync(process.execPath, [BIN, 'backup', '--db', file, '--to', dir, '--json'], { encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es', ACOGIDA_KEY_FILE: keyFileFor(file) } });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['file', 'at', 'kind', 'size_bytes']);
    expect(listBackups(dir).map((b) => b.file)).toEqual([json.file]);
  });

  it('the schedule backs up once a day and keeps 7 daily and 4 weekly; the check runs daily', async () => {
    const clock = new ManualClock();
    const { core } = await centreWithPeople(clock);
    const dir = tempDir();
    process.env.ACOGIDA_BACKUP_DIR = dir;
    try {
      let backups = 0;
      for (let day = 0; day < 45; day++) {
        for (const hour of [0, 6, 12]) {
          clock.ms = Date.parse('2026-10-01T14:00:00Z') + day * 86_400_000 + hour * 3_600_000;
          const done = await runDueMaintenance(core);
          if (done.backup) backups++;
          if (hour > 0) expect(done.backup).toBeNull();
        }
      }
      expect(backups).toBe(45);
      const kept = listBackups(dir);
      expect(kept.filter((b) => b.kind === 'daily')).toHaveLength(7);
      expect(kept.filter((b) => b.kind === 'weekly')).toHaveLength(4);
      const status = await callAs(core, ['admin'], 'maintenance.status', {});
      expect(status.lastCheck).toMatchObject({ integrity: 'ok' });
      expect(status.lastBackup!.file).toBe(kept[0]!.file);
      await expect(callAs(core, ['clerk'], 'maintenance.status', {})).rejects.toMatchObject({ error: { code: 'forbidden' } });
    } finally {
      delete process.env.ACOGIDA_BACKUP_DIR;
    }
  });
});

/**
 * A small tmpfs, mounted for the test (root on Linux); null where mounting is not allowed. A real
 * full file system: SQLite and Node see ENOSPC exactly as on a full USB stick.
 */
function smallDisk(kilobytes: number): { dir: string; unmount(): void } | null {
  if (process.platform !== 'linux') return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-lleno-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { encoding: 'utf8' });
  const unmount = () => {
    spawnSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (mounted.status === 0) return { dir, unmount };
  unmount();
  return null;
}

describe('a disk that cannot take a write', () => {
  const probe = smallDisk(64);
  probe?.unmount();
  if (!probe) console.warn('backup.test: cannot mount a tmpfs here; the full-disk backup test is skipped');
  it.runIf(probe !== null)('a backup to a full disk (a 256 KB tmpfs) fails in Spanish, leaves no file behind, is noted when scheduled, and the desk goes on', async () => {
    const { dir, unmount } = smallDisk(256)!;
    try {
      const { core } = await centreWithPeople();
      const saved = process.env.ACOGIDA_BACKUP_DIR;
      process.env.ACOGIDA_BACKUP_DIR = dir;
      try {
        // By hand: refused in words, nothing written, nothing noted (the admin saw it fail).
        await expect(callAs(core, ['admin'], 'maintenance.backupNow', {})).rejects.toMatchObject({
          error: { code: 'backup.disk-full', message: expect.stringMatching(/lleno/) as unknown },
        });
        expect(fs.readdirSync(dir)).toEqual([]);
        // Scheduled: the same, and the admin screen says the last automatic backup failed.
        await expect(runDueMaintenance(core)).rejects.toMatchObject({ code: 'backup.disk-full' });
        expect(fs.readdirSync(dir)).toEqual([]);
        const status = await callAs(core, ['admin'], 'maintenance.status', {});
        expect(status.lastBackupError).toMatch(/backup\.disk-full/);
        expect(status.backupDir).toBe(dir);
        // The desk itself goes on.
        await callAs(core, CLERK, 'persons.register', {
          walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
          person: { givenNames: 'Elsa', firstSurname: 'Sigue', sex: 'F', nationality: 'GTM', languages: ['es'] },
          consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
        } as never);
      } finally {
        if (saved === undefined) delete process.env.ACOGIDA_BACKUP_DIR;
        else process.env.ACOGIDA_BACKUP_DIR = saved;
      }
    } finally {
      unmount();
    }
  });

  it('a full disk: a clear Spanish message, nothing partial, and reading goes on', async () => {
    const { core } = await centreWithPeople();
    const before = snapshot(core);
    // The file may not grow by one page more: as a full disk looks to SQLite.
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    const manifest = ['nombres;primer_apellido;sexo', ...Array.from({ length: 400 }, (_, i) => `Persona${i} Con Un Nombre Muy Largo Para Llenar;Apellido${i};M`)].join('\n');
    const big = await callAs(core, CLERK, 'manifests.import', {
      fileName: 'lleno.csv',
      contentBase64: Buffer.from(manifest).toString('base64'),
      arrival: { kind: 'flight', route: 'air', originCountry: 'USA', date: '2026-11-25' },
    } as never).catch((e: { error?: { code: string; message: string } }) => e.error);
    expect(big).toMatchObject({ code: 'db.disk-full' });
    expect((big as { message: string }).message).toContain('El disco está lleno');
    core.db.pragma('max_page_count = 1073741823');
    expect(snapshot(core)).toEqual(before);
    // Reading still works.
    expect((await callAs(core, CLERK, 'flow.board', { date: '2026-11-25' })).rows.length).toBe(3);
  });

  it('read-only media: the write is refused in words and the app keeps reading', async () => {
    const { core } = await centreWithPeople();
    const before = snapshot(core);
    core.db.pragma('query_only = ON');
    const refused = await callAs(core, CLERK, 'persons.register', {
      walkIn: { route: 'land', originCountry: 'MEX', date: '2026-11-25' },
      person: { givenNames: 'Elena', firstSurname: 'Solo Lectura', sex: 'F', nationality: 'GTM', languages: ['es'] },
      consent: { language: 'es', decisions: [{ purpose: 'registration', institution: '', granted: true }] },
    } as never).catch((e: { error?: { code: string; message: string } }) => e.error);
    expect(refused).toMatchObject({ code: 'db.read-only' });
    expect((refused as { message: string }).message).toContain('solo lectura');
    core.db.pragma('query_only = OFF');
    expect(snapshot(core)).toEqual(before);
    expect((await callAs(core, CLERK, 'flow.board', { date: '2026-11-25' })).rows.length).toBe(3);
  });
});
