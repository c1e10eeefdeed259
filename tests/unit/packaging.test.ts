import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import os from 'node:os';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { describe, expect, it, vi } from 'vitest';

/**
 * Issue 20, item 1: the installers and the Electron hardening, read from the files that make
 * them (the Electron binary cannot be downloaded here, so nothing is packed in this test). Each
 * assertion is one item: removing a setting fails exactly one of them.
 */
const ROOT = path.resolve(__dirname, '../..');
const requireCjs = createRequire(__filename);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's configuration, read as plain data
const config = requireCjs(path.join(ROOT, 'electron-builder.config.cjs')) as Record<string, any>;
const { FUSES } = requireCjs(path.join(ROOT, 'build/fuses.cjs')) as { FUSES: Record<string | number, unknown> };
const afterPack = requireCjs(path.join(ROOT, 'build/after-pack.cjs')) as { executableOf(context: unknown): string; default(context: unknown): Promise<void> };

describe('the installers (electron-builder.config.cjs)', () => {
  it('names the app and its icon', () => {
    expect(config.appId).toBe('org.acogida.desktop');
    expect(config.productName).toBe('Acogida');
    const icon = path.join(ROOT, config.icon);
    expect(fs.existsSync(icon)).toBe(true);
    const png = fs.readFileSync(icon);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // width: electron-builder makes the .ico from it
  });
  it('packs the app in an asar, with the SQLite addon rebuilt for Electron and unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.files).toContain('out/**');
  });
  it('makes a per-machine x64 NSIS installer in Spanish and English', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.installerLanguages).toEqual(expect.arrayContaining(['es_ES', 'en_US']));
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });
  it('makes an AppImage and a .deb for Linux', () => {
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
  });
  it('flips the fuses after packing, and `npm run dist` runs it all', () => {
    expect(fs.existsSync(path.join(ROOT, config.afterPack))).toBe(true);
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toContain('electron-builder --config electron-builder.config.cjs');
    const packager = { appInfo: { productFilename: 'Acogida' }, executableName: 'acogida' };
    expect(afterPack.executableOf({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(path.join('/o', 'Acogida.exe'));
    expect(afterPack.executableOf({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(path.join('/o', 'acogida'));
  });
});

describe('the fuses flipped in afterPack (build/fuses.cjs)', () => {
  const REQUIRED: [keyof typeof FuseV1Options, boolean][] = [
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', true],
    ['EnableCookieEncryption', true],
    ['GrantFileProtocolExtraPrivileges', false],
  ];
  it('is a version 1 fuse map', () => expect(FUSES.version).toBe(FuseVersion.V1));
  for (const [name, value] of REQUIRED) it(`sets ${name} to ${value}`, () => expect(FUSES[FuseV1Options[name]]).toBe(value));

  // A dry run of the hook itself. No Electron binary can be downloaded here, so a stand-in
  // carries what @electron/fuses looks for in one: the sentinel, then the fuse wire (version 1,
  // eight fuses) as Electron ships it — RunAsNode, NODE_OPTIONS, --inspect and file:// privileges
  // on; cookie encryption, asar integrity and asar-only off — among megabytes of other bytes.
  for (const platform of ['linux', 'win32'] as const) {
    it(`flips every fuse in the packed ${platform} executable where electron-builder leaves it`, async () => {
      const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-afterpack-'));
      try {
        const context = { appOutDir, electronPlatformName: platform, arch: 1, packager: { appInfo: { productFilename: 'Acogida' }, executableName: platform === 'win32' ? config.win.executableName : config.linux.executableName } };
        const exe = afterPack.executableOf(context);
        expect(path.basename(exe)).toBe(platform === 'win32' ? 'Acogida.exe' : 'acogida');
        const shipped = Buffer.from([1, 8, ...'10110001'].map((c) => (typeof c === 'number' ? c : c === '1' ? FuseState.ENABLE : FuseState.DISABLE)));
        const filler = crypto.randomBytes(1 << 20);
        fs.writeFileSync(exe, Buffer.concat([filler, Buffer.from(SENTINEL), shipped, filler]));
        const before = await getCurrentFuseWire(exe);
        expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
        await afterPack.default(context);
        const after = await getCurrentFuseWire(exe);
        for (const [name, value] of REQUIRED) expect(after[FuseV1Options[name]], name).toBe(value ? FuseState.ENABLE : FuseState.DISABLE);
        // The rest of the binary is untouched.
        const bytes = fs.readFileSync(exe);
        expect(bytes.subarray(0, filler.length).equals(filler)).toBe(true);
        expect(bytes.length).toBe(2 * filler.length + SENTINEL.length + shipped.length);
      } finally {
        fs.rmSync(appOutDir, { recursive: true, force: true });
      }
    });
  }
});

// The main process's session guards, run against a stand-in for Electron's app and session.
const electron = vi.hoisted(() => ({
  permissionRequest: null as null | ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  created: null as null | ((event: unknown, contents: unknown) => void),
}));
vi.mock('electron', () => ({
  app: { on: (name: string, listener: (event: unknown, contents: unknown) => void) => name === 'web-contents-created' && (electron.created = listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof electron.permissionRequest) => (electron.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof electron.permissionCheck) => (electron.permissionCheck = h),
    },
  },
}));

describe('the Electron security checklist, from the main-process code', async () => {
  const { windowPreferences, trustedUrl } = await import('../../electron/main/policy');
  const { hardenWebContents } = await import('../../electron/main/security');
  const { contentSecurityPolicy } = await import('../../electron/host/static-files');
  const prefs = windowPreferences('/preload.js', true) as Record<string, unknown>;
  hardenWebContents(trustedUrl(null));

  it('every BrowserWindow takes its webPreferences from windowPreferences', () => {
    for (const file of fs.readdirSync(path.join(ROOT, 'electron/main')).filter((f) => f.endsWith('.ts'))) {
      const code = fs.readFileSync(path.join(ROOT, 'electron/main', file), 'utf8');
      const windows = code.match(/new BrowserWindow\(\{[\s\S]*?\}\);/g) ?? [];
      for (const w of windows) expect(w, file).toMatch(/webPreferences: windowPreferences\(/);
    }
  });
  it('2. no Node.js integration in the renderer', () => expect(prefs.nodeIntegration).toBe(false));
  it('2. no Node.js integration in workers', () => expect(prefs.nodeIntegrationInWorker).toBe(false));
  it('3. context isolation', () => expect(prefs.contextIsolation).toBe(true));
  it('4. the renderer is sandboxed', () => expect(prefs.sandbox).toBe(true));
  it('5. every permission request is refused', () => {
    let answer: boolean | null = null;
    electron.permissionRequest!(null, 'media', (ok) => (answer = ok));
    expect(answer).toBe(false);
    expect(electron.permissionCheck!()).toBe(false);
  });
  it('6. web security stays on', () => expect(prefs.webSecurity).toBe(true));
  it('7. a Content-Security-Policy without inline scripts or eval', () => {
    const csp = contentSecurityPolicy('n');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
  });
  it('8. no insecure content over a secure page', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('9 and 10. no experimental features or Blink features', () => {
    expect(prefs.experimentalFeatures).toBeUndefined();
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });
  it('11 and 12. no webview tag, and a webview is never attached', () => {
    expect(prefs.webviewTag).toBe(false);
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    electron.created!(null, { setWindowOpenHandler: () => undefined, on: (n: string, l: never) => handlers.set(n, l) });
    let prevented = false;
    handlers.get('will-attach-webview')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
  it('13. navigation away from the app is stopped', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    electron.created!(null, { setWindowOpenHandler: () => undefined, on: (n: string, l: never) => handlers.set(n, l) });
    let prevented = false;
    handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
  });
  it('14. new windows are refused', () => {
    let handler: (() => { action: string }) | null = null;
    electron.created!(null, { setWindowOpenHandler: (h: () => { action: string }) => (handler = h), on: () => undefined });
    expect(handler!()).toEqual({ action: 'deny' });
  });
  it('15. shell.openExternal is never called', () => {
    for (const file of fs.readdirSync(path.join(ROOT, 'electron/main'))) expect(fs.readFileSync(path.join(ROOT, 'electron/main', file), 'utf8')).not.toContain('openExternal');
  });
  it('17. IPC answers only the app’s own main frame', () => {
    const ipc = fs.readFileSync(path.join(ROOT, 'electron/main/ipc.ts'), 'utf8');
    expect(ipc).toMatch(/frame !== event\.sender\.mainFrame \|\| !isTrustedUrl\(frame\.url\)/);
  });
  it('18. the app is served from app://, not file://', () => {
    expect(trustedUrl(null)('file:///etc/passwd')).toBe(false);
    expect(trustedUrl(null)('app://acogida/')).toBe(true);
  });
  it('DevTools are off in an installed build', () => expect(prefs.devTools).toBe(false));
});
