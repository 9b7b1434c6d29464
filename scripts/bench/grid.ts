/**
 * Scrolls the Check grid through a 1,000,000-row file in Chromium and
 * prints the 95th-percentile frame time, and the times from drop to the
 * file's first rows, from "Next: check the rows" to the first grid rows
 * and to the last row checked.  `npm run bench -- grid`
 *
 * The file is dropped as the desktop app receives it: with a path on disk
 * (the bridge request is rewritten from bytes to a path, as Electron's
 * preload does), so nothing is copied. Chromium runs with its frame-rate
 * limit off, so a frame's time is the work it took, not the 16.7 ms vsync.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { startBrowserMode } from '../../main/browser-mode/bridge-server.ts'
import { setLogSink, stderrSink } from '../../main/log/logger.ts'
import { ensureBenchFile } from '../gen-big-csv.ts'

const ROWS = Number(process.env.GRID_ROWS ?? 1_000_000)
/** Scroll frames measured per pass, and pixels moved per frame. */
const FRAMES = 600
const STEP_PX = 900
/** A quick mouse-wheel scroll: about four rows per frame. */
const WHEEL_PX = 136

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

const ms = (value: number) => `${value.toFixed(1)} ms`

/**
 * Scrolls the grid a fixed step (or to a random place) per frame and
 * records each frame's time. Plain JavaScript text: tsx would wrap named
 * functions in a helper the page does not have.
 */
async function scrollFrames(
  page: Page,
  jump: boolean,
  step = STEP_PX,
): Promise<number[]> {
  const script = `new Promise((done) => {
    const grid = document.querySelector('.grid-scroll')
    const times = []
    let last = performance.now()
    let frame = 0
    function tick(now) {
      times.push(now - last)
      last = now
      const max = grid.scrollHeight - grid.clientHeight
      grid.scrollTop = ${jump}
        ? Math.floor(Math.random() * max)
        : (grid.scrollTop + ${step}) % max
      if (++frame < ${FRAMES}) requestAnimationFrame(tick)
      else done(times.slice(2))
    }
    requestAnimationFrame(tick)
  })`
  return (await page.evaluate(script)) as number[]
}

/** Fraction of the rows in view still waiting for their page. */
async function blankShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rows = document.querySelectorAll('table.grid tbody tr')
    const loading = document.querySelectorAll('table.grid tbody td.loading')
    return rows.length === 0 ? 1 : loading.length / rows.length
  })
}

/**
 * Drops the file as the desktop app receives it (with its path, which the
 * browser-mode stand-in of webUtils hands over) and times, in the page,
 * from the drop event to the file's first rows on screen.
 */
async function dropAndTime(page: Page, path: string): Promise<number> {
  const script = `new Promise((done) => {
    const file = new File(['x'], 'customers.csv')
    window.bulkwrightTestPaths = new WeakMap([[file, ${JSON.stringify(path)}]])
    const data = new DataTransfer()
    data.items.add(file)
    const zone = document.querySelector('[data-testid="drop-zone"]')
    const start = performance.now()
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    function look() {
      if (document.querySelector('table.preview tbody tr')) done(performance.now() - start)
      else requestAnimationFrame(look)
    }
    look()
  })`
  return (await page.evaluate(script)) as number
}

/**
 * Clicks "Next: check the rows" in the page and times, there, the Check
 * step's heading and its first grid rows on screen.
 */
async function clickAndTime(
  page: Page,
): Promise<{ opened: number; shown: number }> {
  const script = `new Promise((done) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Next: check the rows'))
    const start = performance.now()
    let opened = 0
    button.click()
    function look() {
      const now = performance.now() - start
      if (!opened && [...document.querySelectorAll('h2')].some((h) => h.textContent.includes('Check the rows'))) opened = now
      if (opened && document.querySelector('table.grid tbody tr button.cell')) done({ opened, shown: now })
      else requestAnimationFrame(look)
    }
    look()
  })`
  return (await page.evaluate(script)) as { opened: number; shown: number }
}

