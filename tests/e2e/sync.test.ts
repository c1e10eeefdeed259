import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareUpstream } from '../../electron/core/testing/desks';
import { startPostgres, type TestPostgres } from '../../electron/core/testing/postgres';
import { answerConsent, createUser, setupCentreAsAdmin, shot, startHarness, switchUser, type Harness } from './harness';

/**
 * Two desks of one centre, each an `acogida serve` on its own SQLite file, and the centre's
 * PostgreSQL: desk A joins from the Servidor central screen, desk B joins at first run, and a
 * person registered on A shows on B's flow board. At the desk size of a centre's laptops.
 */
const BIN = path.resolve(__dirname, '../../bin/acogida.cjs');
const VIEWPORT = { width: 1366, height: 768 };
let server: TestPostgres;
let a: Harness;
let b: Harness;
let connectionUrl = '';

beforeAll(async () => {
  server = await startPostgres();
  await prepareUpstream(server.adminUrl);
  a = await startHarness({ viewport: VIEWPORT });
  await setupCentreAsAdmin(a.page, a.url);
  // The server's administrator registers the centre (its name and id come from desk A's file).
  const added = spawnSync(process.execPath, [BIN, 'upstream', 'add-centre', '--url', server.adminUrl, '--db', a.db, '--json'], { encoding: 'utf8', env: process.env });
  expect(added.status, added.stderr + added.stdout).toBe(0);
  connectionUrl = (JSON.parse(added.stdout) as { connection_url: string }).connection_url;
}, 120_000);

/** Waits until a desk has nothing left to send (read from its file by `acogida sync status`). */
async function pushedEverything(db: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const status = spawnSync(process.execPath, [BIN, 'sync', 'status', '--db', db, '--json'], { encoding: 'utf8', env: process.env });
    if (status.status === 0 && (JSON.parse(status.stdout) as { pending: number }).pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${db} still has changes to send after 30 s`);
}

afterAll(async () => {
  await a?.close();
  await b?.close();
  server?.stop();
});

describe('two desks of one centre', () => {
  it('the admin joins desk A to the central server from its screen; an insecure address is refused first', async () => {
    const { page } = a;
    await page.getByRole('link', { name: 'Servidor central' }).click();
    await page.getByRole('heading', { name: 'Servidor central' }).waitFor();
    await page.getByText('Este puesto trabaja solo: no tiene servidor central.').waitFor();
    const url = page.getByLabel('Dirección del servidor central');
    await url.fill('postgres://centro:clave@servidor.centro.gt:5432/acogida');
    await page.getByRole('button', { name: 'Probar conexión' }).click();
    await page.getByText(/agregue \?sslmode=verify-full a la dirección/).waitFor();
    await page.getByRole('button', { name: 'Unir este puesto' }).click();
    await page.getByText(/agregue \?sslmode=verify-full a la dirección/).first().waitFor();
    await page.getByText('Este puesto trabaja solo: no tiene servidor central.').waitFor();
    await url.fill(connectionUrl);
    await page.getByRole('button', { name: 'Probar conexión' }).click();
    await page.getByText('Conexión correcta con el centro «CAMR San Pedro Sula».').waitFor();
    await url.press('Enter'); // Enter in the address joins
    await page.getByText('Este puesto quedó unido al servidor central. La sincronización empieza ahora.').waitFor();
    await page.getByTestId('sync-chip').and(page.locator('[data-state="synced"]')).waitFor({ timeout: 20_000 });
    // The address shown has no password.
    const shown = await page.getByText(/Conectado a:/).innerText();
    expect(shown).not.toContain(new URL(connectionUrl).password);
    await shot(page, '90-sync-desk-a-central-server');
    await createUser(page, { name: 'María José López', username: 'mlopez', role: 'Registrador/a', password: 'clave-registro-1' });
  }, 60_000);

  it('desk B joins the centre at first run, receives its users and signs in with an account made on A', async () => {
    // The account made on A a moment ago must have reached the server (A syncs every 5 s).
    await pushedEverything(a.db);
    b = await startHarness({ viewport: VIEWPORT });
    const { page } = b;
    await page.goto(b.url);
    await page.getByText('Unirse a un centro existente').click();
    await page.getByLabel('Dirección del servidor central').fill(connectionUrl);
    await page.getByLabel('Nombre de este puesto').fill('Mesa 2 — Kits');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Usuario').fill('mlopez');
    await page.getByLabel('Contraseña').fill('clave-registro-1');
    await page.keyboard.press('Enter');
    await page.getByTestId('sync-chip').waitFor({ timeout: 20_000 });
    await shot(page, '91-sync-desk-b-joined');
  }, 90_000);

  it('a person registered on desk A shows on desk B\'s flow board', async () => {
    await switchUser(a.page, 'mlopez', 'clave-registro-1');
    const { page } = a;
    await page.getByRole('link', { name: 'Registro' }).click();
    await page.getByRole('heading', { name: 'Registro de persona que llega por su cuenta' }).waitFor();
    await page.getByLabel('Nombres').fill('Santos');
    await page.getByLabel('Primer apellido').fill('Coc');
    await page.getByLabel('Segundo apellido').fill('Pop');
    await page.getByLabel('Fecha de nacimiento').fill('1990');
    await answerConsent(page);
    await page.getByRole('button', { name: 'Guardar registro' }).click();
    await page.getByRole('heading', { name: 'Santos Coc Pop' }).waitFor();

    await b.page.getByRole('link', { name: 'Tablero de flujo' }).click();
    await b.page.getByTestId('flow-row').filter({ hasText: 'Santos Coc Pop' }).waitFor({ timeout: 30_000 });
    await b.page.getByTestId('sync-chip').and(b.page.locator('[data-state="synced"]')).waitFor({ timeout: 20_000 });
    await shot(b.page, '92-sync-desk-b-flow-board');
    // The chip's popover: last sync and Sincronizar ahora, from the keyboard too.
    await b.page.getByTestId('sync-chip').click();
    await b.page.getByRole('button', { name: 'Sincronizar ahora' }).click();
    await b.page.getByText(/^Sincronizado: \d+ enviados, \d+ recibidos\.$/).waitFor();
    await shot(b.page, '93-sync-chip-popover');
  }, 90_000);
});
