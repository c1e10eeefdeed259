import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createUser, registerPerson, pdfText, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await createUser(h.page, { name: 'Edgar López', username: 'elopez', role: 'Coordinador/a', password: 'clave-coordina-1' });
});
afterAll(async () => {
  if (h) await h.close();
});

describe('daily summary, end to end in Chromium', () => {
  it('the manager opens the summary of the day, sees the person received, and changes the date', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await registerPerson(page, 'Marta', 'Xol');
    // A clerk has no summary.
    expect(await page.getByRole('link', { name: 'Resumen diario' }).count()).toBe(0);

    await switchUser(page, 'elopez', 'clave-coordina-1');
    await page.getByRole('link', { name: 'Resumen diario' }).click();
    await page.getByRole('heading', { name: 'Resumen del día' }).waitFor();
    const received = page.getByTestId('figure-received');
    await expect.poll(() => received.textContent()).toContain('1');
    expect(await page.getByText('Marta').count()).toBe(0); // counts only
    await shot(page, '90-summary');
    // The PDF the core makes (the same as the CLI's): a file with the day's figures as text.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^resumen-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(fs.readFileSync((await download.path())!));
    expect(text).toContain('Resumen del día');
    expect(text).toContain('Personas recibidas');
    expect(text).not.toContain('Marta');
    // The day before: nobody received yet.
    const day = page.getByLabel('Día (o desde)');
    const today = await day.inputValue();
    const [d, m, y] = today.split('/').map(Number) as [number, number, number];
    const yesterday = new Date(Date.UTC(y, m - 1, d - 1));
    const typed = `${String(yesterday.getUTCDate()).padStart(2, '0')}/${String(yesterday.getUTCMonth() + 1).padStart(2, '0')}/${yesterday.getUTCFullYear()}`;
    await day.fill(typed);
    await page.keyboard.press('Enter');
    await expect.poll(() => received.textContent()).toMatch(/^Personas recibidas0/);
    await day.fill(today);
    await page.keyboard.press('Enter');
    await expect.poll(() => received.textContent()).toMatch(/^Personas recibidas1/);
    await page.keyboard.press('Escape');
    // Charts are drawn (SVG), and their figures are written as text beside them.
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByTestId('chart-figures').first().textContent()).toMatch(/Mujeres|Sin dato|Hombres/);
    await shot(page, '91-summary-charts');
    // Printing: the browser's print dialog is asked for (recorded here instead of opened).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: 'Imprimir' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // The figures as a spreadsheet, and the anonymised file for statistics (manager only).
    await page.getByRole('button', { name: 'Descargar cifras' }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /hoja de cálculo/ }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^resumen-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    await page.getByRole('button', { name: 'Descargar cifras' }).click();
    const [anon] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /anonimizados/ }).click()]);
    const csv = fs.readFileSync((await anon.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('age_group,sex,department,nationality,screening_level,services,referrals');
    expect(csv).not.toContain('Marta');
    await page.getByText(/filas exportadas \(k = 5/).waitFor();
    // A figure opens the list behind it: the received person on that day's flow board.
    await page.getByRole('link', { name: 'Abrir la lista: Personas recibidas' }).click();
    await page.getByRole('heading', { name: 'Tablero de flujo' }).waitFor();
    await page.getByText('Marta').first().waitFor();
    await shot(page, '92-summary-linked-board');
    // The admin reads the summary, without the lists behind it (not theirs to open).
    await switchUser(page, 'jefa', 'clave-jefa-2026');
    await page.getByRole('link', { name: 'Resumen diario' }).click();
    await page.getByRole('heading', { name: 'Resumen del día' }).waitFor();
    await expect.poll(() => received.textContent()).toMatch(/^Personas recibidas1/);
    expect(await page.getByRole('link', { name: /^Abrir la lista/ }).count()).toBe(0);
  });
});
