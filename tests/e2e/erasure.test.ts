import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, registerPerson, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await h.page.clock.install(); // lets the second test fast-forward to the idle lock
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
    // Named as what happened, not "— —".
    await page.getByRole('heading', { name: 'Persona con datos borrados' }).waitFor();
    await shot(page, '97-erasure-done');

    // The clerk sees the erased file, no name.
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    expect(await page.getByText('Xochitl').count()).toBe(0);
  });

  it('the idle lock falls with the dialog open: nothing of it stays over the lock, nothing is erased; a 500-character reason then goes whole', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await registerPerson(page, 'Tziquin', 'Bloqueo');
    await switchUser(page, 'elopez', 'clave-coordina-1');
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    await page.getByRole('link', { name: 'Tziquin Bloqueo' }).first().click();
    await page.getByRole('button', { name: 'Borrar datos personales…' }).click();
    const reason = `Solicitud escrita de la persona, recibida en ventanilla; ${'la persona pide que se borren sus datos. '.repeat(12)}`.slice(0, 500);
    expect(reason).toHaveLength(500);
    await page.getByRole('dialog').getByLabel('Motivo').fill(reason);

    await page.clock.fastForward('05:10');
    await page.getByRole('heading', { name: 'Pantalla bloqueada' }).waitFor();
    // The dialog went with the app: no confirm button, no reason, over the lock screen.
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Borrar definitivamente' }).count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('Solicitud escrita');
    await shot(page, '98-erasure-locked');

    await page.getByLabel('Contraseña de Edgar López').fill('clave-coordina-1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tziquin Bloqueo' }).waitFor();
    expect(await page.getByTestId('erased').count()).toBe(0);

    // Again, from the keyboard: the reason pasted, Tab to the button, Enter.
    await page.getByRole('button', { name: 'Borrar datos personales…' }).click();
    await page.getByRole('dialog').getByLabel('Motivo').fill(reason);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('erased').waitFor();
    expect(await page.getByTestId('erased').textContent()).toContain(reason.trim());
    await shot(page, '99-erasure-long-reason');
  });
});
