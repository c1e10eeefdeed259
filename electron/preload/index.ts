import { contextBridge, ipcRenderer } from 'electron';

// The whole surface the renderer gets: the core's one entry, and saving the page on screen as
// a PDF (main chooses the file through the system dialog). No ipcRenderer, no Node.
contextBridge.exposeInMainWorld('acogida', {
  invoke: (method: string, input: unknown, options?: { background?: boolean; locale?: string }): Promise<unknown> =>
    ipcRenderer.invoke('acogida:invoke', method, input, { background: options?.background === true, locale: String(options?.locale ?? '') }),
  savePdf: (suggestedName: string): Promise<unknown> => ipcRenderer.invoke('acogida:save-pdf', suggestedName),
});
