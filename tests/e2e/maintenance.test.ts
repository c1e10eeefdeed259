import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCentreAsAdmin, shot, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url);
});
afterAll(async () => {
  if (h) await h.close();
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
});
