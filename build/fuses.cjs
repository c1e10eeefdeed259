// The Electron fuses of an installed Acogida (issue 20), flipped into the binary after packing
// (build/after-pack.cjs). Each one closes a way to run code in the app other than its own:
// tests/unit/packaging.test.ts fails if one is missing or set the other way.
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

const FUSES = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 Acogida.exe script.js` would run any script with the app's rights.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS=--require … would load code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would open a debugger into the main process (and the database key it holds).
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash recorded in the binary: an edited asar does not start.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the app.asar is loaded, never a loose app/ folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies (none are used; the rule stands for any that come) encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // file:// gets no extra privileges (the app is served from app://, not file://).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

module.exports = { FUSES };
