import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

let h: Harness;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-alerts-'));

beforeAll(async () => {
  h = await startHarness();
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'Óscar Verificador', username: 'oficial', role: 'Oficial de verificación', password: 'clave-oficial-1' });
  await createUser(h.page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (h) await h.close();
});

describe('alert verification, end to end in Chromium', () => {
  it('the alert officer imports an Alba-Keneth list', async () => {
    const { page } = h;
    await switchUser(page, 'oficial', 'clave-oficial-1');
    await page.getByRole('link', { name: 'Verificación de alertas' }).click();
    await page.getByRole('heading', { name: 'Verificación de alertas' }).waitFor();
    await page.getByRole('tab', { name: 'Listas' }).click();
    const list = path.join(dir, 'alba-keneth.csv');
    fs.writeFileSync(list, [
      'referencia;nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;observaciones',
      'AK-2026-0417;María José;Tzoc;Chen;14/03/2011;F;GTM;Desaparecida en Quetzaltenango',
      'AK-2026-0533;Heidy Maribel;Xol;Caal;12/06/2012;F;GTM;',
    ].join('\n'));
    await page.getByRole('textbox', { name: 'Lista', exact: true }).click();
    await page.getByRole('option', { name: 'Alba-Keneth (niñez desaparecida)' }).click();
    // A file with a bad row is refused whole, saying which row and column.
    const bad = path.join(dir, 'mala.csv');
    fs.writeFileSync(bad, 'referencia;nombres;primer_apellido;fecha_nacimiento\nAK-1;Rosa;Pop;31/02/2012\n');
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByTestId('alert-list-errors').getByText('Fila 2 (fecha_nacimiento): Fecha no válida «31/02/2012»', { exact: false }).waitFor();
    expect(await page.getByTestId('alert-version').count()).toBe(0);
    await page.locator('input[type="file"]').setInputFiles(list);
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText(/2 registros importados/).waitFor();
    await page.getByTestId('alert-version').filter({ hasText: 'alba-keneth.csv' }).waitFor();
    await shot(page, '40-alert-lists');
  });

  it('the clerk registers a matching child and sees only "review pending", never the list', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    expect(await page.getByRole('link', { name: 'Verificación de alertas' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByLabel('Nombres').fill('Ma. Jose');
    await page.getByLabel('Primer apellido').fill('Chen');
    await page.getByLabel('Segundo apellido').fill('Tzoc');
    await page.getByLabel('Fecha de nacimiento').fill('14/03/2011');
    await answerConsent(page);
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: 'Ma. Jose Chen Tzoc' }).waitFor();
    await page.getByTestId('alert-status').getByText('Revisión pendiente').waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of ['AK-2026-0417', 'Alba-Keneth', 'Quetzaltenango']) expect(text).not.toContain(secret);
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    await page.getByTestId('flow-row').filter({ hasText: 'Ma. Jose Chen Tzoc' }).getByTestId('alert-pending').waitFor();
    await shot(page, '41-flow-alert-pending');
  });

  it('the officer sees person and record side by side with the reasons and confirms with a reason', async () => {
    const { page } = h;
    await switchUser(page, 'oficial', 'clave-oficial-1');
    await page.getByRole('link', { name: 'Verificación de alertas' }).click();
    const card = page.getByTestId('alert-match').first();
    await card.waitFor();
    const shown = (await card.textContent()) ?? '';
    for (const expected of ['Ma. Jose Chen Tzoc', 'María José Tzoc Chen', 'AK-2026-0417', 'Apellidos en otro orden', 'Nombre abreviado o inicial', 'Misma fecha de nacimiento'])
      expect(shown).toContain(expected);
    await shot(page, '42-alert-review');
    await card.getByRole('button', { name: 'Confirmar coincidencia' }).click();
    await card.getByText('Escriba el motivo (al menos 5 caracteres).').waitFor();
    await card.getByLabel('Motivo de la decisión').fill('Coinciden nombre, fecha y la fotografía de la alerta.');
    await card.getByRole('button', { name: 'Confirmar coincidencia' }).click();
    // A confirmation step says what will happen to the person before anything does.
    const dialog = page.getByRole('dialog', { name: '¿Confirmar la coincidencia?' });
    await dialog.getByText('La persona pasa a ser un caso de protección').waitFor();
    await shot(page, '42b-alert-confirm-step');
    await dialog.getByRole('button', { name: 'Confirmar coincidencia' }).click();
    await page.getByText('Coincidencia confirmada.').waitFor();
    await page.getByText('No hay posibles coincidencias pendientes de revisión.').waitFor();
    await page.getByRole('tab', { name: 'Decididas' }).click();
    await page.getByTestId('alert-match').getByText(/Confirmada por Óscar Verificador/).waitFor();
    await shot(page, '44-alert-decided');
  });

  it('the flow board and the case file show the protection case to the clerk', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    const row = page.getByTestId('flow-row').filter({ hasText: 'Ma. Jose Chen Tzoc' });
    await row.getByTestId('protection-case').waitFor();
    await shot(page, '43-flow-protection');
    await row.getByText('Ma. Jose Chen Tzoc').click();
    await page.getByTestId('alert-status').getByText('Caso de protección').waitFor();
    await page.getByTestId('alert-status').getByText('Verificada').waitFor();
    await page.getByTestId('timeline').getByText('Caso de protección').waitFor();
    await shot(page, '45-case-file-protection');
  });
});
