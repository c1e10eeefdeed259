import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

/**
 * An El Salvador centre (GMT-6) on a workstation whose clock zone is Kiritimati (GMT+14): twenty
 * hours apart, so the workstation's calendar is already on the next day. The app starts at 23:29
 * centre time: an evening flight must land on that day's board, not tomorrow's.
 */
const CENTRE_EVENING = '2026-11-25T05:29:00Z'; // 24/11/2026 23:29 in San Salvador; 25/11 19:29 in Kiritimati

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clockStart: CENTRE_EVENING, timezoneId: 'Pacific/Kiritimati', viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url, 'El Salvador');
  await createUser(h.page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await switchUser(h.page, 'mlopez', 'clave-registro-1');
  await h.page.getByRole('heading', { name: /Buen día, María José López/ }).waitFor();
});
afterAll(async () => {
  if (h) await h.close();
});

describe("the centre's day and time on a workstation twenty hours away", () => {
  it('names the centre time in the header, since the workstation shows another clock', async () => {
    const clock = h.page.getByTestId('centre-clock');
    await expect.poll(() => clock.textContent()).toMatch(/^23:(29|30) · hora del centro \(GMT-6\)$/);
    // The browser runs in the workstation's zone; only the centre's clock is on screen.
    expect(await h.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Pacific/Kiritimati');
    for (const close of await h.page.locator('.mantine-Notification-root button').all()) await close.click();
    await expect.poll(() => h.page.locator('.mantine-Notification-root').count()).toBe(0);
    await shot(h.page, '69-centre-clock-header');
  });

  it('creates an evening flight dated the centre\'s today, with times typed as the centre\'s clock shows them', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Arribos' }).click();
    await page.getByRole('button', { name: 'Nuevo arribo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo arribo' });
    expect(await dialog.getByLabel('Fecha').inputValue()).toBe('24/11/2026');
    await dialog.getByLabel('Aerolínea o empresa').fill('Avianca');
    await dialog.getByLabel('Número de vuelo o referencia').fill('AV 0631');
    await dialog.getByLabel('Hora programada').fill('23:05');
    await dialog.getByLabel('Hora real').fill('23:20');
    await expect.poll(() => dialog.getByTestId('centre-zone-note').first().textContent()).toBe('hora del centro (GMT-6)');
    await shot(page, '70-evening-flight-form');
    await dialog.getByRole('button', { name: 'Crear' }).click();
    await page.getByRole('heading', { name: 'Avianca AV 0631' }).waitFor();
    await page.getByText(/24\/11\/2026 23:20/).waitFor();
  });

  it("puts the flight on that day's flow board", async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    await expect.poll(() => page.getByTestId('board-date').textContent()).toBe('Hoy en el centro: 24/11/2026');
    await page.getByRole('textbox', { name: 'Arribo' }).click();
    await page.getByRole('option', { name: /Avianca AV 0631/ }).waitFor();
    await page.keyboard.press('Escape');
    await shot(page, '71-evening-board');
  });

  it('lists the flight among the arrivals of the centre\'s day', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Arribos' }).click();
    const row = page.getByRole('row', { name: /Avianca AV 0631/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('24/11/2026 23:20');
  });

  it("shows a flight scheduled for the day after tomorrow as scheduled, at the top of the list", async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Nuevo arribo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo arribo' });
    await dialog.getByLabel('Aerolínea o empresa').fill('GlobalX');
    await dialog.getByLabel('Número de vuelo o referencia').fill('GXA 2410');
    await dialog.getByLabel('Fecha').fill('26/11/2026');
    await dialog.getByLabel('Fecha').press('Tab');
    await dialog.getByLabel('Hora programada').fill('09:40');
    await dialog.getByRole('button', { name: 'Crear' }).click();
    await page.getByRole('heading', { name: 'GlobalX GXA 2410' }).waitFor();
    await page.getByRole('link', { name: 'Arribos' }).click();
    const first = page.getByTestId('arrival-row').first();
    await first.getByText('GlobalX GXA 2410').waitFor();
    await first.getByTestId('arrival-scheduled').getByText('Programado').waitFor();
    expect(await page.getByRole('row', { name: /Avianca AV 0631/ }).getByText('Abierto').count()).toBe(1);
    await shot(page, '72-arrivals-scheduled');
  });
});
