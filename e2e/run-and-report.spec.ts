import { spawn, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import Papa from 'papaparse'
import type { Page, TestInfo } from '@playwright/test'
import { startBrowserModeServer } from './browser-mode-server.ts'
import { DATA_DIR, dropFile, expect, test } from './fixtures.ts'

const CUSTOMERS = join(DATA_DIR, 'customers-1000.csv')
const HEADER =
  'Index,Customer Id,First Name,Last Name,Company,City,Country,Phone 1,Phone 2,Email,Subscription Date,Website'

/** What the screen shows, as a picture in the test's output folder. */
const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: info.outputPath(name) })

/** Drops customers-1000.csv on the File step. */
const dropCustomers = (page: Page) => dropFile(page, CUSTOMERS)

async function count(page: Page, name: string): Promise<number> {
  return Number(await page.getByTestId(`count-${name}`).textContent())
}

/** Waits for the end of a run; checks its counts add up to the file. */
async function finishedRun(page: Page, rows: number) {
  await expect(
    page.getByRole('heading', { name: 'Import finished' }),
  ).toBeVisible({ timeout: 90_000 })
  const counts = {
    added: await count(page, 'added'),
    updated: await count(page, 'updated'),
    skipped: await count(page, 'skipped'),
    excluded: await count(page, 'excluded'),
  }
  expect(await count(page, 'total')).toBe(rows)
  expect(counts.added + counts.updated + counts.skipped + counts.excluded).toBe(
    rows,
  )
  return counts
}

async function downloaded(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return readFileSync(await (await download).path(), 'utf8')
}

