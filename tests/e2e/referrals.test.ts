import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await createUser(h.page, { name: 'Karla García', username: 'kgarcia', role: 'Trabajador/a social', password: 'clave-social-12' });
});
afterAll(async () => {
  if (h) await h.close();
});

describe('referrals, end to end in Chromium', () => {
  it('the clerk registers a man who agrees to share with RENAP and records what he needs', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByLabel('Nombres').fill('Santos');
    await page.getByLabel('Primer apellido').fill('Coc');
    await answerConsent(page, { sharing: true });
    await page.getByRole('textbox', { name: 'Instituciones con las que acepta compartir sus datos' }).fill('renap');
    await page.getByRole('option', { name: /RENAP — Registro Nacional de las Personas/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: 'Santos Coc' }).waitFor();
    const needs = page.getByTestId('referrals-card').getByRole('group', { name: 'Necesidades expresadas' });
    for (const need of ['Documento de identidad', 'Trabajo']) {
      await needs.getByRole('checkbox', { name: need }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByRole('button', { name: 'Guardar necesidades' }).click();
    await page.getByText('Necesidades guardadas.').waitFor();
  });

  it('the protection officer refers from the proposals, prints the slip only where consent allows, and follows it to its close', async () => {
    const { page } = h;
    await switchUser(page, 'kgarcia', 'clave-social-12');
    await page.getByRole('link', { name: 'Derivaciones' }).click();
    await page.getByRole('heading', { name: 'Derivaciones' }).waitFor();
    const proposals = page.getByTestId('referral-proposals');
    const renap = proposals.getByTestId('proposal').filter({ hasText: 'RENAP' });
    await renap.getByText('Regla: gtm-identity-renap').waitFor();
    await shot(page, '80-referral-proposals');
    await renap.getByRole('button', { name: 'Derivar' }).click();
    await page.getByText('Derivación creada a RENAP.').waitFor();
    await proposals.getByTestId('proposal').filter({ hasText: 'MINTRAB' }).getByRole('button', { name: 'Derivar' }).click();
    await page.getByText('Derivación creada a MINTRAB.').waitFor();

    await page.getByRole('tab', { name: /En curso/ }).click();
    const open = page.getByTestId('referrals-open');
    // No consent to share with MINTRAB: no slip, and the screen says what to do.
    await open.getByTestId('referral').filter({ hasText: 'MINTRAB' }).getByRole('link', { name: 'Ficha' }).click();
    await page.getByTestId('slip-refused').getByText(/no aceptó compartir sus datos con MINTRAB/).waitFor();
    await page.getByRole('button', { name: 'Volver' }).click();
    await page.getByRole('tab', { name: /En curso/ }).click();
    await open.getByTestId('referral').filter({ hasText: 'RENAP' }).getByRole('link', { name: 'Ficha' }).click();
    const slip = page.getByTestId('slip');
    await slip.getByText('A: Registro Nacional de las Personas (RENAP)').waitFor();
    await slip.getByText('Santos Coc').waitFor();
    await shot(page, '81-referral-slip');
    await page.getByRole('button', { name: 'Volver' }).click();

    await page.getByRole('tab', { name: /En curso/ }).click();
    const line = () => open.getByTestId('referral').filter({ hasText: 'RENAP' });
    for (const [button, note, done] of [
      ['Marcar enviada', 'Enviada por correo a la delegación', 'Derivación: Enviada.'],
      ['Marcar recibida', 'RENAP confirma cita el lunes', 'Derivación: Recibida.'],
      ['Marcar atendida', '', 'Derivación: Atendida.'],
      ['Cerrar', 'DPI en trámite', 'Derivación: Cerrada.'],
    ] as const) {
      await line().getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      if (note) await dialog.getByLabel(/^Nota/).fill(note);
      await dialog.getByRole('button', { name: button }).click();
      await page.getByText(done).first().waitFor();
    }
    expect(await line().count()).toBe(0); // closed: no longer in progress
    await shot(page, '82-referrals-open');
  });

  it('after he left: a follow-up call, then the case is closed; the manager sees RENAP answered', async () => {
    const { page } = h;
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Buscar persona por nombre, documento o expediente…').fill('santos coc');
    await page.getByTestId('search-hit').filter({ hasText: 'Santos Coc' }).first().click();
    await page.getByRole('heading', { name: 'Santos Coc' }).waitFor();
    // A new need while following him: a referral by hand to any institution of the directory.
    await page.getByTestId('referrals-card').getByRole('button', { name: 'Derivar a otra institución' }).click();
    const byHand = page.getByRole('dialog', { name: 'Derivar a otra institución' });
    await byHand.getByRole('textbox', { name: 'Institución', exact: true }).fill('OIM');
    await page.getByRole('option', { name: /^OIM — / }).click();
    await byHand.getByRole('button', { name: 'Derivar' }).click();
    await page.getByText('Derivación creada a OIM.').waitFor();
    await page.getByTestId('referrals-card').getByTestId('referral').filter({ hasText: 'OIM' }).waitFor();
    const follow = page.getByTestId('follow-ups');
    await follow.getByLabel('Qué se habló').fill('Ya tiene su DPI; busca trabajo en Cobán');
    await follow.getByRole('button', { name: 'Registrar seguimiento' }).click();
    await page.getByText('Seguimiento registrado.').waitFor();
    await follow.getByText(/Llamada · Se contactó · Ya tiene su DPI/).waitFor();
    await follow.getByRole('button', { name: 'Cerrar el caso' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cerrar el caso' });
    await dialog.getByLabel('Motivo').fill('Necesidades atendidas: documento y empleo');
    await dialog.getByRole('button', { name: 'Cerrar el caso' }).click();
    await page.getByText('Caso cerrado.').waitFor();
    await follow.getByText('Caso cerrado').first().waitFor();
    await shot(page, '83-referral-case-file');
    await page.getByRole('link', { name: 'Derivaciones' }).click();
    await page.getByRole('tab', { name: 'Por institución' }).click();
    const stats = page.getByTestId('referral-stats');
    await stats.getByRole('row').filter({ hasText: 'RENAP' }).getByText('Cerrada 1').waitFor();
    await shot(page, '84-referral-stats');
  });

  it('the admin edits the routes: a typing mistake is shown in Spanish, a preview shows who would change, a new version is saved', async () => {
    const { page } = h;
    await switchUser(page, 'jefa', 'clave-jefa-2026');
    await page.getByRole('link', { name: 'Rutas de derivación' }).click();
    await page.getByRole('heading', { name: 'Rutas de derivación' }).waitFor();
    const editor = page.getByTestId('routes-json');
    const original = await editor.inputValue();
    await editor.fill(original.replace('"gtm-job-mintrab"', '"gtm-identity-renap"'));
    await page.getByRole('button', { name: 'Vista previa (últimos 30 días)' }).click();
    await page.getByTestId('routes-problems').getByText('«gtm-identity-renap» aparece dos veces.').waitFor();
    // MINTRAB's route proposes INTECAP instead: Santos, who needs work, would change.
    await editor.fill(original.replace('"institution": "MINTRAB"', '"institution": "INTECAP"'));
    await page.getByRole('button', { name: 'Vista previa (últimos 30 días)' }).click();
    const preview = page.getByTestId('routes-preview');
    await preview.getByText('+ INTECAP · Empleo').waitFor();
    await preview.getByText('− MINTRAB · Empleo').waitFor();
    await shot(page, '85-referral-routes');
    await page.getByLabel('Motivo del cambio').fill('El empleo lo atiende INTECAP en esta región');
    await page.getByRole('button', { name: 'Guardar nueva versión' }).click();
    await page.getByText('Rutas guardadas como versión 2.').waitFor();
  });
});
