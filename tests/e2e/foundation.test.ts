import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, type Harness } from './harness';

// playwright-core has no test runner: we wait on locators explicitly and assert with vitest.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.page.clock.install(); // lets the test fast-forward the idle timer
});
afterAll(async () => h && (await h.close()));

const ADMIN = { name: 'Marvin Estuardo Cifuentes López', username: 'mcifuentes', password: 'clave-admin-2026' };
const CLERK = { name: 'María José López Xicará', username: 'mlopez', password: 'clave-registro-1' };

describe('foundation, end to end in Chromium', () => {
  it('runs first-run setup with validation in Spanish', async () => {
    const { page, url } = h;
    await page.goto(url);
    await page.getByRole('heading', { name: 'Configuración inicial' }).waitFor();
    await shot(page, '01-setup');
    await page.getByRole('button', { name: 'Configurar y continuar' }).click();
    await page.getByText('Este campo es obligatorio.').first().waitFor();
    await page.getByText('Use de 3 a 32 letras minúsculas').waitFor();
    await shot(page, '02-setup-errors');

    await page.getByLabel('Nombre del centro').fill('Centro de Recepción de Retornados — Fuerza Aérea Guatemalteca');
    await page.getByLabel('Nombre de este puesto').fill('Mesa de registro 1');
    await page.getByLabel('Nombre completo').fill(ADMIN.name);
    await page.getByLabel('Usuario').fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repita la contraseña').fill('otra-cosa-distinta');
    await page.getByRole('button', { name: 'Configurar y continuar' }).click();
    await page.getByText('Las contraseñas no coinciden.').waitFor();
    await page.getByLabel('Repita la contraseña').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
  });

  it('signs the admin in from the keyboard, after refusing a wrong password', async () => {
    const { page } = h;
    await page.getByLabel('Usuario').fill(ADMIN.username);
    await page.getByLabel('Contraseña').fill('equivocada');
    await page.keyboard.press('Enter');
    await page.getByText('Usuario o contraseña incorrectos.').waitFor();
    await shot(page, '03-login-error');
    await page.getByLabel('Contraseña').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Buen día, ${ADMIN.name}` }).waitFor();
    // Right after setup the admin is told what to do next.
    await page.getByTestId('first-steps').getByRole('link', { name: 'Cree las cuentas del personal' }).waitFor();
    await shot(page, '04-home-admin');
  });

  it('creates a clerk in the users screen', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByRole('heading', { name: 'Usuarios del centro' }).waitFor();
    await page.getByRole('button', { name: 'Nuevo usuario' }).click();
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.getByText('Elija al menos un rol.').waitFor();
    await page.getByRole('textbox', { name: 'Nombre', exact: true }).fill(CLERK.name);
    await page.getByRole('textbox', { name: 'Usuario', exact: true }).fill(CLERK.username);
    await page.getByRole('checkbox', { name: 'Registrador/a' }).check();
    await page.getByLabel('Contraseña inicial').fill(CLERK.password);
    await shot(page, '05-user-form');
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.getByTestId(`user-row-${CLERK.username}`).waitFor();
    expect(await page.getByTestId(`user-row-${CLERK.username}`).textContent()).toContain('Registrador/a');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot(page, '06-users');
    await page.getByRole('link', { name: 'Inicio', exact: true }).click();
    await page.getByRole('heading', { name: `Buen día, ${ADMIN.name}` }).waitFor();
    // Staff exist: the steps are done — not shown even for a moment while the list refetches.
    expect(await page.getByTestId('first-steps').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('first-steps').count()).toBe(0);
  });

  it('switches to the clerk, who is refused the users screen (in the UI and by the core)', async () => {
    const { page, url } = h;
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Cambiar de usuario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cambiar de usuario' });
    await dialog.getByLabel('Usuario').fill(CLERK.username);
    await dialog.getByLabel('Contraseña').fill(CLERK.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Buen día, ${CLERK.name}` }).waitFor();
    expect(await page.getByRole('link', { name: 'Usuarios' }).count()).toBe(0);

    await page.goto(`${url}usuarios`);
    await page.getByText('Sin permiso').waitFor();
    await shot(page, '07-clerk-refused');
    const status = await page.evaluate(async () => {
      const token = sessionStorage.getItem('acogida.token');
      const res = await fetch('/api/users.list', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    });
    expect(status.status).toBe(403);
    expect(status.body.error.code).toBe('forbidden');
  });

  it('locks the screen after the idle time, hiding all data, and unlocks with the password', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Inicio', exact: true }).click();
    await page.clock.fastForward('05:30');
    await page.getByRole('heading', { name: 'Pantalla bloqueada' }).waitFor();
    expect(await page.getByText(CLERK.name).count()).toBeGreaterThan(0);
    expect(await page.getByRole('navigation').count()).toBe(0); // the shell is unmounted
    await shot(page, '08-locked');
    await page.getByLabel(`Contraseña de ${CLERK.name}`).fill('equivocada');
    await page.keyboard.press('Enter');
    await page.getByText('Usuario o contraseña incorrectos.').waitFor();
    await page.getByLabel(`Contraseña de ${CLERK.name}`).fill(CLERK.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Buen día, ${CLERK.name}` }).waitFor();
  });

  it('shows the calls in the audit viewer, filtered by user, and verifies the chain', async () => {
    const { page } = h;
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Pantalla bloqueada' }).waitFor();
    await page.getByRole('button', { name: 'Entrar con otro usuario' }).click();
    await page.getByLabel('Usuario').fill(ADMIN.username);
    await page.getByLabel('Contraseña').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Buen día, ${ADMIN.name}` }).waitFor();

    await page.getByRole('link', { name: 'Auditoría' }).click();
    await page.getByRole('heading', { name: 'Registro de auditoría' }).waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    const all = await page.getByTestId('audit-row').allTextContents();
    for (const expected of ['Configuración inicial', 'Inicio de sesión', 'Crear usuario', 'Cambio de usuario', 'Bloqueo de pantalla', 'Desbloqueo de pantalla', 'Denegado', 'Credenciales incorrectas'])
      expect(all.join('\n'), expected).toContain(expected);
    await shot(page, '09-audit');

    await page.getByRole('textbox', { name: 'Usuario' }).fill(CLERK.username);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.waitForFunction((u) => { const rows = [...document.querySelectorAll('[data-testid="audit-row"]')]; return rows.length > 0 && rows.every((r) => r.textContent!.includes(u)); }, CLERK.username);
    const clerkRows = await page.getByTestId('audit-row').allTextContents();
    expect(clerkRows.length).toBeGreaterThan(3);
    expect(clerkRows.join('\n')).toContain('Listar usuarios');

    await page.getByRole('button', { name: 'Verificar integridad' }).click();
    await page.getByText(/Integridad verificada: \d+ entradas sin alteraciones/).waitFor();
    await shot(page, '10-audit-filtered-verified');
  });

  it('lets the admin change the idle-lock time in settings', async () => {
    const { page } = h;
    await page.getByRole('link', { name: 'Configuración' }).click();
    await page.getByRole('heading', { name: 'Configuración' }).waitFor();
    const idle = page.getByLabel('Bloqueo por inactividad (minutos)');
    await expect.poll(() => idle.inputValue()).toBe('5');
    await idle.fill('0');
    await idle.fill('10');
    await page.getByRole('button', { name: 'Guardar' }).first().click();
    await page.getByText('Cambios guardados.').waitFor();
    await shot(page, '12-settings');
    await page.getByRole('link', { name: 'Auditoría' }).click();
    await expect.poll(async () => (await page.getByTestId('audit-row').allTextContents()).join('\n')).toContain('Cambiar configuración');
  });

  it('switches the whole interface to English and back', async () => {
    const { page } = h;
    await page.getByRole('banner').locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('link', { name: 'Users' }).waitFor();
    await shot(page, '11-audit-english');
    await page.getByRole('banner').locator('label', { hasText: /^ES$/ }).click();
    await page.getByRole('heading', { name: 'Registro de auditoría' }).waitFor();
  });
});
