// Validates the installer configuration without Electron's binary: packs the
// app for Linux (`dir` target, no installer) over a stand-in for Electron's
// folder, then checks what went into app.asar and that the afterPack hook
// set every fuse. A real check of electron-builder.yml's file selection and
// hook, not a runnable app. Used by `npm run dist` and the packaging test.
//   node scripts/check-packaging.mjs   (after `npm run build`)
import { listPackage } from '@electron/asar'
import { getCurrentFuseWire } from '@electron/fuses'
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fuseMismatches } from './after-pack.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/**
 * Files app.asar must hold: the built main process, its check worker,
 * preload and wizard.
 */
export const REQUIRED_ENTRIES = [
  '/package.json',
  '/dist/main/electron-main.cjs',
  '/dist/main/check-worker.cjs',
  '/dist/main/preload.cjs',
  '/dist/renderer/index.html',
]

/** Everything app.asar may hold: the required files and the wizard's assets. */
const ALLOWED = [
  /^\/package\.json$/,
  /^\/dist$/,
  /^\/dist\/main(\/[\w.-]+\.cjs)?$/,
  /^\/dist\/renderer(\/index\.html|\/assets(\/[\w.-]+\.(js|css|svg|png|woff2?))?)?$/,
]

/** What is wrong with a list of app.asar entries; empty when it is right. */
export function asarProblems(entries) {
  const missing = REQUIRED_ENTRIES.filter((entry) => !entries.includes(entry))
  const extra = entries.filter(
    (entry) => !ALLOWED.some((pattern) => pattern.test(entry)),
  )
  return [
    ...missing.map((entry) => `missing ${entry}`),
    ...extra.map((entry) => `should not be packaged: ${entry}`),
  ]
}

/**
 * A folder shaped like Electron's download for Linux: an `electron` file
 * carrying a fuse wire with Electron's defaults, a version and licences.
 */
export function makeElectronStandIn(dir, version) {
  mkdirSync(dir, { recursive: true })
  const defaults = '10110001' // RunAsNode on, cookie encryption off, ...
  const executable = join(dir, 'electron')
  writeFileSync(
    executable,
    '#!/bin/sh\necho "packaging stand-in, not Electron" >&2\nexit 1\n' +
      `# ${SENTINEL}\u0001\u0008${defaults}\n`,
  )
  chmodSync(executable, 0o755)
  writeFileSync(join(dir, 'version'), version)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), 'stand-in\n')
}

/**
 * Copies what electron-builder reads into a scratch project: package.json,
 * electron-builder.yml, the icons, the hook and a built `dist/` (browser
 * mode's bridge and source maps included, to prove they are left out).
 */
function stageProject(dir, distDir) {
  for (const file of ['package.json', 'electron-builder.yml']) {
    cpSync(join(root, file), join(dir, file))
  }
  cpSync(join(root, 'assets'), join(dir, 'assets'), { recursive: true })
  cpSync(
    join(root, 'scripts', 'after-pack.mjs'),
    join(dir, 'scripts', 'after-pack.mjs'),
  )
  cpSync(distDir, join(dir, 'dist'), { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
}

function runBuilder(projectDir, standIn, out) {
  const cache = join(root, '.bench', 'electron-builder-cache')
  const builder = join(root, 'node_modules', 'electron-builder', 'cli.js')
  const args = ['--projectDir', projectDir, '--linux', 'dir', '--x64']
  args.push('--publish', 'never', `-c.electronDist=${standIn}`)
  args.push(`-c.directories.output=${out}`)
  const run = spawnSync(process.execPath, [builder, ...args], {
    encoding: 'utf8',
    timeout: 300_000,
    env: {
      ...process.env,
      ELECTRON_BUILDER_CACHE: cache,
      XDG_CACHE_HOME: cache,
    },
  })
  if (run.status !== 0) {
    throw new Error(`electron-builder failed:\n${run.stdout}${run.stderr}`)
  }
  return run.stdout
}

/**
 * Packs a copy of the project with its electron-builder.yml over a stand-in
 * for Electron and returns the app.asar entries and what is wrong with them
 * and with the fuses. `distDir` is a built `dist/` (default: the checkout's).
 */
export async function validatePackaging({ distDir = join(root, 'dist') } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'bulkwright-packaging-'))
  try {
    const project = join(work, 'project')
    stageProject(project, distDir)
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const standIn = join(work, 'electron')
    makeElectronStandIn(standIn, pkg.devDependencies.electron)
    const out = join(work, 'out')
    const output = runBuilder(project, standIn, out)

    const unpacked = join(out, 'linux-unpacked')
    const entries = listPackage(join(unpacked, 'resources', 'app.asar'), {})
      .map((entry) => entry.replaceAll('\\', '/'))
      .sort()
    const wire = await getCurrentFuseWire(join(unpacked, 'bulkwright'))
    return {
      output,
      entries,
      asarProblems: asarProblems(entries),
      fuseProblems: fuseMismatches(wire),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await validatePackaging()
  process.stdout.write(`app.asar holds:\n  ${result.entries.join('\n  ')}\n`)
  const problems = [
    ...result.asarProblems,
    ...result.fuseProblems.map((f) => `fuse not set: ${f}`),
  ]
  process.stdout.write(
    problems.length === 0
      ? 'Packaging configuration is valid.\n'
      : `Problems:\n  ${problems.join('\n  ')}\n`,
  )
  process.exitCode = problems.length === 0 ? 0 : 1
}
