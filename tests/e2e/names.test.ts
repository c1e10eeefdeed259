import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

/** The admin keeps the centre's nicknames and spellings; the alert officer reads them. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url);
});
afterAll(async () => {
  if (h) await h.close();
});

describe('names and nicknames (Administración → Nombres y apodos)', () => {
  it('the admin adds a nickname from the keyboard, is told what is wrong, and switches a shipped one off', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Nombres y apodos' }).click();
    await page.getByRole('heading', { name: 'Nombres y apodos' }).waitFor();
    // Shipped knowledge is listed: Chepe stands for José.
    await page.getByLabel('Buscar un nombre').fill('chepe');
    await page.getByTestId('name-row').filter({ hasText: 'chepe' }).getByText('jose', { exact: true }).waitFor();

    // Kind with Enter in the select, then the two words, then Enter to save.
    const kind = page.getByRole('textbox', { name: 'Tipo' });
    await kind.focus();
    // Enter opens the list; the arrows move until the kind wanted is lit; Enter takes it.
    // Mantine's Select, as it opens, queues a zero-delay timer that points its keyboard cursor at
    // the current kind; an arrow that lands before that timer lights one option while Enter then
    // takes another (seen in CI under load). The test lets the page's pending timers run first;
    // a person cannot press an arrow that fast.
    const choose = async (label: string) => {
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      await page.evaluate(() => new Promise((settled) => setTimeout(settled, 0)));
      const lit = page.locator('[data-combobox-selected]');
      const isLit = async () => (await lit.count()) === 1 && (await lit.innerText()) === label;
      for (let i = 0; i < 4 && !(await isLit()); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor({ state: 'hidden' });
      expect(await kind.inputValue()).toBe(label);
    };
    await choose('Otra forma de escribir');
    await choose('Apodo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ch3pe');
    await page.keyboard.press('Tab');
    await page.keyboard.type('José');
    await page.keyboard.press('Enter');
    await page.getByText('Escriba una sola palabra de letras (de 3 a 20; sin números ni espacios).').waitFor();
    // A 500-character paste is cut at the field and still refused, with the same message.
    await page.getByRole('textbox', { name: 'Se escribe' }).fill('a'.repeat(500));
    expect((await page.getByRole('textbox', { name: 'Se escribe' }).inputValue()).length).toBe(40);
    await page.keyboard.press('Enter');
    await page.getByText('Escriba una sola palabra de letras (de 3 a 20; sin números ni espacios).').waitFor();

    await page.getByRole('textbox', { name: 'Se escribe' }).fill('Tácho');
    await page.getByRole('textbox', { name: 'Equivale a' }).fill('Anastasio');
    // The screen locks mid-entry: after unlocking, what was typed is still there, and nothing was saved.
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Pantalla bloqueada' }).waitFor();
    expect(await page.getByText('anastasio').count()).toBe(0);
    await page.getByLabel('Contraseña de Coordinación').fill('clave-jefa-2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByRole('textbox', { name: 'Equivale a' }).inputValue()).toBe('Anastasio');
    await shot(page, '88-names-draft-after-lock');
    await page.getByRole('textbox', { name: 'Equivale a' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('«tacho» guardado.').waitFor();
    await page.getByLabel('Buscar un nombre').fill('tacho');
    const row = page.getByTestId('name-row').filter({ hasText: 'tacho' });
    await row.getByText('Del centro').waitFor();
    expect(await row.innerText()).toContain('anastasio');
    await shot(page, '85-names-centre-entry');

    // A shipped nickname that misleads in this centre is switched off, and on again.
    await page.getByLabel('Buscar un nombre').fill('chepe');
    await page.getByRole('switch', { name: 'Usar «chepe»' }).click({ force: true });
    await page.getByText('«chepe» ya no se usa en este centro.').waitFor();
    await page.getByTestId('name-row').filter({ hasText: 'chepe' }).getByText('Desactivado').waitFor();
    await shot(page, '86-names-shipped-switched-off');

    // Removing the centre's entry.
    await page.getByLabel('Buscar un nombre').fill('tacho');
    await page.getByRole('button', { name: 'Quitar «tacho»' }).click();
    await page.getByText('«tacho» ya no se usa en este centro.').waitFor();
    await page.getByText('Ningún nombre coincide.').waitFor();
  });

  it('the alert officer reads the list but cannot change it; a clerk does not see it', async () => {
    const { page } = h;
    await createUser(page, { name: 'Oficial Pérez', username: 'oficial', role: 'Oficial de verificación', password: 'clave-oficial-1' });
    await createUser(page, { name: 'María López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
    await switchUser(page, 'oficial', 'clave-oficial-1');
    await page.getByRole('link', { name: 'Nombres y apodos' }).click();
    await page.getByLabel('Buscar un nombre').fill('beto');
    await page.getByTestId('name-row').filter({ hasText: 'beto' }).getByText('alberto, roberto', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Agregar' }).count()).toBe(0);
    expect(await page.getByRole('switch').count()).toBe(0);
    await shot(page, '87-names-officer-read-only');
    await switchUser(page, 'mlopez', 'clave-registro-1');
    expect(await page.getByRole('link', { name: 'Nombres y apodos' }).count()).toBe(0);
  });
});
