import assert from 'node:assert/strict'
import { build } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { EVENT_NAMES, REQUEST_NAMES } from '../../../app/contract.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'bulkwright-preload-'))

type Recorded = typeof import('./fake-electron.ts').recorded
let recorded: Recorded
let api: Record<string, unknown>

// The real preload, bundled as the build does, over a recording stand-in
// for Electron: what it exposes is what the sandboxed page would get.
before(async () => {
  await build({
    entryPoints: { preload: join(here, '..', '..', 'preload.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    alias: { electron: join(here, 'fake-electron.ts') },
    footer: { js: 'export { recorded }' },
    logLevel: 'silent',
  })
  const module = (await import(
    pathToFileURL(join(outDir, 'preload.js')).href
  )) as { recorded: Recorded }
  recorded = module.recorded
  api = recorded.exposed[0]?.api as Record<string, unknown>
})

after(() => rmSync(outDir, { recursive: true, force: true }))

describe('the preload', () => {
  it('exposes one object, window.bulkwright, and nothing else', () => {
    assert.deepEqual(
      recorded.exposed.map((entry) => entry.key),
      ['bulkwright'],
    )
  })

  it("has exactly the contract's requests, `on` and `openFile`", () => {
    assert.deepEqual(
      Object.keys(api).sort(),
      [...REQUEST_NAMES, 'on', 'openFile'].sort(),
    )
    for (const value of Object.values(api))
      assert.equal(typeof value, 'function')
  })

  it('sends each request on its own channel only: no pass-through', async () => {
    recorded.invoked.length = 0
    for (const name of REQUEST_NAMES) {
      await (api[name] as (request: unknown) => Promise<unknown>)(
        'shell.openExternal',
      )
    }
    assert.deepEqual(
      recorded.invoked.map((call) => call.channel),
      [...REQUEST_NAMES],
    )
  })

  it('listens only to the contract’s events', () => {
    const on = api.on as (event: string, listener: () => void) => () => void
    for (const event of EVENT_NAMES) on(event, () => {})
    assert.deepEqual(recorded.listened, [...EVENT_NAMES])
    assert.throws(() => on('ipc-message', () => {}), /Unknown event/)
    assert.throws(() => on('__proto__', () => {}), /Unknown event/)
    assert.deepEqual(recorded.listened, [...EVENT_NAMES])
  })

  it('opens a file without a path by sending its bytes', async () => {
    recorded.invoked.length = 0
    const openFile = api.openFile as (file: File) => Promise<unknown>
    await openFile(new File(['a,b\n1,2\n'], 'x.csv'))
    assert.equal(recorded.invoked[0]?.channel, 'openFileBytes')
  })
})
