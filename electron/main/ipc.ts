import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/context';
import { dispatch } from '../core/dispatch';
import { AppError } from '../core/errors';

/**
 * IPC transport: one channel, sender frame checked. The session token stays here in the main
 * process (per window); the renderer never sees it.
 */
export function registerIpc(core: Core, isTrustedUrl: (url: string) => boolean): void {
  const tokens = new Map<number, string>();
  ipcMain.handle('acogida:invoke', async (event: IpcMainInvokeEvent, method: unknown, input: unknown, options: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url))
      return { ok: false, error: new AppError('forbidden').toValue('es') };
    const id = event.sender.id;
    const background = typeof options === 'object' && options !== null && (options as { background?: unknown }).background === true;
    const result = await dispatch(core, String(method), input, { token: tokens.get(id) ?? null, background });
    if (result.ok && result.value && typeof result.value === 'object' && 'token' in result.value) {
      tokens.set(id, String(result.value.token));
      event.sender.once('destroyed', () => tokens.delete(id));
      return { ok: true, value: { ...result.value, token: '' } };
    }
    if (method === 'auth.logout' && result.ok) tokens.delete(id);
    return result;
  });
}
