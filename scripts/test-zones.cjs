#!/usr/bin/env node
// Runs the unit and integration suite once per clock zone: the workstation's zone must never
// change a result (a donated laptop in UTC, a machine across the date line, one in the centre's
// own zone). Extra arguments go to vitest (`npm run test:unit -- tests/unit/time.test.ts`).
// ACOGIDA_TEST_ZONES=UTC narrows the run to the zones named.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const zones = (process.env.ACOGIDA_TEST_ZONES || 'UTC,Pacific/Kiritimati,America/Guatemala').split(',').filter(Boolean);
const vitest = path.join(__dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');

for (const zone of zones) {
  process.stdout.write(`\n== Pruebas unitarias y de integración con TZ=${zone} ==\n`);
  const run = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TZ: zone } });
  if (run.status !== 0) {
    process.stderr.write(`Las pruebas fallaron con TZ=${zone}.\n`);
    process.exit(run.status ?? 1);
  }
}
