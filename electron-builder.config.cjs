// Installers (issue 20): Windows NSIS per machine (x64, Spanish and English), Linux AppImage and
// .deb. `npm run dist` builds the app and then these; the fuses are flipped in afterPack. The
// Electron binary cannot be downloaded on the machines this was written on, so the installers
// were not built here: tests/unit/packaging.test.ts reads this file and the fuse map instead.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.acogida.desktop',
  productName: 'Acogida',
  copyright: 'Acogida',
  directories: { output: 'dist', buildResources: 'build' },
  // The built app only: main, preload, worker and renderer (electron-vite's out/), the reference
  // data, and the production dependencies (the SQLite addon among them).
  files: ['out/**', 'resources/data/**', 'package.json', '!**/*.map'],
  extraMetadata: { main: 'out/main/index.js' },
  asar: true,
  // The SQLite addon is native: it is rebuilt for Electron's ABI and kept outside the asar
  // (a .node file cannot be loaded from inside it).
  npmRebuild: true,
  asarUnpack: ['**/*.node'],
  afterPack: './build/after-pack.cjs',
  icon: 'resources/icon.png',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.png',
    executableName: 'Acogida',
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['es_ES', 'en_US'],
    language: '3082',
    multiLanguageInstaller: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Acogida',
    // The centre's data (the database, its backups) stay when the program is removed.
    deleteAppDataOnUninstall: false,
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    icon: 'resources/icon.png',
    executableName: 'acogida',
    synopsis: 'Registro y atención de personas migrantes retornadas',
    maintainer: 'Acogida <soporte@acogida.org>',
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2'] },
};
