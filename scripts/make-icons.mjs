// Renders assets/icon.svg to assets/icon.png (512x512, transparent corners)
// with the Chromium the end-to-end tests use. electron-builder derives the
// macOS .icns, the Windows .ico and the Linux sizes from that PNG.
//   node scripts/make-icons.mjs
import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const SIZE = 512
const svg = readFileSync(`${root}assets/icon.svg`, 'utf8')

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage({
    viewport: { width: SIZE, height: SIZE },
  })
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg}</body></html>`,
  )
  await page
    .locator('svg')
    .screenshot({ path: `${root}assets/icon.png`, omitBackground: true })
  process.stdout.write(`wrote assets/icon.png (${SIZE}x${SIZE})\n`)
} finally {
  await browser.close()
}
