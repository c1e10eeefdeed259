/// <reference types="vite/client" />

interface Window {
  /** Present only inside Electron (preload): the IPC transport. */
  acogida?: {
    invoke(method: string, input: unknown, options?: { background: boolean; locale: string }): Promise<unknown>;
    /** Electron only: printToPDF of this page, saved where the user chooses. */
    savePdf?(suggestedName: string): Promise<{ saved: true; path: string } | { saved: false }>;
  };
}
