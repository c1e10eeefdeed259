import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent, createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

let h: Harness;
const PERSON = 'Ana Lucía Tzul Pop';

beforeAll(async () => {
  h = await startHarness();
  await setupCentreAsAdmin(h.page, h.url);
  await createUser(h.page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  await createUser(h.page, { name: 'Karla García', username: 'kgarcia', role: 'Trabajador/a social', password: 'clave-social-12' });
});
afterAll(async () => {
  if (h) await h.close();
});

/** A yes/no question of the interview, answered from the keyboard: focus the group, arrows, Space. */
async function answerByKeyboard(question: string, answer: 'Sí' | 'No') {
  const group = h.page.getByRole('radiogroup', { name: question });
  await group.getByRole('radio').first().focus();
  if (answer === 'No') await h.page.keyboard.press('ArrowRight');
  await h.page.keyboard.press('Space');
  await expect.poll(() => group.getByRole('radio', { name: answer }).isChecked()).toBe(true);
}

describe('vulnerability screening, end to end in Chromium', () => {
  it('the protection officer interviews a person from the keyboard and gets red with its reasons', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByLabel('Nombres').fill('Ana Lucía');
    await page.getByLabel('Primer apellido').fill('Tzul');
    await page.getByLabel('Segundo apellido').fill('Pop');
    await page.getByLabel('Fecha de nacimiento').fill('02/02/1993');
    await answerConsent(page);
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: PERSON }).waitFor();
    // Clerks neither interview nor read screenings.
    expect(await page.getByRole('link', { name: 'Vulnerabilidades' }).count()).toBe(0);

    await switchUser(page, 'kgarcia', 'clave-social-12');
    await page.getByRole('link', { name: 'Vulnerabilidades' }).click();
    await page.getByRole('heading', { name: 'Vulnerabilidades: cola y plazos' }).waitFor();
    const waiting = page.getByTestId('pending-row').filter({ hasText: PERSON });
    await waiting.getByText('Verde · baja').waitFor(); // nothing in registration points higher yet
    await shot(page, '50-screening-queue');
    await waiting.getByRole('link', { name: 'Entrevistar' }).click();
    await page.getByRole('heading', { name: 'Entrevista de vulnerabilidades' }).waitFor();
    await page.getByTestId('live-result').getByText('Verde · baja').waitFor();

    await answerByKeyboard('¿Tiene familia o personas que le reciban o apoyen al llegar?', 'Sí');
    await answerByKeyboard('En las últimas dos semanas, ¿ha pensado en hacerse daño o en quitarse la vida?', 'Sí');
    await answerByKeyboard('¿Teme por su vida o su seguridad si regresa a su comunidad?', 'Sí');
    // A question that depends on the previous answer appears only then.
    await page.getByRole('group', { name: '¿De quién viene la amenaza?' }).getByRole('checkbox', { name: 'Maras o pandillas' }).check();
    const live = page.getByTestId('live-result');
    await live.getByText('Rojo · alta').waitFor();
    await live.getByText('Ideas de suicidio o de hacerse daño').waitFor();
    await live.getByText('Riesgo de persecución o amenaza al retornar').waitFor();
    await live.getByText('Plazo: 24 h').waitFor();
    await page.getByLabel('Observaciones de la entrevista').fill('Se queda acompañada mientras llega psicología.');
    await shot(page, '51-screening-interview');
    await page.keyboard.press('Control+Enter');

    const card = page.getByTestId('screening-card').first();
    await card.getByText('Rojo · alta').waitFor();
    await card.getByText(/Quedan 2[34] h/).waitFor();
    expect(await card.getByTestId('screening-reasons').innerText()).toContain('Ideas de suicidio o de hacerse daño');
    await shot(page, '52-screening-result');

    // The instrument says to tell psychology at once: one action, then it says who did and when.
    await card.getByTestId('notify-psychology').getByRole('button', { name: 'Avisar a psicología' }).click();
    await card.getByTestId('psychology-notified').getByText(/^Psicología avisada por Karla García el /).waitFor();
    // Read back: the answers and the notes, as they were given.
    await card.getByRole('button', { name: 'Ver respuestas' }).click();
    const answers = page.getByTestId('screening-answers');
    await answers.getByText('Se queda acompañada mientras llega psicología.').waitFor();
    expect(await answers.getByRole('row', { name: /pensado en hacerse daño/ }).textContent()).toContain('Sí');
    await shot(page, '52b-screening-answers');
    await page.keyboard.press('Escape');
  });

  it('the flow board shows the colour and the time left to act', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    const row = page.getByTestId('flow-row').filter({ hasText: PERSON });
    await row.getByTestId('flow-priority').getByText('Rojo').waitFor();
    expect(await row.getByTestId('countdown').innerText()).toMatch(/^Quedan 2[34] h \d+ min$/);
    await shot(page, '53-screening-flow-board');
  });

  it('an override needs a reason, keeps the computed colour in view, and is listed', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Vulnerabilidades' }).click();
    await page.getByRole('tab', { name: /Plazos de atención/ }).click();
    await page.getByTestId('action-row').filter({ hasText: PERSON }).getByRole('link', { name: 'Ver tamizaje' }).click();
    // A reload on a deep route (F5 at the desk) brings the same screen back.
    await page.reload();
    const card = page.getByTestId('screening-card').first();
    await card.getByRole('button', { name: 'Cambiar prioridad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cambiar la prioridad del tamizaje' });
    await dialog.getByText('Amarillo · media').click();
    await dialog.getByRole('button', { name: 'Cambiar prioridad' }).click();
    await dialog.getByText('Escriba el motivo (al menos 5 caracteres).').waitFor();
    await dialog.getByRole('textbox', { name: 'Motivo' }).fill('Valorada por psicología: sin riesgo inmediato, seguimiento en 48 h');
    await dialog.getByRole('button', { name: 'Cambiar prioridad' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText('Amarillo · media').waitFor();
    await card.getByText('Según las reglas: Rojo').waitFor();
    await card.getByTestId('screening-override').getByText(/Rojo → Amarillo por Karla García .*: Valorada por psicología/).waitFor();
    await shot(page, '54-screening-override');

    await card.getByRole('button', { name: 'Registrar atención' }).click();
    const attend = page.getByRole('dialog', { name: 'Atención brindada' });
    await attend.getByRole('textbox', { name: 'Acción realizada' }).fill('Primeros auxilios psicológicos y llamada a su hermana');
    await attend.getByRole('button', { name: 'Registrar atención' }).click();
    await card.getByText(/^Atendido el/).waitFor();
    await page.getByRole('link', { name: 'Vulnerabilidades' }).click();
    await page.getByRole('tab', { name: 'Plazos de atención (0)' }).waitFor();
  });

  it('the clerk sees the colour on the case file, never the reasons', async () => {
    const { page } = h;
    await switchUser(page, 'mlopez', 'clave-registro-1');
    await page.getByRole('link', { name: 'Tablero de flujo' }).click();
    await page.getByTestId('flow-row').filter({ hasText: PERSON }).getByRole('link', { name: PERSON, exact: true }).click();
    await page.getByTestId('screening-status').getByText('Amarillo · media').waitFor();
    expect(await page.getByTestId('screening-card').count()).toBe(0);
    expect(await page.content()).not.toContain('Ideas de suicidio');
  });

  it('the admin changes the rules without code: preview first, then a new version', async () => {
    const { page } = h;
    await switchUser(page, 'jefa', 'clave-jefa-2026');
    await page.getByRole('link', { name: 'Reglas del semáforo' }).click();
    await page.getByText('Versión vigente: 1').waitFor();
    const red = page.getByTestId('tier-red');
    // Suicidal thoughts moved to yellow while still in red: refused with a clear message.
    const yellowAny = page.getByTestId('tier-yellow').getByRole('textbox', { name: 'Cualquiera de estos indicadores' });
    await yellowAny.click();
    await yellowAny.fill('suicidio');
    await page.getByRole('option', { name: 'Ideas de suicidio o de hacerse daño' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    await page.getByTestId('rules-problems').getByText('«Ideas de suicidio o de hacerse daño» está en rojo y en amarillo; déjelo en uno solo.').waitFor();
    await page.getByRole('button', { name: 'Descartar cambios' }).click();
    await expect.poll(() => page.getByTestId('rules-problems').count()).toBe(0);

    // Persecution risk moves from red to yellow: the screening of today would not change (it was red by suicidal ideation too).
    // Backspace in the picker removes the last indicator, as in any tag field.
    await red.getByRole('textbox', { name: 'Cualquiera de estos indicadores' }).click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await expect.poll(() => red.getByText('Riesgo de persecución o amenaza al retornar').count()).toBe(0);
    await yellowAny.click();
    await yellowAny.fill('persecución');
    await page.getByRole('option', { name: 'Riesgo de persecución o amenaza al retornar' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('tier-red').getByRole('textbox', { name: 'Plazo (horas)' }).fill('12');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    const preview = page.getByTestId('rules-preview');
    await preview.getByText('1 tamizajes considerados').waitFor();
    expect(await preview.getByTestId('proposed-red').innerText()).toBe('1');
    await page.getByRole('textbox', { name: 'Motivo del cambio' }).fill('Acuerdo de la mesa técnica: la persecución se atiende en 72 h');
    await shot(page, '55-screening-rules-preview');
    await page.getByRole('button', { name: 'Guardar como versión 2' }).click();
    await page.getByText('Versión vigente: 2').waitFor();
    await page.getByRole('cell', { name: 'Acuerdo de la mesa técnica: la persecución se atiende en 72 h' }).waitFor();
  });
});