test.describe('run and report', () => {
  test('imports customers-1000.csv, reports what was skipped, and re-runs the fixed rows until none are left', async ({
    page,
    app,
  }, info) => {
    void app
    // File → Target → Map, with "Phone 1" on Phone: numbers with extensions
    // and punctuation are not phone numbers to the CRM.
    await dropCustomers(page)
    await page.getByLabel('Module').selectOption('Contacts')
    await page.getByRole('button', { name: 'Next: map columns' }).click()
    await page
      .getByLabel('Column for Phone', { exact: true })
      .selectOption({ label: 'Phone 1' })
    await page.getByRole('button', { name: 'Next: check the rows' }).click()
    await expect(
      page.getByRole('heading', { name: 'Check the rows' }),
    ).toBeVisible()
    await page.getByLabel(/Send the rows with problems anyway/).check()
    await page.getByRole('button', { name: 'Start import' }).click()

    // Run: every row has an outcome, and some were skipped.
    const first = await finishedRun(page, 1001)
    expect(first.skipped).toBeGreaterThan(0)
    await expect(page.getByLabel('Overall progress')).toContainText(
      `${(1001 - first.excluded).toLocaleString('en')} of ${(1001 - first.excluded).toLocaleString('en')} rows processed`,
    )
    await expect(page.getByTestId('credits')).toHaveText('500')
    await expect(page.getByRole('list', { name: 'Jobs' })).toContainText(
      'Job 1',
    )
    await shot(page, info, 'run.png')

    // Report: counts per run and job, charts, reasons, rows.
    const counts = page.getByRole('table', { name: 'Outcome counts' })
    await expect(counts).toContainText('Whole file')
    await expect(counts).toContainText('Job 1')
    await expect(page.getByRole('img', { name: /^Outcomes:/ })).toBeVisible()
    const reasons = page.getByRole('img', { name: /^Most frequent reasons/ })
    await expect(reasons).toContainText('Phone')
    const table = page.getByRole('table', { name: 'Skipped rows' })
    await expect(table.locator('tbody tr')).toHaveCount(
      first.skipped + first.excluded,
    )
    await expect(page.getByTestId('formula-note')).toContainText('apostrophe')

    // Filter by one reason: only its rows stay.
    const filter = page.getByLabel('Filter by reason')
    const firstReason = await filter.locator('option').nth(1).textContent()
    const [, reasonCount] = /\(([\d,]+)\)$/.exec(firstReason ?? '') ?? []
    await filter.selectOption({ index: 1 })
    await expect(table.locator('tbody tr')).toHaveCount(
      Number(reasonCount!.replace(/,/g, '')),
    )
    await page
      .getByRole('heading', { name: /^Report/ })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    await shot(page, info, 'report.png')
    await filter.selectOption({ index: 0 })

    // Exports: spreadsheet-safe with line and reason; raw for re-import.
    const safe = await downloaded(page, 'Export skipped rows as CSV')
    const safeLines = safe.trim().split('\r\n')
    expect(safeLines[0]).toBe(`${HEADER},Line in file,Reason`)
    expect(safeLines).toHaveLength(first.skipped + first.excluded + 1)
    expect(safe).toMatch(/,'\+1-/)
    await expect(page.getByTestId('export-note')).toContainText('apostrophe')
    const raw = await downloaded(page, 'Export for re-import (CSV)')
    expect(raw.split('\r\n')[0]).toBe(HEADER)
    expect(raw).not.toMatch(/'\+1-/)

    // Fix and re-run until no row is left out.
    let left = first.skipped + first.excluded
    for (let round = 1; left > 0; round++) {
      expect(round, 'rows still left after three re-runs').toBeLessThan(4)
      await page
        .getByRole('button', { name: 'Fix and re-run these rows' })
        .click()
      await expect(
        page.getByRole('heading', { name: 'Check the rows' }),
      ).toBeVisible()
      await expect(page.getByLabel('Imports in the background')).toHaveCount(0)
      await expect(page.getByLabel('Check summary')).toContainText(
        `${left.toLocaleString('en')} rows in the file`,
      )
      await page
        .getByRole('region', { name: /Fix a whole column/ })
        .getByLabel('Column')
        .selectOption({ label: 'Phone 1' })
      await page
        .getByLabel('Change')
        .selectOption({ label: 'Clean phone numbers, drop extensions' })
      await page.getByRole('button', { name: 'Preview' }).click()
      await page
        .getByRole('button', { name: /^Apply to [\d,]+ values$/ })
        .click()
      const summary = page.getByLabel('Check summary')
      const kinds = page.getByLabel('Kind of problem')
      await expect(kinds.locator('option', { hasText: /phone/i })).toHaveCount(
        0,
      )
      // The file repeats one email; the second copy gets a new address.
      if (
        (await kinds.locator('option', { hasText: 'Duplicate' }).count()) > 0
      ) {
        await page.getByLabel('Only rows with problems').check()
        await kinds.selectOption({ label: 'Duplicate in the file' })
        await page
          .getByRole('button', { name: /^line \d+, Email: .*Problem:/ })
          .click()
        const input = page.getByLabel(/^New value for line \d+, Email$/)
        await input.fill('someone.new@example.com')
        await input.press('Enter')
      }
      await expect(
        summary
          .locator('.card', { hasText: 'with problems' })
          .locator('strong'),
      ).toHaveText('0')
      await page.getByRole('button', { name: 'Start import' }).click()

      const rerun = await finishedRun(page, left)
      await expect(
        page.getByText('Re-running the rows an earlier run'),
      ).toBeVisible()
      await expect(
        page.getByRole('button', { name: /The run these rows came from/ }),
      ).toBeVisible()
      left = rerun.skipped + rerun.excluded
    }
    await expect(page.getByText('Every row was imported')).toBeVisible()

    // History: both runs, the re-run marked; the first run's report opens
    // and links to its re-run.
    await page.getByRole('button', { name: 'History', exact: true }).click()
    const runs = page.getByRole('table', { name: 'Past runs' })
    await expect(runs.locator('tbody tr')).toHaveCount(2)
    await expect(runs.locator('tbody tr').first()).toContainText('re-run')
    await shot(page, info, 'history.png')
    await runs
      .locator('tbody tr')
      .last()
      .getByRole('button', { name: /Open the report/ })
      .click()
    await expect(
      page.getByRole('button', {
        name: /The re-run of this run's skipped rows/,
      }),
    ).toBeVisible()
  })

  test('runs a file of 26,000 rows as two jobs with per-job and overall progress', async ({
    page,
    app,
  }, info) => {
    // The customers repeated with fresh ids and emails, past one job's 25,000.
    const text = readFileSync(CUSTOMERS, 'utf8').replace(/^\uFEFF/, '')
    const [header, ...records] = Papa.parse<string[]>(text, {
      skipEmptyLines: true,
    }).data
    const rows = [header!]
    for (let i = 0; i < 26_000; i++) {
      const cells = [...records[i % 1000]!]
      cells[0] = String(i + 1)
      cells[1] = `ID${i}`
      cells[9] = `r${i}.${cells[9]}`
      rows.push(cells)
    }
    const path = join(app.dataDir, 'customers-26000.csv')
    writeFileSync(path, Papa.unparse(rows))

    await page.getByLabel('CSV file').setInputFiles(path)
    await page.getByLabel('Module').selectOption('Contacts')
    await page.getByRole('button', { name: 'Next: map columns' }).click()
    await page.getByRole('button', { name: 'Next: check the rows' }).click()
    // Phone numbers with extensions: let the CRM skip them.
    await page.getByLabel(/Send the rows with problems anyway/).check()
    await expect(page.getByLabel('Import plan')).toContainText('2 jobs')
    await page.getByRole('button', { name: 'Start import' }).click()

    // While job 1 runs: its bar moves, job 2 waits, time left is estimated.
    const jobs = page.getByRole('list', { name: 'Jobs' })
    await expect(jobs.getByRole('listitem')).toHaveCount(2)
    await expect(jobs.getByRole('listitem').first()).toContainText(
      '25,000 rows · running in the CRM',
      { timeout: 60_000 },
    )
    await expect(jobs.getByRole('listitem').last()).toContainText(
      '1,000 rows · waiting',
    )
    await expect(page.getByLabel('Overall progress')).toContainText(/about \d/)
    await expect
      .poll(
        async () =>
          Number(await page.getByLabel('Job 1 progress').getAttribute('value')),
        { timeout: 60_000 },
      )
      .toBeGreaterThan(8_000)
    await shot(page, info, 'run-in-progress.png')

    // Leave it running: the wizard starts over, the run goes on and says so.
    await page.getByRole('button', { name: 'Import another file' }).click()
    await expect(
      page.getByRole('heading', { name: 'Choose the file to import' }),
    ).toBeVisible()
    const background = page.getByLabel('Imports in the background')
    await expect(background).toContainText(
      'customers-26000.csv is importing in the background',
    )
    await expect(background).toContainText('customers-26000.csv finished', {
      timeout: 90_000,
    })

    // History has it, with counts per job that add up, and its report.
    await background.getByRole('button', { name: 'Open History' }).click()
    const row = page
      .getByRole('table', { name: 'Past runs' })
      .locator('tbody tr')
    await expect(row).toContainText('finished')
    await row.getByRole('button', { name: /Open the report/ }).click()
    const counts = page.getByRole('table', { name: 'Outcome counts' })
    await expect(counts).toContainText('Job 2')
    const jobRows = counts.locator('tbody tr')
    for (const [index, rows] of [
      [1, 25_000],
      [2, 1_000],
    ] as const) {
      const cells = (await jobRows.nth(index).locator('td').allTextContents())
        .slice(0, 4)
        .map((cell) => Number(cell.replace(/,/g, '')))
      expect(cells[0]).toBe(rows)
      expect(cells[1]! + cells[2]! + cells[3]!).toBe(rows)
    }
    await expect(page.getByText('Rows not imported')).toBeVisible()
    await background.getByRole('button', { name: 'Dismiss' }).click()
    await expect(background).toHaveCount(0)
  })
})

/** The stored run whose first job has its id, once there is one. */
async function runWithFirstJob(dataDir: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const folder = join(dataDir, 'runs')
    const names = existsSync(folder)
      ? readdirSync(folder, { withFileTypes: true }).filter(
          (entry) => entry.isFile() && entry.name.endsWith('.json'),
        )
      : []
    for (const entry of names) {
      const run = JSON.parse(
        readFileSync(join(dataDir, 'runs', entry.name), 'utf8'),
      ) as { view: { runId: string }; jobs: { jobId: string | null }[] }
      if (run.jobs[0]?.jobId) return run.view.runId
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('no job was created')
}

test.describe('an import killed mid-run', () => {
  test('resumes when the app starts again, without creating its job twice', async ({
    page,
  }, info) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-killed-'))
    const children: ChildProcess[] = []
    try {
      // The CLI runs the same services; kill it hard once job 1 exists.
      const cli = spawn(
        process.execPath,
        [
          'bin/bulkwright.mjs',
          'import',
          CUSTOMERS,
          '--module',
          'Contacts',
          '--data-dir',
          dataDir,
          '--ms-per-row',
          '20',
          '--send-rows-with-errors',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      children.push(cli)
      const runId = await runWithFirstJob(dataDir)
      cli.kill('SIGKILL')

      // The app starts on the same data folder and carries the run on.
      const server = await startBrowserModeServer(dataDir, [
        '--ms-per-row',
        '1',
        '--poll-ms',
        '250',
      ])
      children.push(server.child)
      const url = server.url
      await page.goto(url)
      await page.getByRole('button', { name: 'History', exact: true }).click()
      const row = page
        .getByRole('table', { name: 'Past runs' })
        .locator('tbody tr')
      await expect(row).toHaveCount(1)
      await expect(row).toContainText('finished', { timeout: 60_000 })
      const cells = await row.locator('td').allTextContents()
      const [added, updated, skipped, excluded, total] = cells
        .slice(4, 9)
        .map((cell) => Number(cell.replace(/,/g, '')))
      expect(total).toBe(1001)
      expect(added! + updated! + skipped! + excluded!).toBe(1001)

      // The job was polled, never created again. (LocalCRM died with the
      // CLI, so it may have lost the job it had not yet written to disk;
      // the run then says the CRM no longer knows it.)
      const jobsFile = join(dataDir, 'localcrm', 'jobs.json')
      const crmJobs = existsSync(jobsFile)
        ? Object.keys(JSON.parse(readFileSync(jobsFile, 'utf8')) as object)
        : []
      expect(crmJobs.length).toBeLessThanOrEqual(1)

      await row.getByRole('button', { name: /Open the report/ }).click()
      await expect(page.getByRole('heading', { name: /^Report/ })).toBeVisible()
      await expect(
        page.getByRole('table', { name: 'Outcome counts' }),
      ).toContainText(`Job 1 · ${crmJobs[0] ?? ''}`)
      expect(runId).toMatch(/^[\w-]+$/)
      await shot(page, info, 'report-after-restart.png')
    } finally {
      for (const child of children) child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

test.describe('the report of rows the user changed on the Check step', () => {
  test('shows the values that were sent, and what the file had', async ({
    page,
    app,
  }, info) => {
    void app
    test.setTimeout(180_000)
    await dropCustomers(page)
    await page.getByLabel('Module').selectOption('Contacts')
    await page.getByRole('button', { name: 'Next: map columns' }).click()
    await page
      .getByLabel('Column for Phone', { exact: true })
      .selectOption({ label: 'Phone 1' })
    await page.getByRole('button', { name: 'Next: check the rows' }).click()
    await expect(
      page.getByRole('heading', { name: 'Check the rows' }),
    ).toBeVisible()
    const grid = page.getByRole('table', { name: 'Rows of customers-1000.csv' })
    const edit = async (line: number, column: string, value: string) => {
      await grid
        .getByRole('button', { name: new RegExp(`^line ${line}, ${column}: `) })
        .click()
      const input = grid.getByLabel(`New value for line ${line}, ${column}`)
      await input.fill(value)
      await input.press('Enter')
      await expect(
        grid.getByRole('button', {
          name: new RegExp(`^line ${line}, ${column}: ${value}`),
        }),
      ).toBeVisible()
    }
    // Line 3: a phone still not to the CRM's taste; line 2: a new first
    // name, then left out of the import.
    await edit(3, 'Phone 1', '124 597 8652 ext 5')
    await edit(2, 'First Name', 'Andy')
    await page.getByLabel('Exclude line 2', { exact: true }).check()
    await page.getByLabel(/Send the rows with problems anyway/).check()
    await page.getByRole('button', { name: 'Start import' }).click()
    await expect(
      page.getByRole('heading', { name: 'Import finished' }),
    ).toBeVisible({ timeout: 90_000 })

    const table = page.getByRole('table', { name: 'Skipped rows' })
    const rowOf = (line: number) =>
      table
        .locator('tbody tr')
        .filter({
          has: page.getByRole('cell', { name: String(line), exact: true }),
        })
        .first()
    await expect(page.getByTestId('changed-note')).toContainText(
      'Values are shown as they were sent',
    )
    const skipped = rowOf(3)
    await expect(skipped).toContainText('skipped')
    await expect(skipped).toContainText('124 597 8652 ext 5')
    await expect(skipped).toContainText(
      'edited in Bulkwright; the file had “124-597-8652x05682”',
    )
    const excluded = rowOf(2)
    await expect(excluded).toContainText('excluded')
    await expect(excluded).toContainText('Andy')
    await expect(excluded).toContainText(
      'edited in Bulkwright; the file had “Andrew”',
    )
    await expect(rowOf(4)).not.toContainText('edited in Bulkwright')
    await skipped.scrollIntoViewIfNeeded()
    await shot(page, info, 'report-edited-values.png')
    // axe over a few rows: the rows the user excluded.
    const filter = page.getByLabel('Filter by reason')
    const mine = await filter
      .locator('option', { hasText: 'Excluded by you' })
      .textContent()
    await filter.selectOption({ label: mine! })
    await expect(table.locator('tbody tr')).toHaveCount(1)
    await expect(table).toContainText('the file had “Andrew”')
    const axe = await new AxeBuilder({ page }).analyze()
    expect(
      axe.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
    ).toEqual([])
    await filter.selectOption({ index: 0 })

    // Exports: the values sent; the spreadsheet names what the file had.
    const sheet = Papa.parse<string[]>(
      (await downloaded(page, 'Export skipped rows as CSV')).trim(),
    ).data
    expect(sheet[0]).toEqual([
      ...HEADER.split(','),
      'Changed in Bulkwright (the file had)',
      'Line in file',
      'Reason',
    ])
    const line3 = sheet.find((cells) => cells.at(-2) === '3')!
    expect(line3[7]).toBe('124 597 8652 ext 5')
    expect(line3.at(-3)).toBe('Phone 1: 124-597-8652x05682')
    const raw = await downloaded(page, 'Export for re-import (CSV)')
    expect(raw).toContain('124 597 8652 ext 5')
    expect(raw).not.toContain('124-597-8652x05682')
  })
})
