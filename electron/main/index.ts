import { app, BrowserWindow, protocol } from 'electron';
import path from 'node:path';
import { openCore } from '../core/core';
import { endAllSessions } from '../core/sessions';
import { serveStatic } from '../host/static-files';
import { registerIpc } from './ipc';
import { registerPdf } from './pdf';
import { hardenWebContents } from './security';

// The renderer is served from app://acogida/ (not file://) so it gets a real origin and our CSP.
const ORIGIN = 'app://acogida';
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const devUrl = process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = (url: string) => url.startsWith(`${ORIGIN}/`) || (!!devUrl && url.startsWith(devUrl));

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Acogida',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl ?? `${ORIGIN}/`);
}

if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  const core = openCore(path.join(app.getPath('userData'), 'acogida.db'));
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
