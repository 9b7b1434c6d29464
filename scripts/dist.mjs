// `npm run dist`: builds the app, then its installers for this platform
// (Linux: AppImage and deb; macOS: dmg; Windows: NSIS) with
// electron-builder.yml. Installers need Electron's binary, which
// `npm install` downloads where GitHub is reachable. Where it is missing
// (our build machines), the configuration is validated instead, and the
// run says plainly that packaging was skipped.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validatePackaging } from './check-packaging.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const PLATFORM_FLAGS = { linux: '--linux', darwin: '--mac', win32: '--win' }

function run(args, env = process.env) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env,
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** The folder of Electron's binary from node_modules/electron, if present. */
function electronDist() {
  try {
    const binary = require('electron')
    if (typeof binary !== 'string' || !existsSync(binary)) return null
  } catch {
    // electron's index.js throws when its binary was never downloaded.
    return null
  }
  return join(root, 'node_modules', 'electron', 'dist')
}

run([join(root, 'scripts', 'build.mjs')])

const dist = electronDist()
const flag = PLATFORM_FLAGS[process.platform]
if (dist !== null && flag !== undefined) {
  // Electron's own download is reused; caches stay inside the checkout.
  const cache = join(root, '.bench', 'electron-builder-cache')
  run(
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      flag,
      '--publish',
      'never',
      `-c.electronDist=${dist}`,
    ],
    { ...process.env, ELECTRON_BUILDER_CACHE: cache, XDG_CACHE_HOME: cache },
  )
  process.stdout.write('Installers written to out/installers/.\n')
} else {
  const result = await validatePackaging()
  const problems = [
    ...result.asarProblems,
    ...result.fuseProblems.map((fuse) => `fuse not set: ${fuse}`),
  ]
  process.stdout.write(
    `\nPackaging SKIPPED: Electron's binary is not on this machine ` +
      `(node_modules/electron has no download), so no installer was built.\n` +
      `Checked instead, over a stand-in for Electron (linux, dir target):\n` +
      `  app.asar holds only the built output:\n    ${result.entries.join('\n    ')}\n` +
      `  fuses after the afterPack hook: ${result.fuseProblems.length === 0 ? 'all set' : 'NOT all set'}\n`,
  )
  if (problems.length > 0) {
    process.stdout.write(`Problems:\n  ${problems.join('\n  ')}\n`)
    process.exit(1)
  }
  process.stdout.write(
    'Packaging configuration is valid. Run `npm run dist` on a machine ' +
      "where Electron's binary installs to build the installers.\n",
  )
}
