import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCentreAsAdmin, shot, startHarness, type Harness } from './harness';

const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url);
});
afterAll(async () => {
  if (h) await h.close();
  // The restored database was served in place: its folder goes too.
  if (h) fs.rmSync(path.dirname(h.db), { recursive: true, force: true });
});

describe('backups and maintenance, end to end in Chromium', () => {
  it('the admin sees the database, backs up now, checks the file, and reads how to restore', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Respaldos' }).click();
    await page.getByRole('heading', { name: 'Respaldos y mantenimiento' }).waitFor();
    await expect.poll(() => page.getByTestId('db-size').textContent()).toMatch(/KB|MB/);
    await page.getByText('Aún no hay respaldos en esta carpeta.').waitFor();
    await page.getByRole('button', { name: 'Respaldar ahora' }).click();
    await page.getByText(/Respaldo guardado: .*acogida-\d{8}T\d{6}Z-manual\.db/).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toContain('manual');
    await page.getByRole('button', { name: 'Comprobar ahora' }).click();
    await expect.poll(() => page.getByTestId('last-check').textContent()).toContain('íntegra');
    await page.getByText('Cómo restaurar un respaldo').waitFor();
    expect(await page.getByText(/acogida restore ARCHIVO --db .* --force/).count()).toBe(1);
    await shot(page, '95-maintenance');
  });

  it('after a restore, the admin reads that this desk continues under a new code and what could not come back', async () => {
    // The app is closed, the backup restored from the command line, the app opened again.
    h.server.kill('SIGTERM');
    await once(h.server, 'exit');
    const backup = fs.readdirSync(path.join(path.dirname(h.db), 'respaldos')).find((f) => f.endsWith('-manual.db'))!;
    const restore = spawnSync(process.execPath, [BIN, 'restore', path.join(path.dirname(h.db), 'respaldos', backup), '--db', h.db, '--force', '--json'], { encoding: 'utf8', env: { ...process.env, ACOGIDA_LANG: 'es' } });
    expect(restore.status, restore.stdout + restore.stderr).toBe(0);
    const { workstation_id: id, upstream } = JSON.parse(restore.stdout) as { workstation_id: string; upstream: boolean };
    expect(upstream).toBe(false);
    await h.browser.close();
    h = await startHarness({ viewport: { width: 1366, height: 768 }, db: h.db });
    const { page } = h;
    await page.goto(h.url);
    await page.getByLabel('Usuario').fill('jefa');
    await page.getByLabel('Contraseña').fill('clave-jefa-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Respaldos' }).click();
    const notice = page.getByTestId('restored-from');
    await notice.getByText('Este puesto se restauró de un respaldo').waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(backup);
    expect(text).toContain(`el código ${id.replace(/-/g, '').slice(-4).toUpperCase()}`);
    expect(text).toContain('no tiene servidor central');
    await shot(page, '96-maintenance-restored');
  });
});
