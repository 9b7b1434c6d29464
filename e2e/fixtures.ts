import { test as base, expect, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserModeServer } from './browser-mode-server.ts'

/** A browser-mode server of the real main-process services, for one test. */
export interface AppServer {
  url: string
  dataDir: string
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
    const { url, child } = await startBrowserModeServer(dataDir, [
      '--ms-per-row',
      '1',
      '--poll-ms',
      '250',
    ])
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
