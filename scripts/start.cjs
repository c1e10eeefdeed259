// `npm start`: builds what changed, then opens the Electron window; where the Electron binary
// could not be downloaded, says so in one line and serves the same app on the loopback host.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lang = (process.env.ACOGIDA_LANG || process.env.LANG || 'es').slice(0, 2) === 'en' ? 'en' : 'es';
const say = (es, en) => console.log(lang === 'en' ? en : es);

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function buildIfStale() {
  const marker = path.join(root, 'out', 'renderer', 'index.html');
  const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  const sources = Math.max(newest(path.join(root, 'electron')), newest(path.join(root, 'renderer')));
  if (sources <= built) return;
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function electronBinary() {
  try {
    const binary = require('electron'); // a path; throws when the download failed
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The SQLite driver (better-sqlite3-multiple-ciphers) compiled for Electron's ABI, kept apart so the CLI's copy keeps working. */
const DRIVER = 'better-sqlite3-multiple-ciphers';

async function electronSqliteBinding() {
  const dir = path.join(root, '.electron-native');
  const binding = path.join(dir, 'node_modules', DRIVER, 'build', 'Release', 'better_sqlite3.node');
  const version = require('electron/package.json').version;
  const stamp = path.join(dir, 'electron-version');
  if (fs.existsSync(binding) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) return binding;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'acogida-electron-native', private: true, dependencies: { [DRIVER]: '*' } }));
  fs.cpSync(path.join(root, 'node_modules', DRIVER), path.join(dir, 'node_modules', DRIVER), { recursive: true });
  const { rebuild } = require('@electron/rebuild');
  await rebuild({ buildPath: dir, electronVersion: version, onlyModules: [DRIVER], force: true });
  fs.writeFileSync(stamp, version);
  return binding;
}

async function main() {
  buildIfStale();
  const binary = electronBinary();
  if (binary) {
    const binding = await electronSqliteBinding();
    const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, ACOGIDA_SQLITE_BINDING: binding } });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  say(
    'Electron no está disponible en este equipo (no se pudo descargar su binario): Acogida se abre en el navegador en la dirección de abajo.',
    'Electron is not available on this machine (its binary could not be downloaded): Acogida opens in the browser at the address below.',
  );
  const port = process.env.ACOGIDA_PORT || '4780';
  const child = spawn(process.execPath, [path.join(root, 'bin', 'acogida.cjs'), 'serve', '--port', port, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
