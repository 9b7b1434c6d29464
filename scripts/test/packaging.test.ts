import assert from 'node:assert/strict'
import { getCurrentFuseWire } from '@electron/fuses'
import { load } from 'js-yaml'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import afterPack, {
  electronBinaryPath,
  FUSES,
  fuseMismatches,
} from '../after-pack.mjs'
import {
  asarProblems,
  makeElectronStandIn,
  validatePackaging,
} from '../check-packaging.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const work = mkdtempSync(join(tmpdir(), 'bulkwright-packaging-test-'))
after(() => rmSync(work, { recursive: true, force: true }))

interface BuilderConfig {
  appId: string
  files: string[]
  afterPack: string
  publish: null
  asar: boolean
  directories: { output: string }
  linux: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
}
const config = load(read('electron-builder.yml')) as BuilderConfig

describe('electron-builder.yml', () => {
  it('builds AppImage and deb, dmg and NSIS for com.bulkwright.app', () => {
    assert.equal(config.appId, 'com.bulkwright.app')
    assert.deepEqual(config.linux.target, ['AppImage', 'deb'])
    assert.deepEqual(config.mac.target, ['dmg'])
    assert.deepEqual(config.win.target, ['nsis'])
  })

  it('packages only the built output, in an asar, and publishes nothing', () => {
    assert.deepEqual(config.files, [
      'package.json',
      'dist/main/**',
      'dist/renderer/**',
      '!**/*.map',
      '!node_modules/**',
    ])
    assert.equal(config.asar, true)
    assert.equal(config.publish, null)
    assert.match(config.directories.output, /^out\//)
  })

  it('takes icons from assets/, a PNG of at least 512x512', () => {
    for (const platform of [config.linux, config.mac, config.win]) {
      assert.match(platform.icon, /^assets\//)
      const png = readFileSync(join(root, platform.icon))
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG')
      assert.ok(png.readUInt32BE(16) >= 512 && png.readUInt32BE(20) >= 512)
    }
  })

  it('runs the fuse hook after packing', () => {
    assert.equal(config.afterPack, 'scripts/after-pack.mjs')
    assert.ok(existsSync(join(root, config.afterPack)))
  })
})

describe('package.json', () => {
  it('keeps renderer-only libraries out of the packaged dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as {
      main: string
      dependencies: Record<string, string>
    }
    const rendererOnly = /^(react|react-dom|@tanstack\/|@dnd-kit\/|vite)/
    const leaked = Object.keys(pkg.dependencies).filter((name) =>
      rendererOnly.test(name),
    )
    assert.deepEqual(leaked, [])
    assert.equal(pkg.main, 'dist/main/electron-main.cjs')
  })
})

describe('the fuses', () => {
  it('turn off run-as-node, NODE_OPTIONS and inspect; require the ASAR and its integrity', () => {
    const names = Object.fromEntries(
      Object.entries(FUSES)
        .filter(([key]) => key !== 'version')
        .map(([key, on]) => [fuseName(Number(key)), on]),
    )
    assert.deepEqual(names, {
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    })
  })

  it('are flipped in the packed binary and read back by the hook', async () => {
    const appOutDir = join(work, 'linux-unpacked')
    makeElectronStandIn(appOutDir, '41.7.1')
    const context = {
      appOutDir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: {
        executableName: 'electron',
        appInfo: { productFilename: 'Bulkwright' },
      },
    }
    const binary = join(appOutDir, 'electron')
    assert.notDeepEqual(fuseMismatches(await getCurrentFuseWire(binary)), [])

    await afterPack(context)
    assert.deepEqual(fuseMismatches(await getCurrentFuseWire(binary)), [])
  })

  it('are looked for in the right file on each platform', () => {
    const base = {
      appOutDir: '/out',
      arch: 1,
      packager: {
        executableName: 'bulkwright',
        appInfo: { productFilename: 'Bulkwright' },
      },
    }
    const on = (electronPlatformName: string) =>
      electronBinaryPath({ ...base, electronPlatformName })
    assert.equal(on('linux'), join('/out', 'bulkwright'))
    assert.equal(on('win32'), join('/out', 'Bulkwright.exe'))
    assert.equal(on('darwin'), join('/out', 'Bulkwright.app'))
  })
})

describe('asarProblems', () => {
  const good = [
    '/dist',
    '/dist/main',
    '/dist/main/check-worker.cjs',
    '/dist/main/electron-main.cjs',
    '/dist/main/preload.cjs',
    '/dist/renderer',
    '/dist/renderer/assets',
    '/dist/renderer/assets/index-1a2b.js',
    '/dist/renderer/index.html',
    '/package.json',
  ]

  it('accepts the built output', () => {
    assert.deepEqual(asarProblems(good), [])
  })

  it('names sources, maps, node_modules and the bridge as out of place', () => {
    const extra = [
      '/dist/main/electron-main.cjs.map',
      '/dist/bridge/preload.js',
      '/node_modules/zod/index.js',
      '/main/services.ts',
    ]
    assert.deepEqual(
      asarProblems([...good, ...extra]),
      extra.map((entry) => `should not be packaged: ${entry}`),
    )
  })

  it('names a missing preload or check worker', () => {
    const without = good.filter((entry) => !entry.endsWith('preload.cjs'))
    assert.deepEqual(asarProblems(without), ['missing /dist/main/preload.cjs'])
    const noWorker = good.filter((entry) => !entry.includes('check-worker'))
    assert.deepEqual(asarProblems(noWorker), [
      'missing /dist/main/check-worker.cjs',
    ])
  })
})

describe('packing over a stand-in for Electron', () => {
  it('puts only the built output in app.asar and sets every fuse', async () => {
    const dist = join(work, 'dist')
    const files: Record<string, string> = {
      'main/electron-main.cjs': '"use strict"',
      'main/electron-main.cjs.map': '{}',
      'main/check-worker.cjs': '"use strict"',
      'main/preload.cjs': '"use strict"',
      'renderer/index.html': '<!doctype html>',
      'renderer/assets/index-1a2b.js': '',
      'bridge/preload.js': '',
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true })
      writeFileSync(join(dist, path), text)
    }

    const result = await validatePackaging({ distDir: dist })
    assert.deepEqual(result.asarProblems, [])
    assert.deepEqual(result.fuseProblems, [])
    assert.ok(result.entries.includes('/dist/main/preload.cjs'))
    assert.ok(result.entries.includes('/dist/main/check-worker.cjs'))
    assert.ok(!result.entries.some((entry) => entry.includes('bridge')))
  })
})

function fuseName(index: number): string {
  return [
    'RunAsNode',
    'EnableCookieEncryption',
    'EnableNodeOptionsEnvironmentVariable',
    'EnableNodeCliInspectArguments',
    'EnableEmbeddedAsarIntegrityValidation',
    'OnlyLoadAppFromAsar',
    'LoadBrowserProcessSpecificV8Snapshot',
    'GrantFileProtocolExtraPrivileges',
  ][index]!
}
