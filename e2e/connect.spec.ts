import { test, expect, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserModeServer } from './browser-mode-server.ts'

// Zoho's sign-in played by LocalCRM: the browser-mode server is started with
// --zoho-via-localcrm, so every data centre's accounts server is LocalCRM
// on 127.0.0.1 and nothing leaves this machine.

const TOKEN = /1000\.[0-9a-f]{8,}\.[0-9a-f]{8,}/i

/** LocalCRM's built-in client, as a user would copy it from a console. */
async function localClient(dataDir: string) {
  const path = join(dataDir, 'localcrm', 'oauth.json')
  await expect.poll(() => existsSync(path)).toBe(true)
  const doc = JSON.parse(readFileSync(path, 'utf8')) as {
    client: { clientId: string; clientSecret: string }
  }
  return doc.client
}

/** Every answer the bridge gives the page, to check for tokens. */
function recordAnswers(page: Page): string[] {
  const answers: string[] = []
  page.on('response', (response) => {
    if (!response.url().includes('/bridge/invoke/')) return
    void response
      .text()
      .then((text) => answers.push(text))
      .catch(() => {})
  })
  return answers
}

test('connects to a Zoho org through the consent page and switches back', async ({
  page,
  context,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-connect-'))
  const server = await startBrowserModeServer(dataDir, [
    '--ms-per-row',
    '1',
    '--zoho-via-localcrm',
  ])
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const answers = recordAnswers(page)
  try {
    await page.goto(server.url)
    await expect(page.getByRole('status')).toContainText('LocalCRM')
    await page.getByRole('button', { name: 'Connection' }).click()
    await expect(
      page.getByRole('heading', { name: 'Connection' }),
    ).toBeVisible()

    const client = await localClient(dataDir)
    await page.getByLabel('Data centre').selectOption('eu')
    await page.getByLabel('Environment').selectOption('sandbox')

    // A client id the accounts server does not know: its page says so, and
    // the user cancels the wait in the app.
    await page.getByLabel('Client ID').fill('1000.NOT-REGISTERED')
    const refusalOpens = context.waitForEvent('page')
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    const refusal = await refusalOpens
    await expect(refusal.getByText('Invalid client')).toBeVisible()
    // The accounts server is LocalCRM: its address serves the Self Client.
    const localCrmUrl = new URL(refusal.url()).origin
    await refusal.close()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('alert')).toContainText('cancelled')

    await page.getByLabel('Client ID').fill(client.clientId)
    await page.getByLabel('Client secret').fill(client.clientSecret)

    const consentOpens = context.waitForEvent('page')
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    const consent = await consentOpens
    await expect(
      consent.getByRole('heading', { name: /Bulkwright wants to access/ }),
    ).toBeVisible()
    await expect(page.getByText('Waiting for Zoho')).toBeVisible()
    await consent.getByRole('button', { name: 'Accept' }).click()
    await expect(
      consent.getByRole('heading', { name: 'Bulkwright is connected.' }),
    ).toBeVisible()
    await consent.close()

    const current = page.getByRole('status', { name: 'Current connection' })
    await expect(current).toContainText('Connected to Zylker Traders')
    await expect(current).toContainText('Zoho EU, sandbox')
    await page.screenshot({
      path: test.info().outputPath('connected.png'),
      fullPage: true,
    })

    // One click to LocalCRM and one click back, without signing in again.
    await page.getByRole('button', { name: 'Use LocalCRM' }).click()
    await expect(current).toContainText('LocalCRM on this computer')
    await page.getByRole('button', { name: /^Use Zylker Traders/ }).click()
    await expect(current).toContainText('Zoho EU, sandbox')

    await page.getByRole('button', { name: 'Disconnect Zoho' }).click()
    await expect(current).toContainText('LocalCRM on this computer')
    await expect(
      page.getByRole('button', { name: /^Use Zylker Traders/ }),
    ).toHaveCount(0)

    // A Self Client: a grant code from the console, pasted into the app.
    const generated = await fetch(
      `${localCrmUrl}/__localcrm/self-client-code`,
      {
        method: 'POST',
      },
    )
    const { code } = (await generated.json()) as { code: string }
    await page.getByLabel('Data centre').selectOption('jp')
    await page.getByLabel('Environment').selectOption('production')
    await page.getByLabel('Grant code').fill(code)
    await page.getByRole('button', { name: 'Connect with code' }).click()
    await expect(current).toContainText('Zoho JP, production')
    await expect(page.getByLabel('Grant code')).toHaveValue('')
    // The same code again is refused with a next step.
    await page.getByLabel('Grant code').fill(code)
    await page.getByRole('button', { name: 'Connect with code' }).click()
    await expect(page.getByRole('alert')).toContainText('Generate a new code')
    await page.getByRole('button', { name: 'Disconnect Zoho' }).click()
    await expect(current).toContainText('LocalCRM on this computer')

    expect(answers.length).toBeGreaterThan(3)
    for (const answer of answers) expect(answer).not.toMatch(TOKEN)
    expect(server.logs()).not.toMatch(TOKEN)
    expect(pageErrors).toEqual([])
  } finally {
    server.child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
})
