import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_DIR, dropFile, expect, test } from './fixtures.ts'

const CUSTOMERS = join(DATA_DIR, 'customers-1000.csv')

test.describe('importing customers-1000.csv into Contacts', () => {
  test('walks every step and reports each skipped row with its reason', async ({
    page,
    app,
  }, testInfo) => {
    void app
    const shot = (name: string) =>
      page.screenshot({ path: testInfo.outputPath(name), fullPage: true })

    // File: drop the CSV onto the drop zone with a real DataTransfer.
    await expect(
      page.getByRole('heading', { name: 'Choose the file to import' }),
    ).toBeVisible()
    await expect(page.getByRole('status')).toContainText('LocalCRM')
    await shot('1-file.png')
    await dropFile(page, CUSTOMERS)

    // Target: what was detected, then Contacts / insert.
    await expect(
      page.getByRole('heading', { name: 'Where should the rows go?' }),
    ).toBeVisible()
    await expect(page.getByLabel('Encoding')).toHaveValue('utf-8')
    await expect(page.getByLabel('Delimiter')).toHaveValue(',')
    await expect(page.getByText('line 1, 12 columns')).toBeVisible()
    await expect(page.getByText('1,001', { exact: true })).toBeVisible()
    await page.getByLabel('Module').selectOption('Contacts')
    await shot('2-target.png')
    await page.getByRole('button', { name: 'Next: map columns' }).click()

    // Map: names were matched; map the phone and the company too.
    await expect(
      page.getByRole('heading', { name: /Map columns to Contacts/ }),
    ).toBeVisible()
    await expect(
      page.getByLabel('Column for Last Name', { exact: true }),
    ).toHaveValue('3')
    await expect(
      page.getByLabel('Column for Email', { exact: true }),
    ).toHaveValue('9')
    await page
      .getByLabel('Column for Phone', { exact: true })
      .selectOption({ label: 'Phone 1' })
    await shot('3-map.png')
    await page.getByRole('button', { name: 'Next: check the rows' }).click()

    // Check: phones with extensions are problems; let the CRM skip them.
    await expect(
      page.getByRole('heading', { name: 'Check the rows' }),
    ).toBeVisible()
    await expect(page.getByLabel('Check summary')).toContainText(
      '1,001 rows in the file',
    )
    await expect(page.getByRole('table', { name: 'Problems' })).toBeVisible()
    await page.getByLabel(/Send the rows with problems anyway/).check()
    await expect(page.getByLabel('Import plan')).toContainText(
      '1,001 rows will be sent in 1 job',
    )
    await shot('4-check.png')
    await page.getByRole('button', { name: 'Start import' }).click()

    // Run & Report.
    await expect(
      page.getByRole('heading', { name: 'Import finished' }),
    ).toBeVisible({
      timeout: 90_000,
    })
    const count = async (name: string) =>
      Number(await page.getByTestId(`count-${name}`).textContent())
    const added = await count('added')
    const skipped = await count('skipped')
    const excluded = await count('excluded')
    // The file holds 1,001 records: the last repeats row 1000's email.
    expect(added + skipped + excluded).toBe(1001)
    expect(skipped).toBeGreaterThan(0)
    expect(await count('total')).toBe(1001)

    const report = page.getByRole('table', { name: 'Skipped rows' })
    await expect(report).toBeVisible()
    await expect(report.locator('tbody tr')).toHaveCount(skipped)
    for (const reason of await report.locator('td.reason').allTextContents()) {
      expect(reason.trim().length).toBeGreaterThan(10)
    }
    await shot('5-report.png')

    const download = page.waitForEvent('download')
    await page
      .getByRole('button', { name: 'Export skipped rows as CSV' })
      .click()
    const saved = await (await download).path()
    const lines = readFileSync(saved, 'utf8').trim().split(/\r?\n/)
    expect(lines[0]).toContain('Reason')
    expect(lines.length).toBeGreaterThan(skipped)
  })
})
