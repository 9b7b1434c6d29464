// electron-builder's afterPack hook: flips Electron's fuses in the packaged
// app, then reads them back and fails the build if any is not as set.
// electron-builder 25 has no `electronFuses` option; @electron/fuses does it.
import {
  FuseV1Options,
  FuseVersion,
  flipFuses,
  getCurrentFuseWire,
} from '@electron/fuses'
import { join } from 'node:path'

const ENABLE = 49
const DISABLE = 48
// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARM64 = 3

/**
 * The fuses Bulkwright ships with. Two are left as Electron sets them:
 * LoadBrowserProcessSpecificV8Snapshot (no custom snapshot is shipped) and
 * GrantFileProtocolExtraPrivileges (the wizard is a file:// page whose
 * module scripts need it).
 */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
}

/** The file that holds the fuse wire, per platform. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const product = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${product}.app`)
  }
  if (electronPlatformName === 'win32') {
    return join(appOutDir, `${product}.exe`)
  }
  return join(appOutDir, packager.executableName)
}

/** Which fuses in a read-back wire differ from FUSES, by name. */
export function fuseMismatches(wire) {
  return Object.entries(FUSES)
    .filter(([key]) => key !== 'version')
    .filter(([key, on]) => wire[key] !== (on ? ENABLE : DISABLE))
    .map(([key]) => FuseV1Options[Number(key)])
}

/** Flips and verifies the fuses of the app electron-builder just packed. */
export default async function afterPack(context) {
  const binary = electronBinaryPath(context)
  await flipFuses(binary, {
    ...FUSES,
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && context.arch === ARM64,
  })
  const wrong = fuseMismatches(await getCurrentFuseWire(binary))
  if (wrong.length > 0) {
    throw new Error(`Electron fuses not set in ${binary}: ${wrong.join(', ')}`)
  }
  process.stderr.write(`  • fuses set and verified in ${binary}\n`)
}
