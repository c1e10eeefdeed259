import os from 'node:os';
import path from 'node:path';

/**
 * An environment variable that names a folder: empty or relative counts as unset (the XDG spec
 * says so, and an empty XDG_CONFIG_HOME once put the database in whatever folder the command
 * ran from).
 */
function folderFromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value && path.isAbsolute(value) ? value : undefined;
}

/** Same folder Electron's app.getPath('userData') gives for productName "Acogida". */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(folderFromEnv(env, 'APPDATA') ?? path.join(home, 'AppData', 'Roaming'), 'Acogida');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Acogida');
  return path.join(folderFromEnv(env, 'XDG_CONFIG_HOME') ?? path.join(home, '.config'), 'Acogida');
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.ACOGIDA_DB?.trim();
  return named ? named : path.join(userDataDir(env), 'acogida.db');
}

/**
 * Where the host and the CLI keep the database keys: a folder of its own, beside but outside the
 * data folder, so a copy of the data folder (a backup, a stolen disk image of it) carries no key.
 * On Windows the local, not roaming, profile: a key never travels with a roaming profile.
 */
export function keysDir(env: NodeJS.ProcessEnv = process.env): string {
  const named = folderFromEnv(env, 'ACOGIDA_KEYS_DIR');
  if (named) return named;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(folderFromEnv(env, 'LOCALAPPDATA') ?? path.join(home, 'AppData', 'Local'), 'Acogida-keys');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Acogida-keys');
  return path.join(folderFromEnv(env, 'XDG_CONFIG_HOME') ?? path.join(home, '.config'), 'Acogida-keys');
}

/** Built renderer (electron-vite output), relative to the repository root. */
export function rendererBuildDir(root: string): string {
  return path.join(root, 'out', 'renderer');
}