async function main(): Promise<void> {
  setLogSink(stderrSink('warn'))
  const path = await ensureBenchFile(ROWS)
  const megabytes = statSync(path).size / 1024 / 1024
  spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' })
  const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-grid-bench-'))
  const server = await startBrowserMode({
    port: 0,
    dataDir,
    distDir: resolve('dist'),
    localCrmMsPerRow: 0,
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
    ],
  })
  try {
    const page = await browser.newPage({
      viewport: { width: 1360, height: 900 },
    })
    await page.goto(server.url)
    await page.getByTestId('drop-zone').waitFor()

    // The main process warms its reader at start (warm-reader.ts), as the
    // app does while the user looks at the File step.
    await page.waitForTimeout(1500)
    const toPreview = await dropAndTime(page, path)

    await page.getByLabel('Module').selectOption('Contacts')
    await page.getByRole('button', { name: 'Next: map columns' }).click()
    // Timed from the click itself, not from the Map step's loading.
    const next = page.getByRole('button', { name: 'Next: check the rows' })
    await next.waitFor()
    const checkClicked = Date.now()
    const inPage = await clickAndTime(page)
    const opened = checkClicked + inPage.opened
    const shown = checkClicked + inPage.shown
    // The rows are checked in a worker while the grid already shows them;
    // the progress bar goes once the last row is checked.
    await page
      .getByRole('status', { name: 'Check progress' })
      .waitFor({ state: 'detached', timeout: 600_000 })
    const checked = Date.now()
    // Once the check ends the grid may read its rows again (the row count,
    // duplicates): let it settle before jumping through its blocks.
    if (ROWS > 400_000) {
      await page
        .getByRole('button', { name: 'Later rows' })
        .waitFor({ timeout: 120_000 })
    }

    // A jump to the end of the file right after the check: rows there need
    // the file's index, built in the main process while the worker checks.
    const jumpStart = Date.now()
    const later = page.getByRole('button', { name: 'Later rows' })
    while ((await later.count()) > 0 && (await later.isEnabled())) {
      await later.click()
    }
    await page.evaluate(() => {
      const grid = document.querySelector('.grid-scroll') as HTMLElement
      grid.scrollTop = grid.scrollHeight
    })
    await page.waitForFunction(
      () =>
        document.querySelectorAll('table.grid tbody td.loading').length === 0,
    )
    const toEnd = Date.now() - jumpStart
    const lastLine = await page.evaluate(() => {
      const lines = [...document.querySelectorAll('table.grid tbody tr')].map(
        (row) => Number((row as HTMLElement).dataset.line ?? 0),
      )
      return Math.max(...lines)
    })

    const steady = await scrollFrames(page, false)
    const blankSteady = await blankShare(page)
    const wheel = await scrollFrames(page, false, WHEEL_PX)
    const blankWheel = await blankShare(page)
    const jumps = await scrollFrames(page, true)

    const lines = [
      `file: ${ROWS.toLocaleString('en-US')} rows, ${megabytes.toFixed(0)} MB`,
      `drop → first rows of the file shown (Target step, file opened by path): ${ms(toPreview)}`,
      `"Next: check the rows" → Check step shown: ${ms(opened - checkClicked)}`,
      `"Next: check the rows" → first grid rows shown: ${ms(shown - checkClicked)}`,
      `"Next: check the rows" → every row checked: ${ms(checked - checkClicked)}`,
      `scroll ${STEP_PX}px/frame, ${steady.length} frames: p95 ${ms(percentile(steady, 0.95))}, median ${ms(percentile(steady, 0.5))}, rows still loading at the end ${(blankSteady * 100).toFixed(0)}%`,
      `scroll ${WHEEL_PX}px/frame (a quick wheel), ${wheel.length} frames: p95 ${ms(percentile(wheel, 0.95))}, median ${ms(percentile(wheel, 0.5))}, rows still loading at the end ${(blankWheel * 100).toFixed(0)}%`,
      `random jumps, ${jumps.length} frames: p95 ${ms(percentile(jumps, 0.95))}, median ${ms(percentile(jumps, 0.5))}`,
      `jump to the last row → rows shown: ${ms(toEnd)} (last line shown: ${lastLine.toLocaleString('en-US')})`,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
