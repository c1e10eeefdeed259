import os from 'node:os';
import path from 'node:path';

/** Same folder Electron's app.getPath('userData') gives for productName "Acogida". */
export function userDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Acogida');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Acogida');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Acogida');
}

export function defaultDatabasePath(): string {
  return process.env.ACOGIDA_DB ?? path.join(userDataDir(), 'acogida.db');
}

/** Built renderer (electron-vite output), relative to the repository root. */
export function rendererBuildDir(root: string): string {
  return path.join(root, 'out', 'renderer');
}
