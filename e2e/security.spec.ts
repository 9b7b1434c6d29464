import { test as base, expect } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REQUEST_NAMES } from '../app/contract.ts'
import { startBrowserModeServer } from './browser-mode-server.ts'

// The renderer's real environment: the built wizard with the real preload,
// in Chromium, under the app's Content-Security-Policy. This spec starts its
// own browser-mode server because some tests provoke CSP reports on purpose,
// which the shared fixture would count as console errors.

const test = base.extend<{ appUrl: string; pageProblems: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture names from this pattern
  appUrl: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-security-'))
    const { url, child } = await startBrowserModeServer(dataDir)
    await use(url)
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  },
  // Page errors and console errors, except the CSP reports a test provokes.
  pageProblems: async ({ page, appUrl }, use) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      const text = message.text()
      // Chromium asks for /favicon.ico on its own; the wizard has none.
      const favicon = message.location().url.endsWith('/favicon.ico')
      const report = /Content Security Policy/.test(text)
      if (message.type() === 'error' && !favicon && !report) problems.push(text)
    })
    await page.goto(appUrl)
    await expect(
      page.getByRole('heading', { name: 'Choose the file to import' }),
    ).toBeVisible()
    await use(problems)
    expect(problems, 'the page reported errors').toEqual([])
  },
})

test.describe('the renderer is a guest', () => {
  test('has no Node or Electron globals', async ({ page, pageProblems }) => {
    void pageProblems
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      return [
        'require',
        'process',
        'module',
        'global',
        'Buffer',
        'ipcRenderer',
        'electron',
      ].map((name) => [name, typeof w[name]])
    })
    for (const [name, type] of globals) expect(type, name).toBe('undefined')
  })

  test("window.bulkwright has exactly the contract's methods and is frozen", async ({
    page,
    pageProblems,
  }) => {
    void pageProblems
    const bridge = await page.evaluate(() => {
      const api = (window as unknown as { bulkwright: Record<string, unknown> })
        .bulkwright
      const before = Object.keys(api)
      let replaced = false
      try {
        ;(window as unknown as { bulkwright: unknown }).bulkwright = {}
        replaced =
          Object.keys((window as unknown as { bulkwright: object }).bulkwright)
            .length === 0
      } catch {
        replaced = false
      }
      try {
        ;(api as Record<string, unknown>).invoke = () => 'pass-through'
      } catch {
        // Frozen objects throw in strict code; either way nothing is added.
      }
      return {
        keys: before.sort(),
        types: [...new Set(before.map((key) => typeof api[key]))],
        frozen: Object.isFrozen(api),
        replaced,
        hasInvoke: 'invoke' in api,
      }
    })
    expect(bridge.keys).toEqual([...REQUEST_NAMES, 'on', 'openFile'].sort())
    expect(bridge.types).toEqual(['function'])
    expect(bridge.frozen).toBe(true)
    expect(bridge.replaced).toBe(false)
    expect(bridge.hasInvoke).toBe(false)
  })

  test('refuses a channel outside the contract and events outside it', async ({
    page,
    pageProblems,
  }) => {
    void pageProblems
    const answers = await page.evaluate(async () => {
      const ask = async (channel: string) => {
        const response = await fetch(
          `/bridge/invoke/${encodeURIComponent(channel)}`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ path: '/etc/passwd' }),
          },
        )
        return response.json()
      }
      const api = (
        window as unknown as {
          bulkwright: { on(event: string, listener: () => void): unknown }
        }
      ).bulkwright
      let unknownEvent = ''
      try {
        api.on('ipc-message', () => {})
      } catch (error) {
        unknownEvent = (error as Error).message
      }
      return {
        readFile: await ask('readFile'),
        openExternal: await ask('shell.openExternal'),
        unknownEvent,
      }
    })
    expect(answers.readFile).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'Refused.' },
    })
    expect(answers.openExternal.error.code).toBe('UNKNOWN_CHANNEL')
    expect(answers.unknownEvent).toMatch(/Unknown event/)
  })

  test('refuses a malformed payload on a contract channel', async ({
    page,
    pageProblems,
  }) => {
    void pageProblems
    const answer = await page.evaluate(() =>
      (
        window as unknown as {
          bulkwright: { listFields(request: unknown): Promise<unknown> }
        }
      ).bulkwright.listFields({ module: 42 }),
    )
    expect(answer).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Malformed listFields request.' },
    })
  })

  test('refuses requests from another origin', async ({ appUrl, request }) => {
    const response = await request.post(
      `${appUrl}/bridge/invoke/getConnection`,
      {
        headers: {
          Origin: 'http://127.0.0.1:1',
          'Content-Type': 'application/json',
        },
        data: 'null',
      },
    )
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER', message: 'Refused.' },
    })
  })
})

test.describe('the Content-Security-Policy', () => {
  test('blocks an injected inline script and reports the violation', async ({
    page,
    pageProblems,
  }) => {
    void pageProblems
    const result = await page.evaluate(async () => {
      const violations: string[] = []
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      )
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.head.append(script)
      const img = document.createElement('img')
      img.setAttribute('onerror', 'window.__handlerRan = true')
      img.src = 'data:,not-an-image'
      document.body.append(img)
      await new Promise((resolve) => setTimeout(resolve, 200))
      const w = window as unknown as Record<string, unknown>
      return {
        inlineRan: w.__inlineRan === true,
        handlerRan: w.__handlerRan === true,
        violations,
      }
    })
    expect(result.inlineRan).toBe(false)
    expect(result.handlerRan).toBe(false)
    expect(result.violations).toContain('script-src-elem')
    expect(result.violations).toContain('script-src-attr')
  })

  test('blocks requests to other origins', async ({ page, pageProblems }) => {
    void pageProblems
    // Another port on this machine: refused by connect-src before any
    // request leaves the page. (eval cannot be probed from here: Playwright's
    // evaluate is exempt from the page's CSP; the header test covers it.)
    const fetched = await page.evaluate(() =>
      fetch('http://127.0.0.1:1/').then(
        () => 'sent',
        () => 'blocked',
      ),
    )
    expect(fetched).toBe('blocked')
  })

  test('is sent as a header with the page', async ({ appUrl, request }) => {
    const response = await request.get(appUrl)
    const policy = response.headers()['content-security-policy'] ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("default-src 'none'")
    expect(policy).not.toContain('unsafe') // no unsafe-inline, no unsafe-eval
  })
})
