/**
 * Scrolls the Check grid back and forth over rows that are already loaded
 * and prints the frame times and the CPU the browser spent per frame.
 * `npm run bench -- grid-loaded` (GRID_ROWS=200000 for a quicker file).
 *
 * grid.ts scrolls fast through a huge file, where most rows in view are
 * still "Loading…" placeholders; this one measures drawing real rows, cell
 * by cell, which is what a user scrolling with the wheel sees. CPU time is
 * read from /proc for the browser's processes, so a busy machine slows the
 * frames but changes the CPU figure much less; the load average is printed.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { startBrowserMode } from '../../main/browser-mode/bridge-server.ts'
import { setLogSink, stderrSink } from '../../main/log/logger.ts'
import { ensureBenchFile } from '../gen-big-csv.ts'

const ROWS = Number(process.env.GRID_ROWS ?? 1_000_000)
/** The stretch scrolled over (about 1,760 rows, 18 pages), in pixels. */
const SPAN_PX = 60_000
const WHEEL_PX = 136
const FRAMES = 600
const PASSES = 3

/** CPU milliseconds used so far by every process below this one. */
function childrenCpuMs(): number {
  const parent = new Map<number, number>()
  const ticks = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue

    const stat = readStat(name)
    if (stat === null) continue

    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    parent.set(Number(name), Number(fields[1]))
    ticks.set(Number(name), Number(fields[11]) + Number(fields[12]))
  }
  const below = (pid: number) => {
    for (let p = parent.get(pid) ?? 0, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === process.pid) return true

      p = parent.get(p) ?? 0
    }
    return false
  }
  let total = 0
  for (const [pid, used] of ticks) if (below(pid)) total += used
  // Clock ticks are 10 ms on Linux.
  return total * 10
}

/** A process's stat line; null when it ended while the list was read. */
function readStat(pid: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(p * values.length))
  ]!

const setScroll = (page: Page, top: number) =>
  page.evaluate((y) => {
    const grid = document.querySelector('.grid-scroll') as HTMLElement
    grid.scrollTop = y
  }, top)

/** One pass of wheel-speed frames, turning at each end of the stretch. */
function bounce(page: Page): Promise<number[]> {
  // Plain JavaScript text: tsx would wrap named functions in a helper.
  return page.evaluate(`new Promise((done) => {
    const grid = document.querySelector('.grid-scroll')
    const times = []
    let last = performance.now()
    let frame = 0
    let step = ${WHEEL_PX}
    function tick(now) {
      times.push(now - last)
      last = now
      const next = grid.scrollTop + step
      if (next < 0 || next > ${SPAN_PX}) step = -step
      grid.scrollTop += step
      if (++frame < ${FRAMES}) requestAnimationFrame(tick)
      else done(times.slice(2))
    }
    requestAnimationFrame(tick)
  })`) as Promise<number[]>
}

async function main(): Promise<void> {
  setLogSink(stderrSink('warn'))
  const path = await ensureBenchFile(ROWS)
  spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' })
  const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-grid-loaded-'))
  const server = await startBrowserMode({
    port: 0,
    dataDir,
    distDir: resolve('dist'),
    localCrmMsPerRow: 0,
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit'],
  })
  try {
    const page = await browser.newPage({
      viewport: { width: 1360, height: 900 },
    })
    await page.route('**/bridge/invoke/openFileBytes', (route) =>
      route.continue({
        url: route.request().url().replace('openFileBytes', 'openFilePath'),
        postData: JSON.stringify({ path }),
      }),
    )
    await page.goto(server.url)
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer()
      data.items.add(new File(['x'], 'customers.csv'))
      return data
    })
    await page
      .getByTestId('drop-zone')
      .dispatchEvent('drop', { dataTransfer: transfer })
    await page.getByLabel('Module').selectOption('Contacts')
    await page.getByRole('button', { name: 'Next: map columns' }).click()
    await page.getByRole('button', { name: 'Next: check the rows' }).click()
    await page
      .locator('table.grid tbody tr button.cell')
      .first()
      .waitFor({ timeout: 300_000 })

    // Every row of the stretch loaded first, so frames draw real rows.
    for (let top = 0; top <= SPAN_PX; top += 300) {
      await setScroll(page, top)
      await page.waitForFunction(
        () => document.querySelectorAll('tbody td.loading').length === 0,
      )
    }

    const lines = [`file: ${ROWS.toLocaleString('en-US')} rows`]
    for (let pass = 1; pass <= PASSES; pass++) {
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
      const cpuBefore = childrenCpuMs()
      const times = await bounce(page)
      const cpu = (childrenCpuMs() - cpuBefore) / times.length
      lines.push(
        `loaded rows, ${WHEEL_PX}px/frame, ${times.length} frames: ` +
          `p95 ${percentile(times, 0.95).toFixed(1)} ms, median ` +
          `${percentile(times, 0.5).toFixed(1)} ms, browser CPU ` +
          `${cpu.toFixed(1)} ms/frame (load average ${load})`,
      )
    }
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
