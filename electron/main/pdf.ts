import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pdfFileName } from './pdf-name';

export type SavePdfResult = { saved: true; path: string } | { saved: false };

/**
 * Print views (certificate, QR ticket, later the daily summary) are saved with Electron's
 * printToPDF: the page as printed (print CSS), A4, written where the user chooses. Only the
 * app's own main frame may ask; the renderer never names a path itself.
 */
export function registerPdf(isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle('acogida:save-pdf', async (event: IpcMainInvokeEvent, suggestedName: unknown): Promise<SavePdfResult> => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url)) return { saved: false };
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, margins: { marginType: 'default' } });
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      defaultPath: path.join(app.getPath('documents'), pdfFileName(suggestedName)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    await fs.writeFile(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  });
}
