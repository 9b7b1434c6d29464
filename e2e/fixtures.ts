import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A browser-mode server of the real main-process services, for one test. */
export interface AppServer {
  url: string
  dataDir: string
}

async function startServer(
  dataDir: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/browser-mode/serve.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--ms-per-row',
      '1',
      '--poll-ms',
      '250',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${errors}`)),
      30_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString())
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', (code) =>
      reject(new Error(`server exited with ${code}:\n${errors}`)),
    )
  })
  return { url, child }
}

/** Fails the test on any page error or console error. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console error: ${message.text()}`)
  })
  return errors
}

export const test = base.extend<{ app: AppServer }>({
  app: async ({ page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-e2e-'))
    const { url, child } = await startServer(dataDir)
    const errors = watchForErrors(page)
    await page.goto(url)
    await use({ url, dataDir })
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
    expect(errors, 'the page reported errors').toEqual([])
  },
})

export { expect }

/** The shared sample files. */
export const DATA_DIR = join(process.cwd(), '..', 'shared', 'data')
