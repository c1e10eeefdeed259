import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

/**
 * The security review as the roles meet it on screen, at 1366×768: a coordinator cannot give
 * anyone (least of all themselves) alert access, the admin can, and the audit screen answers
 * who saw a person and says the log is intact.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'Elena López', username: 'elopez', role: 'Coordinador/a', password: 'clave-gerente-1' });
  await createUser(h.page, { name: 'Julio Caal', username: 'jcaal', role: 'Oficial de verificación', password: 'clave-oficial-1' });
  await createUser(h.page, { name: 'María López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
});
afterAll(async () => h && (await h.close()));

describe('roles, sessions and the audit on screen', () => {
  it("shows a coordinator the sensitive roles as the admin's to grant, and their own roles as fixed", async () => {
    const { page } = h;
    await switchUser(page, 'elopez', 'clave-gerente-1');
    await page.getByRole('link', { name: 'Usuarios' }).click();
    // The alert officer's row offers no actions to a coordinator.
    await expect(page.getByRole('button', { name: 'Acciones: Julio Caal' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Acciones: María López' }).click();
    await page.getByRole('menuitem', { name: 'Editar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('solo los da un administrador').waitFor();
    for (const role of ['Oficial de verificación', 'Trabajador/a social', 'Psicólogo/a', 'Administración'])
      await expect(dialog.getByRole('checkbox', { name: role }).isDisabled(), role).resolves.toBe(true);
    await expect(dialog.getByRole('checkbox', { name: 'Coordinador/a' }).isDisabled()).resolves.toBe(false);
    await shot(page, 'security-01-manager-edits-clerk');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Acciones: Elena López' }).click();
    await page.getByRole('menuitem', { name: 'Editar' }).click();
    await dialog.getByText('Nadie puede cambiar sus propios roles').waitFor();
    await expect(dialog.getByRole('checkbox', { name: 'Registrador/a' }).isDisabled()).resolves.toBe(true);
    await shot(page, 'security-02-manager-own-roles');
    await page.keyboard.press('Escape');
  });

  it('lets the coordinator find who saw a person by case number, and says the log is intact', async () => {
    const { page } = h;
    const caseNumber = await page.evaluate(async () => {
      const token = sessionStorage.getItem('acogida.token');
      const post = (method: string, body: unknown) =>
        fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((r) => r.json());
      const registered = await post('persons.register', { walkIn: { route: 'land', originCountry: 'MEX' }, person: { givenNames: 'Rosa Amalia', firstSurname: 'Pop', secondSurname: 'Caal' } });
      await post('flow.board', {});
      return registered.value.person.caseNumber as string;
    });
    await page.getByRole('link', { name: 'Auditoría' }).click();
    await page.getByLabel('Expediente').fill(caseNumber);
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-records').first().waitFor();
    const methods = await page.locator('tbody tr').allInnerTexts();
    expect(methods.join('\n')).toContain('Consultar tablero de flujo');
    await page.getByRole('button', { name: 'Verificar integridad' }).click();
    await page.getByText(/Integridad verificada: \d+ entradas sin alteraciones/).waitFor();
    await shot(page, 'security-03-audit-by-case');
  });

  it('lets the admin grant alert access, and sets the longest a session lasts', async () => {
    const { page } = h;
    await switchUser(page, 'jefa', 'clave-jefa-2026');
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByRole('button', { name: 'Acciones: María López' }).click();
    await page.getByRole('menuitem', { name: 'Editar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Oficial de verificación' }).check();
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByTestId('user-row-mlopez').getByText('Oficial de verificación').waitFor();
    await page.getByRole('link', { name: 'Configuración' }).click();
    const hours = page.getByLabel('Duración máxima de una sesión (horas)');
    await expect(hours.inputValue()).resolves.toBe('12');
    await hours.fill('8');
    await page.getByRole('button', { name: 'Guardar' }).first().click();
    await page.getByText('Cambios guardados.').first().waitFor();
    await shot(page, 'security-04-settings');
  });

  it('shows the clerk a 500-character name and a 5 MB cell in a manifest as problems of their rows', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Arribos' }).click();
    await page.getByRole('button', { name: 'Nuevo arribo' }).click();
    await page.getByLabel('Aerolínea o empresa').fill('GlobalX');
    await page.getByLabel('Número de vuelo o referencia').fill('GXA 2250');
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.getByRole('heading', { name: 'GlobalX GXA 2250' }).waitFor();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-bomb-')), 'GXA2250.csv');
    fs.writeFileSync(file, ['nombres;primer_apellido;segundo_apellido', 'Rosa;Pop;Caal', `${'Ana María '.repeat(50)};López;`, `Luis;${'Tzoc'.repeat(1_300_000)};Chen`].join('\n'));
    await page.getByRole('button', { name: 'Importar manifiesto' }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('manifest-summary').waitFor();
    await shot(page, 'security-05-manifest-overflow');
    expect(await page.getByTestId('manifest-summary').textContent()).toContain('Con error: 2');
    const problems = await page.getByTestId('manifest-error-row').allTextContents();
    expect(problems.join('\n')).toMatch(/nombres» es demasiado largo \(499 caracteres; el máximo es 80\)/);
    expect(problems.join('\n')).toMatch(/primer_apellido» tiene más de 1000 caracteres: no es el dato de una persona/);
  });
});
