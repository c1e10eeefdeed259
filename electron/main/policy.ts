/**
 * The main process's security decisions, kept free of the 'electron' import so tests can hold
 * them to account without an Electron binary (tests/unit/main-policy.test.ts).
 */
import { asLocale, type Locale } from '../core/i18n/locales';

/** The renderer is served from app://acogida/ (not file://) so it gets a real origin and our CSP. */
export const APP_ORIGIN = 'app://acogida';

/**
 * Where the window loads from. ELECTRON_RENDERER_URL (electron-vite's dev server) is honoured only
 * in a development build: in an installed app an environment variable must never point the
 * window, with its IPC access to every record, at another page.
 */
export function rendererSource(isPackaged: boolean, env: NodeJS.ProcessEnv): { url: string; devUrl: string | null } {
  const devUrl = !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : null;
  return { url: devUrl ?? `${APP_ORIGIN}/`, devUrl };
}

export function trustedUrl(devUrl: string | null): (url: string) => boolean {
  return (url) => url.startsWith(`${APP_ORIGIN}/`) || (devUrl !== null && url.startsWith(devUrl));
}

/** The window's webPreferences: isolated, sandboxed, no Node; DevTools only in development. */
export function windowPreferences(preload: string, isPackaged: boolean) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: !isPackaged,
  } as const;
}

interface GuardedContents {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
}

/** No new windows, no webviews, and no navigation or redirect to anything but the app itself. */
export function guardContents(contents: GuardedContents, isTrustedUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The options the preload sends with a call: whether a poll made it, and the language the screen
 * shows (used before sign-in; a session answers in its user's language). Anything else → defaults.
 */
export function ipcOptions(options: unknown): { background: boolean; locale: Locale } {
  const o = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  return { background: o.background === true, locale: asLocale(o.locale) };
}
