import { test as base, expect, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
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

/**
 * Drops a file on the File step's drop zone with a real DataTransfer, as a
 * person dragging it from their desktop would.
 */
export async function dropFile(page: Page, path: string): Promise<void> {
  const bytes = readFileSync(path).toString('base64')
  const name = basename(path)
  const dataTransfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const binary = atob(base64)
      const array = Uint8Array.from(binary, (char) => char.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([array], fileName, { type: 'text/csv' }))
      return transfer
    },
    { base64: bytes, fileName: name },
  )
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer })
}
