import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, createUser, pdfText, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

let h: Harness;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-manifest-'));
const HEADER = 'nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo;nacionalidad;tipo_documento;numero_documento;nna_no_acompanado;grupo_familiar';
const ROWS = [
  'Juan Carlos;Caal;Tiul;14/02/1985;M;GTM;DPI;1234567890101;no;F1',
  'Rosa;Tiul;Choc;1987;F;GTM;;;no;F1',
  'Brayan Alexis;Mejía;;12/12/2009;M;HND;;;sí;',
  'Glenda;Reyes;Cruz;05/05/1990;F;SLV;pasaporte;A123;no;',
];

beforeAll(async () => {
  h = await startHarness();
  const { page, url } = h;
  // Set up the centre and a clerk through the same screens a person uses.
  await setupCentreAsAdmin(page, url);
  await createUser(page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await switchUser(page, 'mlopez', 'clave-registro-1');
  await page.getByRole('heading', { name: /Buen día, María José López/ }).waitFor();
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (h) await h.close();
});

describe('reception of a flight, end to end in Chromium', () => {
  it('creates the flight, previews a manifest with an error, then imports the fixed file', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Arribos' }).click();
    await page.getByRole('button', { name: 'Nuevo arribo' }).click();
    await page.getByLabel('Aerolínea o empresa').fill('GlobalX');
    await page.getByLabel('Número de vuelo o referencia').fill('GXA 2245');
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.getByRole('heading', { name: 'GlobalX GXA 2245' }).waitFor();

    const bad = path.join(dir, 'GXA2245.csv');
    fs.writeFileSync(bad, [HEADER, ...ROWS.slice(0, 3), 'Glenda;Reyes;Cruz;31/02/1990;F;Marte;pasaporte;A123;no;'].join('\n'));
    await page.getByRole('button', { name: 'Importar manifiesto' }).click();
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByTestId('manifest-summary').waitFor();
    expect(await page.getByTestId('manifest-summary').textContent()).toContain('Filas: 4 · Con error: 2');
    expect(await page.getByTestId('manifest-error-row').textContent()).toContain('Fecha no válida «31/02/1990»');
    expect(await page.getByRole('button', { name: /Importar 4 personas/ }).isDisabled()).toBe(true);
    await shot(page, '20-manifest-errors');

    const good = path.join(dir, 'GXA2245-corregido.csv');
    fs.writeFileSync(good, [HEADER, ...ROWS].join('\n'));
    await page.locator('input[type="file"]').setInputFiles(good);
    await page.getByText(/Filas: 4 · Con error: 0/).waitFor();
    await page.getByRole('button', { name: 'Importar 4 personas' }).click();
    await page.getByText('4 personas importadas.').first().waitFor(); // an earlier import's notice may still be showing
    await page.getByTestId('count-expected').filter({ hasText: '4' }).waitFor();
  });

  it('refuses the same manifest twice, and an image renamed .csv, saying why', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Importar manifiesto' }).click();
    await page.locator('input[type="file"]').setInputFiles(path.join(dir, 'GXA2245-corregido.csv'));
    await page.getByTestId('manifest-error-row').getByText(/Este archivo ya se importó en este arribo el \d\d\/\d\d\/\d{4} \d\d:\d\d; no se importa dos veces\./).waitFor();
    expect(await page.getByRole('button', { name: /^Importar \d+ personas/ }).isDisabled()).toBe(true);
    await shot(page, '20b-manifest-already-imported');
    const photo = path.join(dir, 'foto.csv');
    fs.writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    await page.locator('input[type="file"]').setInputFiles(photo);
    await page.getByTestId('manifest-error-row').getByText('El archivo no es un CSV ni una hoja XLSX: es un archivo PNG. Exporte el manifiesto como CSV o XLSX.').waitFor();
    await shot(page, '20c-manifest-not-a-spreadsheet');
    await page.getByRole('button', { name: 'Cancelar' }).click();

    // The wrong file? While nobody of it has arrived, the import can be undone, with a reason.
    const imports = page.getByTestId('manifest-imports');
    await imports.getByRole('button', { name: 'Deshacer importación' }).click();
    const undo = page.getByRole('dialog', { name: 'Deshacer la importación del manifiesto' });
    await undo.getByRole('button', { name: 'Quitar 4 personas' }).click();
    await undo.getByText('Escriba el motivo (al menos 5 caracteres).').waitFor();
    await undo.getByLabel(/^Motivo/).fill('Se importó antes de recibir la versión corregida');
    await undo.getByRole('button', { name: 'Quitar 4 personas' }).click();
    await page.getByText('Importación deshecha: 4 personas quitadas del arribo.').waitFor();
    await page.getByTestId('count-expected').filter({ hasText: '0' }).waitFor();
    await imports.getByText(/^Deshecha el .*: Se importó antes de recibir la versión corregida$/).waitFor();
    // Undone, the same file imports again.
    await page.getByRole('button', { name: 'Importar manifiesto' }).click();
    await page.locator('input[type="file"]').setInputFiles(path.join(dir, 'GXA2245-corregido.csv'));
    await page.getByRole('button', { name: 'Importar 4 personas' }).click();
    await page.getByText('4 personas importadas.').first().waitFor(); // an earlier import's notice may still be showing
    await page.getByTestId('count-expected').filter({ hasText: '4' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('checks in three people by typing and pressing Enter, choosing with the arrows when two match', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    const box = page.getByLabel('Buscar o escanear ticket');
    await box.fill('brayan');
    await box.press('Enter');
    await page.getByText('Brayan Alexis Mejía marcada como llegada.').waitFor();

    // "tiul" is Juan Carlos Caal Tiul and Rosa Tiul Choc: a short list, arrows, Enter.
    await box.fill('tiul');
    await box.press('Enter');
    const choices = page.getByTestId('checkin-choices');
    await choices.waitFor();
    const names = await choices.getByRole('option').allTextContents();
    expect(names.map((n) => n.split(/\d/)[0]!.trim()).sort()).toEqual(['Juan Carlos Caal Tiul', 'Rosa Tiul Choc']);
    await shot(page, '21a-checkin-two-matches');
    const rosa = names.findIndex((n) => n.startsWith('Rosa'));
    for (let i = 0; i < rosa; i++) await box.press('ArrowDown');
    expect(await choices.getByRole('option', { selected: true }).textContent()).toMatch(/^Rosa Tiul Choc/);
    await box.press('Enter');
    await page.getByText('Rosa Tiul Choc marcada como llegada.').waitFor();

    // A typo, as in the Ctrl+K search; someone already arrived; nobody.
    await box.fill('glnda reyes');
    await box.press('Enter');
    await page.getByText('Glenda Reyes Cruz marcada como llegada.').waitFor();
    await box.fill('brayan');
    await box.press('Enter');
    await page.getByTestId('checkin-note').getByText(/^Brayan Alexis Mejía ya llegó \(a las \d\d:\d\d\)\.$/).waitFor();
    await box.fill('marvin');
    await box.press('Enter');
    await page.getByTestId('checkin-note').getByText('Nadie de este arribo coincide con «marvin».', { exact: false }).waitFor();
    await page.getByTestId('count-arrived').filter({ hasText: '3' }).waitFor();
    await box.fill('');
    await shot(page, '21-checked-in');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('registers an expected person with the manifest data already filled in', async () => {
    const { page } = h;
    await page.getByTestId('arrival-person').filter({ hasText: 'Juan Carlos Caal Tiul' }).getByRole('link', { name: 'Registrar' }).click();
    await page.getByRole('heading', { name: 'Registro de la persona' }).waitFor();
    await expect.poll(() => page.getByLabel('Nombres').inputValue()).toBe('Juan Carlos');
    expect(await page.getByLabel('Fecha de nacimiento').inputValue()).toBe('14/02/1985');
    await page.getByLabel('Teléfono', { exact: true }).fill('+502 5555 0101');
    await answerConsent(page);
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: 'Juan Carlos Caal Tiul' }).waitFor();
    await page.getByText('+502 5555 0101').waitFor();
  });

  it('registers a walk-in with consent, prints the certificate, and the flow board shows everyone', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByRole('heading', { name: 'Registro de persona que llega por su cuenta' }).waitFor();
    await page.getByLabel('Nombres').fill('Santos');
    await page.getByLabel('Primer apellido').fill('Coc');
    await page.getByLabel('Segundo apellido').fill('Pop');
    await page.getByLabel('Fecha de nacimiento').fill('1990');
    // Place of origin from the official lists, found without typing the accents.
    await page.getByRole('textbox', { name: 'Departamento', exact: true }).fill('alta');
    await page.getByRole('option', { name: 'Alta Verapaz' }).click();
    await page.getByRole('textbox', { name: 'Municipio', exact: true }).fill('carcha');
    await page.getByRole('option', { name: 'San Pedro Carchá' }).click();
    // Sharing is consented per institution of the directory.
    await answerConsent(page, { follow_up: true, sharing: true });
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByText('Elija al menos una institución, o responda que no a compartir.').waitFor();
    await page.getByRole('textbox', { name: 'Instituciones con las que acepta compartir sus datos' }).fill('renap');
    await page.getByRole('option', { name: /RENAP — Registro Nacional de las Personas/ }).click();
    await page.keyboard.press('Escape');
    await shot(page, '22-registration');
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: 'Santos Coc Pop' }).waitFor();
    await page.getByText('Aceptó: Registro de sus datos en el centro').waitFor();
    await page.getByText('Aceptó: Compartir con instituciones para derivación (RENAP)').waitFor();
    await page.getByText('San Pedro Carchá, Alta Verapaz, Guatemala').waitFor();
    await shot(page, '23-case-file');

    await page.getByRole('link', { name: 'Constancia' }).click();
    await page.getByRole('heading', { name: 'Constancia de persona retornada' }).waitFor();
    expect(await page.getByTestId('certificate-body').textContent()).toContain('Santos Coc Pop');
    await shot(page, '24-certificate');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const onPaper = await pdfText(pdf);
    expect(onPaper).toContain('Santos Coc Pop');
    expect(onPaper).toContain('Constancia de persona retornada');
    expect(onPaper).toMatch(/Constancia n\.º C-\d{4}-\w{4}-00001/);
    expect(onPaper).not.toContain('COPIA');
    // Printed again: the same number, marked as a copy; and in English for the person if chosen.
    await page.reload();
    await page.getByTestId('certificate-copy').getByText(/^COPIA — constancia emitida el /).waitFor();
    expect(await page.getByTestId('certificate-number').textContent()).toMatch(/-00001$/);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Returnee certificate' }).waitFor();
    expect(await page.getByTestId('certificate-body').textContent()).toContain('coming from');
    await shot(page, '24b-certificate-copy-english');

    await page.goto(`${h.url}flujo`);
    await page.getByRole('heading', { name: 'Tablero de flujo' }).waitFor();
    await page.getByTestId('flow-row').first().waitFor();
    const rows = await page.getByTestId('flow-row').allTextContents();
    expect(rows.join('\n')).toContain('Santos Coc Pop');
    expect(rows.join('\n')).toContain('Brayan Alexis Mejía');
    expect(rows).toHaveLength(5);
    await shot(page, '25-flow-board');
  });

  it('finds a person with Ctrl+K despite a typo and a missing accent, and opens the case file', async () => {
    const { page } = h;
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Buscar persona por nombre, documento o expediente…').fill('brayan mejia');
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByPlaceholder('Buscar persona por nombre, documento o expediente…').fill('santos koc');
    await page.getByTestId('search-hit').filter({ hasText: 'Santos Coc Pop' }).waitFor();
    await shot(page, '26-search');
    await page.getByTestId('search-hit').filter({ hasText: 'Santos Coc Pop' }).click();
    await page.getByRole('heading', { name: 'Santos Coc Pop' }).waitFor();
  });

  it('proposes the earlier record of a repeat returnee, merges them, and undoes the merge', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByLabel('Nombres').fill('Juan Carlos');
    await page.getByLabel('Primer apellido').fill('Cal');
    await page.getByLabel('Segundo apellido').fill('Tiul');
    await page.getByLabel('Fecha de nacimiento').fill('14/02/1985');
    await answerConsent(page);
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByTestId('suggestion').waitFor();
    expect(await page.getByTestId('suggestion').textContent()).toContain('Juan Carlos Caal Tiul');
    await shot(page, '27-repeat-returnee');
    await page.getByRole('button', { name: 'Es la misma persona: unir' }).click();
    await page.getByText('Este expediente fue unido a otro.').waitFor();
    await page.getByRole('link', { name: 'Abrir expediente vigente' }).click();
    await page.getByRole('heading', { name: 'Juan Carlos Caal Tiul' }).waitFor();
    await page.getByTestId('timeline').getByText('Registros unidos').waitFor();
    await page.getByRole('button', { name: 'Deshacer la unión' }).click();
    await page.getByTestId('timeline').getByText('Unión deshecha', { exact: true }).waitFor();
  });

  it('follows a 30,000-row manifest with a progress bar and pages through it to the one bad row', async () => {
    const { page } = h;
    const rows = Array.from({ length: 30_000 }, (_, i) => `Persona ${i};Apellido${i % 977};Prueba;0${1 + (i % 9)}/0${1 + (i % 9)}/19${60 + (i % 40)};${i % 2 ? 'M' : 'F'};GTM;DPI;${1_000_000_000_000 + i};no;`);
    rows[20_000] = rows[20_000]!.replace(';GTM;', ';Marte;');
    const big = path.join(dir, 'grande.csv');
    fs.writeFileSync(big, [HEADER, ...rows].join('\n'));
    await page.getByRole('link', { name: 'Arribos' }).click();
    await page.getByRole('link', { name: /GlobalX GXA 2245/ }).click();
    await page.getByRole('button', { name: 'Importar manifiesto' }).click();
    await page.locator('input[type="file"]').setInputFiles(big);
    await page.getByTestId('manifest-progress').waitFor();
    await shot(page, '28-manifest-progress');
    await page.getByTestId('manifest-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('manifest-summary').textContent()).toContain('Filas: 30,000 · Con error: 1');
    // With errors in a large file, only the rows to fix are listed at first.
    expect(await page.getByRole('switch', { name: 'Solo filas con problemas' }).isChecked()).toBe(true);
    expect(await page.getByTestId('manifest-error-row').textContent()).toContain('20002Persona 20000');
    await shot(page, '29-manifest-large-errors');
    await page.getByRole('switch', { name: 'Solo filas con problemas' }).uncheck();
    expect(await page.getByTestId('manifest-row').count()).toBe(200);
    await page.getByRole('button', { name: '150' }).waitFor();
    await page.getByRole('button', { name: 'Cancelar' }).click();
  });

  it('the manager adds an institution to the directory; the clerk reads it and can share with it', async () => {
    const { page } = h;
    await switchUser(page, 'jefa', 'clave-jefa-2026');
    await createUser(page, { name: 'Ana Coordinadora', username: 'coordina', role: 'Coordinador/a', password: 'clave-coordina-1' });

    await switchUser(page, 'coordina', 'clave-coordina-1');
    await page.getByRole('link', { name: 'Instituciones' }).click();
    await page.getByRole('heading', { name: 'Directorio de instituciones' }).waitFor();
    await page.getByTestId('institution-row').first().waitFor();
    expect(await page.getByTestId('institution-row').count()).toBeGreaterThan(30);
    await page.getByRole('button', { name: 'Nueva institución' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Sigla', exact: true }).fill('ASOMIGRA');
    await form.getByRole('textbox', { name: 'Nombre', exact: true }).fill('Asociación de Migrantes Retornados');
    await form.getByRole('textbox', { name: 'Servicios', exact: true }).fill('reintegra');
    await page.getByRole('option', { name: 'Reintegración' }).click();
    await form.getByRole('textbox', { name: 'Contacto', exact: true }).fill('+502 5555 0199');
    await shot(page, '30a-institution-form');
    await form.getByRole('button', { name: 'Crear' }).click();
    await page.getByText('Institución ASOMIGRA agregada al directorio.').waitFor();
    await form.waitFor({ state: 'hidden' });
    await page.getByLabel('Buscar por sigla, nombre o dirección').fill('asociacion');
    await page.getByTestId('institution-row').filter({ hasText: 'ASOMIGRA' }).waitFor();
    expect(await page.getByTestId('institution-row').count()).toBe(1);
    await shot(page, '30-institutions');

    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Instituciones' }).click();
    await page.getByRole('heading', { name: 'Directorio de instituciones' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nueva institución' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByLabel('Nombres').fill('Dunia Marisol');
    await page.getByLabel('Primer apellido').fill('Orellana');
    await answerConsent(page, { sharing: true });
    await page.getByRole('textbox', { name: 'Instituciones con las que acepta compartir sus datos' }).fill('asomi');
    await page.getByRole('option', { name: /ASOMIGRA/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: 'Dunia Marisol Orellana' }).waitFor();
    await page.getByText('Aceptó: Compartir con instituciones para derivación (ASOMIGRA)').waitFor();

    // Later, at the desk: she also agrees to the national database, then withdraws the sharing.
    const consent = page.getByTestId('consent-state');
    await page.getByRole('button', { name: 'Actualizar consentimiento' }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: 'Envío a la base de datos nacional' }).check();
    await shot(page, '31a-consent-update');
    await page.getByRole('dialog').getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Consentimiento registrado.').waitFor();
    await consent.getByText('Envío a la base de datos nacional').waitFor();
    await consent.getByRole('button', { name: 'Retirar' }).last().click();
    const withdraw = page.getByRole('dialog', { name: 'Retirar consentimiento' });
    await withdraw.getByRole('button', { name: 'Retirar' }).click();
    await withdraw.getByText('Escriba el motivo (al menos 3 caracteres).').waitFor();
    await withdraw.getByLabel('Motivo del retiro').fill('Prefiere hacer el trámite por su cuenta.');
    await withdraw.getByRole('button', { name: 'Retirar' }).click();
    await page.getByText('Consentimiento retirado: ya no se usa para ese propósito.').waitFor();
    await page.getByTestId('timeline').getByText('No aceptó o retiró: Compartir con instituciones para derivación (ASOMIGRA)').waitFor();
    await shot(page, '31-consent-withdrawn');
  });
});
