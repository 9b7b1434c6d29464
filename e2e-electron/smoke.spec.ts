import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REQUEST_NAMES } from '../app/contract.ts'

// The desktop app as shipped: sandboxed, context-isolated, locked down.
// Runs where Electron's binary exists; browser mode covers the wizard
// everywhere else (e2e/).

let app: ElectronApplication
let page: Page
let userData: string

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'bulkwright-electron-'))
  app = await electron.launch({
    args: ['.', `--user-data-dir=${userData}`],
    cwd: process.cwd(),
  })
  page = await app.firstWindow()
})

test.afterAll(async () => {
  await app?.close()
  rmSync(userData, { recursive: true, force: true })
})

test('opens the wizard with only the contract on window', async () => {
  await expect(
    page.getByRole('heading', { name: 'Choose the file to import' }),
  ).toBeVisible()
  const seen = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    return {
      require: typeof w.require,
      process: typeof w.process,
      keys: Object.keys(w.bulkwright as object).sort(),
    }
  })
  expect(seen.require).toBe('undefined')
  expect(seen.process).toBe('undefined')
  expect(seen.keys).toEqual([...REQUEST_NAMES, 'on', 'openFile'].sort())
})

test('stays on the wizard when the page tries to navigate or open windows', async () => {
  const before = page.url()
  await page.evaluate(() => {
    window.open('https://example.com/', '_blank')
    location.href = 'file:///etc/hostname'
  })
  await page.waitForTimeout(500)
  expect(page.url()).toBe(before)
  expect(app.windows()).toHaveLength(1)
})

test('denies permissions the page asks for', async () => {
  const state = await page.evaluate(async () => {
    const status = await navigator.permissions.query({ name: 'geolocation' })
    return status.state
  })
  expect(state).toBe('denied')
})
