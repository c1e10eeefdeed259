import { describe, expect, it } from 'vitest';
import { guardContents, ipcOptions, rendererSource, trustedUrl, windowPreferences } from '../../electron/main/policy';

describe('the main process policy', () => {
  it('ignores ELECTRON_RENDERER_URL in an installed build and honours it in development', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example/' };
    expect(rendererSource(true, env)).toEqual({ url: 'app://acogida/', devUrl: null });
    expect(rendererSource(false, env)).toEqual({ url: 'http://evil.example/', devUrl: 'http://evil.example/' });
    expect(trustedUrl(null)('http://evil.example/')).toBe(false);
    expect(trustedUrl(null)('app://acogida/personas')).toBe(true);
  });

  it('turns DevTools off in an installed build, and keeps the window isolated and sandboxed', () => {
    const prefs = windowPreferences('/preload.js', true);
    expect(prefs).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(windowPreferences('/preload.js', false).devTools).toBe(true);
  });

  it('stops navigation and redirects away from the app, new windows and webviews', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let windowOpen: (() => { action: string }) | null = null;
    guardContents(
      {
        setWindowOpenHandler: (h) => (windowOpen = h),
        on: ((name: string, listener: (event: { preventDefault(): void }, url?: string) => void) => handlers.set(name, listener)) as never,
      },
      trustedUrl(null),
    );
    const attempt = (name: string, url?: string) => {
      let prevented = false;
      handlers.get(name)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-redirect', 'app://acogida/llegadas')).toBe(false);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(windowOpen!()).toEqual({ action: 'deny' });
  });
});

describe('the IPC options the preload sends', () => {
  it('answers in the language the screen shows before sign-in, and takes nothing else on trust', () => {
    expect(ipcOptions({ background: true, locale: 'en' })).toEqual({ background: true, locale: 'en' });
    expect(ipcOptions({ locale: 'es' })).toEqual({ background: false, locale: 'es' });
    // An unknown language, a non-boolean flag or no options at all fall back to Spanish, in the foreground.
    expect(ipcOptions({ background: 'yes', locale: 'fr' })).toEqual({ background: false, locale: 'es' });
    expect(ipcOptions(null)).toEqual({ background: false, locale: 'es' });
    expect(ipcOptions('x'.repeat(500))).toEqual({ background: false, locale: 'es' });
  });
});
