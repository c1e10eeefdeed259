import { app, BrowserWindow, dialog, Menu, protocol } from 'electron';
import path from 'node:path';
import { systemClock } from '../core/context';
import { AppError } from '../core/errors';
import { CoreWorker } from '../core/worker/client';
import { serveStatic } from '../host/static-files';
import { registerIpc } from './ipc';
import { appKeys } from './keys';
import { registerPdf } from './pdf';
import { rendererSource, trustedUrl, windowPreferences } from './policy';
import { hardenWebContents } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// An installed app has no DevTools, no default menu (View ▸ Toggle Developer Tools, Reload) and
// ignores ELECTRON_RENDERER_URL; `npm run dev` keeps them.
const { url: startUrl, devUrl } = rendererSource(app.isPackaged, process.env);
const isTrustedUrl = trustedUrl(devUrl);

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Acogida',
    show: false,
    webPreferences: windowPreferences(path.join(__dirname, '../preload/index.js'), app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
}

if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(async () => {
  if (app.isPackaged) Menu.setApplicationMenu(null);
  const file = path.join(app.getPath('userData'), 'acogida.db');
  // The core (SQLite and every call) runs in its worker thread; this thread draws the windows.
  let core: CoreWorker;
  try {
    core = await CoreWorker.open({ file, keys: appKeys(file, systemClock.now()), endSessions: true, script: path.join(__dirname, 'core-worker.js') });
  } catch (error) {
    // A missing or wrong key, a database from a newer version: said in words, never a new empty database.
    const message = error instanceof AppError ? error.toValue('es').message : String(error);
    dialog.showErrorBox('Acogida', message);
    app.exit(1);
    return;
  }
  // Sessions do not outlive the app: the worker ended them as it opened the database.
  const rendererDir = path.join(__dirname, '../renderer');
  protocol.handle('app', async (request) => {
    const file = await serveStatic(rendererDir, new URL(request.url).pathname);
    return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
      status: file.status,
      headers: file.headers,
    });
  });
  hardenWebContents(isTrustedUrl);
  registerIpc(core.call, isTrustedUrl);
  registerPdf(isTrustedUrl);
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
  app.on('before-quit', () => void core.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
