// electron-builder afterPack hook: flips the fuses (build/fuses.cjs) in the packed Electron
// binary before the installer is made, for every platform and architecture.
const path = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { FUSES } = require('./fuses.cjs');

/** The Electron executable inside the packed folder electron-builder made. */
function executableOf(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  if (electronPlatformName === 'darwin') return path.join(appOutDir, `${name}.app`);
  return path.join(appOutDir, packager.executableName ?? name.toLowerCase());
}

async function afterPack(context) {
  await flipFuses(executableOf(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.executableOf = executableOf;
