/// <reference types="vite/client" />

interface Window {
  /** Present only inside Electron (preload): the IPC transport. */
  acogida?: { invoke(method: string, input: unknown): Promise<unknown> };
}
