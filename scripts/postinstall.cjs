// Electron's own installer downloads a binary from a host some machines cannot reach.
// Try it; if it fails, warn once and carry on: `npm start` then serves the app on the
// loopback host instead (see scripts/start.cjs).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const installer = path.join(__dirname, '..', 'node_modules', 'electron', 'install.js');
if (!fs.existsSync(installer)) process.exit(0);
if (process.env.ACOGIDA_SKIP_ELECTRON_DOWNLOAD === '1') process.exit(0);
const result = spawnSync(process.execPath, [installer], { stdio: 'pipe', timeout: 120_000 });
if (result.status !== 0) {
  console.warn('acogida: Electron binary could not be downloaded; `npm start` will serve the app in the browser instead.');
}
