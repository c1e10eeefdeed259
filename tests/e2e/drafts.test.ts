import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

/**
 * Never lose work (issue 12, item 2): a registration half-typed when the idle lock falls comes
 * back after unlocking; the next clerk at the desk sees an empty form, never the other's typing;
 * a reload restores it too; saving for real forgets the draft.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await h.page.clock.install(); // lets the test fast-forward the idle timer
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await createUser(h.page, { name: 'Byron Ajú', username: 'baju', role: 'Registrador/a', password: 'clave-registro-2' });
  await switchUser(h.page, 'mlopez', 'clave-registro-1');
});
afterAll(async () => {
  if (h) await h.close();
});

describe('drafts across the idle lock, a user switch and a reload', () => {
  it('warns a minute before locking, and the registration comes back after unlocking', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByLabel('Nombres').fill('Yolanda Marisol');
    await page.getByLabel('Primer apellido').fill('Sicán');
    await page.getByLabel('Fecha de nacimiento').fill('12/09/1991');
    await page.getByLabel('Teléfono', { exact: true }).fill('+502 3300 1122');
    await page.getByRole('radiogroup', { name: /^Contacto posterior para seguimiento/ }).getByRole('radio', { name: 'Sí' }).check();

    await page.clock.fastForward('04:05');
    await page.getByTestId('idle-warning').getByText(/la pantalla se bloqueará en 60 segundos/).waitFor();
    await shot(page, '52-idle-warning');
    await page.clock.fastForward('01:00');
    await page.getByRole('heading', { name: 'Pantalla bloqueada' }).waitFor();
    expect(await page.getByText('Yolanda Marisol').count()).toBe(0); // nothing of the form behind the lock

    await page.getByLabel('Contraseña de María José López').fill('clave-registro-1');
    await page.keyboard.press('Enter');
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByLabel('Nombres').inputValue()).toBe('Yolanda Marisol');
    expect(await page.getByLabel('Primer apellido').inputValue()).toBe('Sicán');
    expect(await page.getByLabel('Teléfono', { exact: true }).inputValue()).toBe('+502 3300 1122');
    expect(await page.getByRole('radiogroup', { name: /^Contacto posterior para seguimiento/ }).getByRole('radio', { name: 'Sí' }).isChecked()).toBe(true);
    await shot(page, '53-draft-restored');
  });

  it('the next clerk at the desk gets an empty form; the first gets hers back, also after a reload', async () => {
    const { page } = h;
    await page.getByLabel('Segundo apellido').fill('Tum');
    await switchUser(page, 'baju', 'clave-registro-2');
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByRole('heading', { name: 'Registro de persona que llega por su cuenta' }).waitFor();
    await expect.poll(() => page.getByLabel('Nombres').inputValue()).toBe('');
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('Yolanda');

    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Registro' }).click();
    await expect.poll(() => page.getByLabel('Segundo apellido').inputValue()).toBe('Tum');
    await page.reload();
    await expect.poll(() => page.getByLabel('Nombres').inputValue()).toBe('Yolanda Marisol');
    await page.getByTestId('draft-restored').waitFor();
  });

  it('saving for real forgets the draft', async () => {
    const { page } = h;
    await answerConsent(page, { follow_up: true });
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: 'Yolanda Marisol Sicán Tum' }).waitFor();
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByRole('heading', { name: 'Registro de persona que llega por su cuenta' }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByLabel('Nombres').inputValue()).toBe('');
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
  });
});
