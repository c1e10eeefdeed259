import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return found;
}

export interface Harness {
  url: string;
  db: string;
  browser: Browser;
  page: Page;
  server: ChildProcess;
  close(): Promise<void>;
}

/**
 * The workstation's clock zone for every end-to-end run: far from any centre's (UTC+14, where it
 * is already "tomorrow" in Central America from 10:00 UTC). A screen that takes its day from the
 * browser's zone instead of the centre's fails here at any hour, not only in the evening.
 */
export const WORKSTATION_ZONE = process.env.ACOGIDA_E2E_TZ ?? 'Pacific/Kiritimati';

// The servers' key files go to a folder of this run, outside every data folder; a test that reads
// the database file itself (tests/e2e/aid.test.ts) finds the key there too.
process.env.ACOGIDA_KEYS_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-e2e-keys-'));

export interface HarnessOptions {
  /** Starts the app's clock at this instant (ACOGIDA_CLOCK_START); it runs on from there. */
  clockStart?: string;
  /** The browser's and the server's own clock zone. */
  timezoneId?: string;
  viewport?: { width: number; height: number };
  /** An existing database to serve (a restored one) instead of a fresh file; left in place on close. */
  db?: string;
}

/** `acogida serve` on a fresh SQLite file in a temp folder, and a Chromium page on it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const timezoneId = options.timezoneId ?? WORKSTATION_ZONE;
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Build the renderer first: npm run build');
  const dir = options.db ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-e2e-'));
  const db = options.db ?? path.join(dir!, 'acogida.db');
  const server = spawn(process.execPath, [path.join(ROOT, 'bin', 'acogida.cjs'), 'serve', '--db', db, '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ACOGIDA_LANG: 'es', TZ: timezoneId, ...(options.clockStart ? { ACOGIDA_CLOCK_START: options.clockStart } : {}) },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":\s*"([^"]+)"/.exec(out);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`acogida serve exited with ${code}: ${out}`)));
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 860 }, locale: 'es-GT', timezoneId });
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && problems.push(m.text()));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    db,
    browser,
    page,
    server,
    async close() {
      await browser.close();
      server.kill('SIGTERM');
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      if (problems.length) throw new Error(`Browser errors:\n${problems.join('\n')}`);
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The text of every page of a PDF, read with pdf.js: what a person would see on paper. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** Quick user switch from the user menu, as staff sharing a workstation do. */
export async function switchUser(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Cambiar de usuario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cambiar de usuario' });
  await dialog.getByLabel('Usuario').fill(username);
  await dialog.getByLabel('Contraseña').fill(password);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

/** First-run setup through the screens (in Guatemala unless `country` is named), then signed in as the centre's admin `jefa`. */
export async function setupCentreAsAdmin(page: Page, url: string, country?: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nombre del centro').fill('CAMR San Pedro Sula');
  if (country) {
    await page.getByRole('textbox', { name: 'País' }).click();
    await page.getByRole('option', { name: country }).click();
  }
  await page.getByLabel('Nombre de este puesto').fill('Mesa 1');
  await page.getByLabel('Nombre completo').fill('Coordinación');
  await page.getByLabel('Usuario').fill('jefa');
  await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill('clave-jefa-2026');
  await page.getByLabel('Repita la contraseña').fill('clave-jefa-2026');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
  await page.getByLabel('Usuario').fill('jefa');
  await page.getByLabel('Contraseña').fill('clave-jefa-2026');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Usuarios' }).waitFor();
}

/** Creates a user from the users screen (the signed-in user must manage staff). */
export async function createUser(page: Page, user: { name: string; username: string; role: string; password: string }): Promise<void> {
  await page.getByRole('link', { name: 'Usuarios' }).click();
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  await page.getByRole('textbox', { name: 'Nombre', exact: true }).fill(user.name);
  await page.getByRole('textbox', { name: 'Usuario', exact: true }).fill(user.username);
  await page.getByRole('checkbox', { name: user.role }).check();
  await page.getByLabel('Contraseña inicial').fill(user.password);
  await page.getByRole('button', { name: 'Crear' }).click();
  await page.getByTestId(`user-row-${user.username}`).waitFor();
}

const CONSENT_LABELS = {
  registration: /^Registro de sus datos en el centro/,
  follow_up: /^Contacto posterior para seguimiento/,
  replication: /^Envío a la base de datos nacional/,
  sharing: /^Compartir con instituciones para derivación/,
} as const;

/** Answers each consent purpose of the registration form, as the person did (nothing comes ticked). */
export async function answerConsent(page: Page, answers: Partial<Record<keyof typeof CONSENT_LABELS, boolean>> = {}): Promise<void> {
  const full = { registration: true, follow_up: false, replication: false, sharing: false, ...answers };
  for (const [purpose, label] of Object.entries(CONSENT_LABELS))
    await page.getByRole('radiogroup', { name: label }).getByRole('radio', { name: full[purpose as keyof typeof CONSENT_LABELS] ? 'Sí' : 'No' }).check();
}

/** The clerk's common path: Registro, names, consent, save; waits for the new case file. */
export async function registerPerson(page: Page, givenNames: string, firstSurname: string): Promise<void> {
  await page.getByRole('link', { name: 'Registro' }).click();
  await page.getByLabel('Nombres').fill(givenNames);
  await page.getByLabel('Primer apellido').fill(firstSurname);
  await answerConsent(page);
  await page.getByRole('button', { name: 'Guardar registro' }).click();
  await page.getByRole('heading', { name: `${givenNames} ${firstSurname}` }).waitFor();
}
