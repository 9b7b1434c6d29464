import { join } from 'node:path'
import { PAUSE_VARIABLE } from '../main/engine/test-pause.ts'
import { DATA_DIR, dropFile, expect, test } from './fixtures.ts'

const CUSTOMERS = join(DATA_DIR, 'customers-1000.csv')

// The test hook slows the check worker's reads (16 KB per 400 ms: about
// four seconds for this file), so the Check step is seen mid-check. Set for
// the servers this file starts only; the other specs run without it.
test.beforeAll(() => {
  process.env[PAUSE_VARIABLE] = '400'
})
test.afterAll(() => {
  delete process.env[PAUSE_VARIABLE]
})

test.describe('the Check step while the rows are checked', () => {
  test('shows the rows and the progress at once, and lets the import start only at the end', async ({
    page,
    app,
  }, info) => {
    void app
    await dropFile(page, CUSTOMERS)
    await page.getByLabel('Module').selectOption('Contacts')
    await page.getByRole('button', { name: 'Next: map columns' }).click()
    await page.getByRole('button', { name: 'Next: check the rows' }).click()

    await expect(
      page.getByRole('heading', { name: 'Check the rows' }),
    ).toBeVisible()
    const grid = page.getByRole('table', { name: 'Rows of customers-1000.csv' })
    await expect(
      grid.getByRole('button', { name: /^line 2, First Name: Andrew/ }),
    ).toBeVisible()
    const progress = page.getByRole('status', { name: 'Check progress' })
    await expect(progress).toBeVisible()
    await expect(progress).toContainText(/Checking the rows: [\d,]+ of 1,001/)
    await expect(
      page.getByRole('progressbar', { name: 'Rows checked' }),
    ).toBeVisible()
    const start = page.getByRole('button', { name: 'Start import' })
    await expect(start).toBeDisabled()
    await expect(
      page.getByText('Start import waits until every row is checked'),
    ).toBeVisible()
    // Mid-check, nothing claims a plan or a clean file it cannot know yet.
    await expect(page.getByLabel('Import plan')).toContainText(
      'The plan is made once every row is checked',
    )
    await expect(page.getByText('No problems found')).toBeHidden()
    await page.screenshot({ path: info.outputPath('check-running.png') })

    // The check ends by itself; the summary and the button follow.
    await expect(progress).toBeHidden({ timeout: 60_000 })
    await expect(
      page.getByText('Start import waits until every row is checked'),
    ).toBeHidden()
    await expect(start).toBeEnabled()
    await expect(page.getByLabel('Import plan')).toContainText(
      'will be sent in 1 job',
    )
    await expect(page.getByLabel('Check summary')).toContainText(
      '1,001 rows in the file',
    )
    await expect(
      grid.getByRole('button', { name: /^line 2, First Name: Andrew/ }),
    ).toBeVisible()
  })
})
