import { app, BrowserWindow, dialog, Menu, protocol } from 'electron';
import path from 'node:path';
import { systemClock, type Core } from '../core/context';
import { openCore } from '../core/core';
import { AppError } from '../core/errors';
import { endAllSessions } from '../core/sessions';
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

void app.whenReady().then(() => {
  if (app.isPackaged) Menu.setApplicationMenu(null);
  const file = path.join(app.getPath('userData'), 'acogida.db');
  let core: Core;
  try {
    core = openCore(file, systemClock, appKeys(file, systemClock.now()));
  } catch (error) {
    // A missing or wrong key, a database from a newer version: said in words, never a new empty database.
    const message = error instanceof AppError ? error.toValue('es').message : String(error);
    dialog.showErrorBox('Acogida', message);
    app.exit(1);
    return;
  }
  endAllSessions(core); // sessions do not outlive the app
  const rendererDir = path.join(__dirname, '../renderer');
  protocol.handle('app', async (request) => {
    const file = await serveStatic(rendererDir, new URL(request.url).pathname);
    return new Response(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
      status: file.status,
      headers: file.headers,
    });
  });
  hardenWebContents(isTrustedUrl);
  registerIpc(core, isTrustedUrl);
  registerPdf(isTrustedUrl);
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
  app.on('before-quit', () => core.db.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
