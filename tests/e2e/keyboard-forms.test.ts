import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

/**
 * The registration from the keyboard, as the field test did it at 1366×768: Enter in a select
 * picks the option and never sends the form; lists are found without accents or apostrophes;
 * consent comes unanswered; a failed save takes the clerk to the first field in error; only
 * Ctrl+Enter or the button saves.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await switchUser(h.page, 'mlopez', 'clave-registro-1');
});
afterAll(async () => {
  if (h) await h.close();
});

const focused = () => h.page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return { label: el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? '', value: el?.value ?? '', group: el?.closest('[role="radiogroup"]')?.getAttribute('aria-labelledby') ? document.getElementById(el.closest('[role="radiogroup"]')!.getAttribute('aria-labelledby')!)?.textContent : null };
});

describe('registration from the keyboard', () => {
  it('Enter picks options in every select and never sends the form', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Registro' }).click();
    const heading = page.getByRole('heading', { name: 'Registro de persona que llega por su cuenta' });
    await heading.waitFor();
    await page.getByLabel('Nombres').fill('Rosa Amalia');
    await page.getByLabel('Primer apellido').fill('Tzul');
    await page.getByLabel('Primer apellido').press('Enter'); // a text box: nothing is sent

    const sex = page.getByRole('textbox', { name: 'Sexo' });
    await sex.click();
    await sex.pressSequentially('muj');
    await page.getByRole('option', { name: 'Mujer' }).waitFor();
    await sex.press('ArrowDown');
    await sex.press('Enter');
    await expect.poll(() => sex.inputValue()).toBe('Mujer');

    const department = page.getByRole('textbox', { name: 'Departamento', exact: true });
    await department.pressSequentially('solola');
    await page.getByRole('option', { name: 'Sololá' }).waitFor();
    await department.press('ArrowDown');
    await department.press('Enter');
    await expect.poll(() => department.inputValue()).toBe('Sololá');

    const municipality = page.getByRole('textbox', { name: 'Municipio', exact: true });
    await municipality.pressSequentially('nahuala');
    await municipality.press('ArrowDown');
    await municipality.press('Enter');
    await expect.poll(() => municipality.inputValue()).toBe('Nahualá');

    // Without accents or apostrophes: "kiche" finds K'iche', "qeqchi" finds the Q'eqchi' people.
    const people = page.getByRole('textbox', { name: 'Pueblo' });
    await people.pressSequentially('kiche');
    await page.getByRole('option', { name: "Maya K'iche'" }).waitFor();
    await people.press('ArrowDown');
    await people.press('Enter');
    await expect.poll(() => people.inputValue()).toBe("Maya K'iche'");
    const languages = page.getByRole('textbox', { name: 'Idiomas' });
    await languages.pressSequentially('qeqchi');
    await page.getByRole('option', { name: "Q'eqchi'" }).waitFor();
    await languages.press('ArrowDown');
    await languages.press('Enter');
    await page.getByText("Q'eqchi'", { exact: true }).first().waitFor();

    // Still the same form, never sent: not saved, and not even checked (no field marked).
    await heading.waitFor();
    expect(await page.getByText('Indique sí o no, como respondió la persona.').count()).toBe(0);
    expect(await page.getByText(/Registro guardado/).count()).toBe(0);
    expect(page.url()).toMatch(/\/registro$/);
  });

  it('consent comes unanswered; a failed save goes to the first field in error', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    const answer = page.getByText('Indique sí o no, como respondió la persona.');
    await expect.poll(() => answer.count()).toBe(4);
    await expect.poll(focused).toMatchObject({ group: expect.stringMatching(/^Registro de sus datos en el centro/) });
    const radio = page.getByRole('radiogroup', { name: /^Registro de sus datos en el centro/ }).getByRole('radio', { name: 'Sí' });
    expect(await radio.isChecked()).toBe(false);
    const box = (await radio.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y).toBeLessThan(768); // scrolled into view
    await shot(page, '51-registration-consent-unanswered');
  });

  it('a pasted 500-character name, a birth date in 1890 and a wrong DPI are named at their fields', async () => {
    const { page } = h;
    const names = page.getByLabel('Nombres');
    await names.fill('Rosa Amalia '.repeat(42).slice(0, 500));
    await page.getByLabel('Fecha de nacimiento').fill('12/03/1890');
    await page.getByRole('textbox', { name: 'Documento', exact: true }).click();
    await page.getByRole('option', { name: /^DPI/ }).click();
    await page.getByLabel('Número de documento').fill('2456 78901 0101');
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByText('El nombre puede tener hasta 80 caracteres.').waitFor();
    await page.getByText('La fecha es anterior a 1900: revise el año.').waitFor();
    await page.getByText('Este número de DPI (CUI) no es válido: el dígito verificador no corresponde. Revise cada dígito.').waitFor();
    await expect.poll(focused).toMatchObject({ label: expect.stringMatching(/^Nombres/) });
    await shot(page, '51b-registration-field-messages');
    await names.fill('Rosa Amalia');
    await page.getByLabel('Fecha de nacimiento').fill('12/03/1990');
    await page.getByLabel('Número de documento').fill('1234 56789 0101');
  });

  it('Ctrl+Enter saves once the answers are given', async () => {
    const { page } = h;
    await answerConsent(page, { follow_up: true });
    await page.getByLabel('Teléfono', { exact: true }).fill('+502 4100 2233');
    await page.getByLabel('Teléfono', { exact: true }).press('Control+Enter');
    await page.getByRole('heading', { name: 'Rosa Amalia Tzul' }).waitFor();
    await page.getByText('Nahualá, Sololá, Guatemala').waitFor();
    await page.getByText("Maya K'iche'").first().waitFor();
    await page.getByText('Aceptó: Contacto posterior para seguimiento').waitFor();
    await page.getByText('No aceptó o retiró: Envío a la base de datos nacional').waitFor();
  });
});
