import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { AppError } from '../core/errors';
import { ipcOptions } from './policy';
import type { CallCore } from '../core/worker/client';

/**
 * IPC transport: one channel, sender frame checked, forwarded to the core's worker thread. The
 * session token stays here in the main process (per window); the renderer never sees it.
 */
export function registerIpc(call: CallCore, isTrustedUrl: (url: string) => boolean): void {
  const tokens = new Map<number, string>();
  ipcMain.handle('acogida:invoke', async (event: IpcMainInvokeEvent, method: unknown, input: unknown, options: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url))
      return { ok: false, error: new AppError('forbidden').toValue('es') };
    const id = event.sender.id;
    const { background, locale } = ipcOptions(options);
    const result = await call(String(method), input, { token: tokens.get(id) ?? null, background, locale });
    if (result.ok && result.value && typeof result.value === 'object' && 'token' in result.value) {
      tokens.set(id, String(result.value.token));
      event.sender.once('destroyed', () => tokens.delete(id));
      return { ok: true, value: { ...result.value, token: '' } };
    }
    if (method === 'auth.logout' && result.ok) tokens.delete(id);
    return result;
  });
}

