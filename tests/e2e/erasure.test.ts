import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, registerPerson, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

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

describe('erasure on request, end to end in Chromium', () => {
  it('the manager erases a person with the reason; every role then sees that and when, never the data', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await registerPerson(page, 'Xochitl', 'Canaria');
    // A clerk cannot erase.
    expect(await page.getByRole('button', { name: 'Borrar datos personales…' }).count()).toBe(0);

    await switchUser(page, 'elopez', 'clave-coordina-1');
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    await page.getByRole('link', { name: 'Xochitl Canaria' }).first().click();
    await page.getByRole('button', { name: 'Borrar datos personales…' }).click();
    const confirm = page.getByRole('button', { name: 'Borrar definitivamente' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('dialog').getByLabel('Motivo').fill('La persona lo pidió por escrito hoy, solicitud 14.');
    await shot(page, '96-erasure-confirm');
    await confirm.click();
    await page.getByTestId('erased').waitFor();
    await page.getByText('Datos personales borrados.').waitFor();
    expect(await page.getByTestId('erased').textContent()).toContain('solicitud 14');
    expect(await page.getByText('Xochitl').count()).toBe(0);
    await shot(page, '97-erasure-done');

    // The clerk sees the erased file, no name.
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    expect(await page.getByText('Xochitl').count()).toBe(0);
  });
});
