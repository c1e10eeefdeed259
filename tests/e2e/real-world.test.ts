import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

/** Manifests as they really come: from the United States, month first; or with dates either order reads. */
let h: Harness;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-us-'));
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1366, height: 768 } });
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'María López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await switchUser(h.page, 'mlopez', 'clave-registro-1');
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (h) await h.close();
});

async function newFlight(reference: string) {
  const { page } = h;
  await page.getByRole('link', { name: 'Arribos' }).click();
  await page.getByRole('button', { name: 'Nuevo arribo' }).click();
  await page.getByLabel('Aerolínea o empresa').fill('ICE Air');
  await page.getByLabel('Número de vuelo o referencia').fill(reference);
  await page.getByRole('button', { name: 'Crear' }).click();
  await page.getByRole('heading', { name: `ICE Air ${reference}` }).waitFor();
}

async function preview(name: string, lines: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ['given_names,first_surname,second_surname,birth_date,sex,nationality', ...lines].join('\n'));
  await h.page.getByRole('button', { name: 'Importar manifiesto' }).click();
  await h.page.locator('input[type="file"]').setInputFiles(file);
  await h.page.getByTestId('manifest-summary').waitFor();
}

describe('manifests from the United States', () => {
  it('reads month-first dates as the file shows them, and says so', async () => {
    await newFlight('ICE 2301');
    await preview('ice-2301.csv', ['Juan Carlos,Caal,Tiul,03/20/1968,M,GTM', 'Rosa,Tiul,Choc,03/04/1987,F,GTM']);
    const { page } = h;
    await page.getByText('Fechas de nacimiento leídas con el mes primero (mm/dd/aaaa)').waitFor();
    expect(await page.getByTestId('manifest-summary').textContent()).toContain('Con error: 0');
    const rows = await page.getByTestId('manifest-row').allInnerTexts();
    expect(rows.join('\n')).toContain('20/03/1968');
    expect(rows.join('\n')).toContain('04/03/1987');
    await shot(page, '80-us-manifest-month-first');
    await page.getByRole('button', { name: /Importar 2 personas/ }).click();
    await page.getByText('2 personas importadas').first().waitFor();
  });

  it('asks how to read a file whose every date reads both ways, and reads it as chosen', async () => {
    await newFlight('ICE 2302');
    await preview('ice-2302.csv', ['Elmer,Batz,Coc,03/04/1979,M,GTM', 'Glenda,Reyes,Cruz,1990,F,HND']);
    const { page } = h;
    await page.getByText('1 fecha como 03/04/1968 se puede leer de dos maneras').waitFor();
    expect((await page.getByTestId('manifest-row').first().innerText())).toContain('03/04/1979');
    await page.getByText('Mes primero (mm/dd/aaaa)').click();
    await page.getByTestId('manifest-row').first().getByText('04/03/1979').waitFor();
    await shot(page, '81-manifest-date-order-chosen');
  });
});
