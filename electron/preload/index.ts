import { contextBridge, ipcRenderer } from 'electron';

// The whole surface the renderer gets: one function. No ipcRenderer, no Node.
contextBridge.exposeInMainWorld('acogida', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('acogida:invoke', method, input),
});
