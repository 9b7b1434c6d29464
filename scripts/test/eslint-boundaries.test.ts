import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

// The architecture's boundaries are lint errors; these snippets prove that
// each boundary rule fires where it should and stays quiet where it should.

const root = fileURLToPath(new URL('../..', import.meta.url))
let eslint: ESLint

before(() => {
  eslint = new ESLint({ cwd: root })
})

/** The rule ids that fire as errors on `code` placed at `filePath`. */
async function errorsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2)
    .map((message) => message.ruleId ?? 'parse')
}

describe('lint boundaries', () => {
  it('keeps Node, Electron, React and the processes out of app/', async () => {
    for (const line of [
      "import { readFile } from 'node:fs/promises'",
      "import { join } from 'path'",
      "import { Worker } from 'worker_threads'",
      "import { ipcMain } from 'electron'",
      "import { useState } from 'react'",
      "import log from 'electron-log'",
      "import { createLogger } from '../main/log/logger.ts'",
      "import { App } from '../renderer/App.tsx'",
    ]) {
      const errors = await errorsOf(`app/x.ts`, `${line}\n`)
      assert.ok(errors.includes('no-restricted-imports'), line)
    }
  })

  it("forbids Node's globals in app/ and renderer/", async () => {
    for (const file of ['app/x.ts', 'renderer/x.tsx']) {
      for (const code of [
        "export const b = Buffer.from('x')\n",
        'export const e = process.env.HOME\n',
        "export const r = require('fs')\n",
        'export const d = __dirname\n',
      ]) {
        const errors = await errorsOf(file, code)
        assert.ok(errors.includes('no-restricted-globals'), `${file}: ${code}`)
      }
    }
  })

  it('keeps Electron, Node and main/ out of renderer/', async () => {
    for (const line of [
      "import { ipcRenderer } from 'electron'",
      "import { readFileSync } from 'node:fs'",
      "import { createServices } from '../main/services.ts'",
    ]) {
      const errors = await errorsOf('renderer/x.tsx', `${line}\n`)
      assert.ok(errors.includes('no-restricted-imports'), line)
    }
  })

  it('keeps renderer/ out of main/, and electron out of services', async () => {
    const fromRenderer = "import { App } from '../renderer/App.tsx'\n"
    assert.ok(
      (await errorsOf('main/x.ts', fromRenderer)).includes(
        'no-restricted-imports',
      ),
    )
    const electron = "import { shell } from 'electron'\n"
    assert.ok(
      (await errorsOf('main/import/x.ts', electron)).includes(
        'no-restricted-imports',
      ),
    )
    assert.deepEqual(await errorsOf('main/window/x.ts', electron), [
      '@typescript-eslint/no-unused-vars',
    ])
  })

  it("keeps electron-log's IPC flavours out of main/", async () => {
    for (const file of ['main/x.ts', 'main/window/x.ts']) {
      for (const name of ['electron-log', 'electron-log/main']) {
        const errors = await errorsOf(
          file,
          `import log from '${name}'\nexport const l = log\n`,
        )
        assert.deepEqual(errors, ['no-restricted-imports'], `${file}: ${name}`)
      }
      const node = "import log from 'electron-log/node'\nexport const l = log\n"
      assert.deepEqual(await errorsOf(file, node), [], file)
    }
  })

  it('lets app/ use the web platform', async () => {
    const code =
      "export const n = new TextEncoder().encode('x').length + crypto.randomUUID().length\n"
    assert.deepEqual(await errorsOf('app/x.ts', code), [])
  })

  it('allows console only in scripts/, bin/ and e2e/', async () => {
    const code = "console.log('hello')\n"
    for (const file of ['app/x.ts', 'main/x.ts', 'renderer/x.tsx']) {
      assert.deepEqual(await errorsOf(file, code), ['no-console'], file)
    }
    for (const file of ['scripts/x.mjs', 'e2e/x.spec.ts']) {
      assert.deepEqual(await errorsOf(file, code), [], file)
    }
  })
})
