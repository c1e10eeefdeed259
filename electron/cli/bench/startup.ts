import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../core/core';
import { rendererBuildDir } from '../../core/paths';
import { createHost, listen } from '../../host/server';
import { inProcess } from '../../core/worker/client';
import { percentile, type BenchRow } from './table';
import { initCentre } from '../../core/testing/fixtures';
import { BENCH_CENTRE } from './centre';

const LOADS = 7;
const TARGET_MS = 1000;

/** Debian's Chromium, as the e2e tests use it. */
function chromium(): string | null {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

/**
 * Start-up of the built renderer in Chromium against the loopback host: from the moment the
 * server has answered the page (navigation responseEnd) to the first screen a person can use
 * (the sign-in form), each load in a fresh browser context with nothing cached.
 */
export async function benchStartup(): Promise<BenchRow[]> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const build = rendererBuildDir(root);
  const executable = chromium();
  const benchmark = 'first render of the sign-in screen after the server answers (built renderer, Chromium)';
  if (!executable || !fs.existsSync(path.join(build, 'index.html')))
    return [{ benchmark, result: 'not run', comparison: executable ? 'build the renderer first: npm run build' : 'Chromium not found (apt-get install chromium)', target: `≤ ${TARGET_MS} ms`, pass: null }];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-bench-startup-'));
  const core = openCore(path.join(dir, 'startup.db'));
  const { chromium: playwright } = await import('playwright-core');
  const browser = await playwright.launch({ executablePath: executable, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const server = createHost(inProcess(core), build);
  try {
    await initCentre(core, BENCH_CENTRE);
    const url = await listen(server, 0);
    const samples: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor({ timeout: 30_000 });
      // Evaluated in the page (a DOM expression; this file is typed for Node).
      samples.push(Number(await page.evaluate("performance.now() - performance.getEntriesByType('navigation')[0].responseEnd")));
      await context.close();
    }
    const assets = path.join(build, 'assets');
    const entry = fs.readFileSync(path.join(build, 'index.html'), 'utf8').match(/assets\/[^"]+\.js/g) ?? [];
    const entryKb = entry.reduce((sum, f) => sum + fs.statSync(path.join(build, f)).size, 0) / 1024;
    const allKb = fs.readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + fs.statSync(path.join(assets, f)).size, 0) / 1024;
    const p50 = percentile(samples, 50);
    const worst = Math.max(...samples);
    return [
      {
        benchmark,
        result: `p50 ${p50.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`,
        comparison: `${LOADS} cold loads; JS loaded at start ${entryKb.toFixed(0)} KiB of ${allKb.toFixed(0)} KiB built (the rest by route)`,
        target: `≤ ${TARGET_MS} ms`,
        pass: worst <= TARGET_MS,
      },
    ];
  } finally {
    await browser.close();
    server.close();
    core.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
