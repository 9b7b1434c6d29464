import AxeBuilder from '@axe-core/playwright'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { DATA_DIR, dropFile, expect, test } from './fixtures.ts'

const CUSTOMERS = join(DATA_DIR, 'customers-1000.csv')

/** Drops customers-1000.csv on the File step. */
const dropCustomers = (page: Page) => dropFile(page, CUSTOMERS)

/** From the File step to the Map step of Contacts with an operation. */
async function openMap(
  page: Page,
  operation = 'Insert new records',
): Promise<void> {
  await expect(
    page.getByRole('heading', { name: 'Choose the file to import' }),
  ).toBeVisible()
  await dropCustomers(page)
  await expect(
    page.getByRole('heading', { name: 'Where should the rows go?' }),
  ).toBeVisible()
  await page.getByLabel('Module').selectOption('Contacts')
  await page.getByLabel('Operation').selectOption({ label: operation })
  await page.getByRole('button', { name: 'Next: map columns' }).click()
  await expect(
    page.getByRole('heading', { name: /Map columns to Contacts/ }),
  ).toBeVisible()
}

/** The Check step of the auto-matched mapping. */
async function openCheck(page: Page): Promise<void> {
  await openMap(page)
  await page.getByRole('button', { name: 'Next: check the rows' }).click()
  await expect(
    page.getByRole('heading', { name: 'Check the rows' }),
  ).toBeVisible()
  await expect(page.getByText(/^[\d,]+ rows? shown$/)).toBeVisible()
}

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: info.outputPath(name), fullPage: true })

const card = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^Column ${name},`) })

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const found = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  )
  expect(found).toEqual([])
}

test.describe('Map step', () => {
  test('maps by drag, by keyboard and by click, and undoes the last change', async ({
    page,
    app,
  }, info) => {
    void app
    await openMap(page)
    const mobile = page.getByLabel('Column for Mobile', { exact: true })
    await expect(mobile).toHaveValue('')
    await expect(page.getByText(/Maybe “Phone 2”\?/)).toBeVisible()
    await shot(page, info, 'map-first-view.png')

    // Drag: the pointer carries "Phone 2" onto the Mobile row, held in the
    // middle of the window so that the page does not scroll under it.
    await page
      .getByRole('row', { name: /^Mobile/ })
      .evaluate((row) => row.scrollIntoView({ block: 'center' }))
    const from = await card(page, 'Phone 2').boundingBox()
    const to = await page.getByRole('row', { name: /^Mobile/ }).boundingBox()
    if (!from || !to) throw new Error('card or row not on screen')
    await page.mouse.move(from.x + 20, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + 60, from.y + 20, { steps: 5 })
    await page.mouse.move(to.x + 60, to.y + to.height / 2, { steps: 15 })
    await page.mouse.up()
    await expect(mobile).toHaveValue('8')
    await expect(card(page, 'Phone 2')).toContainText('→ Mobile')

    // Undo takes it back.
    await page.getByRole('button', { name: /^Undo: mapped “Phone 2”/ }).click()
    await expect(mobile).toHaveValue('')

    // Keyboard: Space picks the card up, arrows move between fields.
    await card(page, 'Phone 2').focus()
    await page.keyboard.press('Space')
    const live = page.locator('[id^="DndLiveRegion"]')
    // The card starts over the nearest field; walk up, then down, to Mobile.
    const overMobile = async () =>
      (await live.textContent())?.includes('is over Mobile.') ?? false
    // Each move is announced; wait for it, so that a slow machine does not
    // walk past Mobile on a stale announcement (at an end nothing changes).
    const move = async (key: string) => {
      const before = (await live.textContent()) ?? ''
      await page.keyboard.press(key)
      await expect(live)
        .not.toHaveText(before, { timeout: 2_000 })
        .catch(() => {})
    }
    for (let i = 0; i < 15 && !(await overMobile()); i++) await move('ArrowUp')
    for (let i = 0; i < 30 && !(await overMobile()); i++) {
      await move('ArrowDown')
    }
    await page.keyboard.press('Space')
    await expect(mobile).toHaveValue('8')
    await expect(live).toContainText('now fills Mobile')

    // Click: the list in the field's row.
    await page
      .getByLabel('Column for Home Phone', { exact: true })
      .selectOption({ label: 'Phone 2' })
    await expect(
      page.getByLabel('Column for Home Phone', { exact: true }),
    ).toHaveValue('8')
    // One column fills one field: Mobile gave it up.
    await expect(mobile).toHaveValue('')
    await expectNoAxeViolations(page)
  })

  test('defaults fit the field type and fill a required field', async ({
    page,
    app,
  }, info) => {
    void app
    await openMap(page)
    const next = page.getByRole('button', { name: 'Next: check the rows' })

    await page
      .getByLabel('Column for Last Name', { exact: true })
      .selectOption({ label: '— drop a column here or choose —' })
    await expect(page.getByLabel('Required fields')).toContainText('Last Name')
    await expect(next).toBeDisabled()
    await page
      .getByLabel('Default value for Last Name', { exact: true })
      .fill('Unknown')
    await expect(page.getByLabel('Required fields')).toHaveCount(0)
    await expect(next).toBeEnabled()

    const source = page.getByLabel('Default value for Lead Source')
    await expect(
      source.locator('option', { hasText: 'Web Download' }),
    ).toHaveCount(1)
    await source.selectOption('Web Download')
    await expect(source).toHaveValue('Web Download')

    const optOut = page.getByLabel('Default value for Email Opt Out')
    await optOut.check()
    await expect(page.getByText('Ticked when empty')).toBeVisible()

    const birthday = page.getByLabel('Default value for Date of Birth')
    await expect(birthday).toHaveAttribute('type', 'date')
    await birthday.fill('1990-05-17')
    await expect(birthday).toHaveValue('1990-05-17')
    await shot(page, info, 'map-defaults.png')

    await next.click()
    await expect(
      page.getByRole('heading', { name: 'Check the rows' }),
    ).toBeVisible()
  })

  test('upsert offers unique fields to find by and says what blank cells do', async ({
    page,
    app,
  }, info) => {
    void app
    await openMap(page, 'Update, or insert when not found (upsert)')
    const findBy = page.getByLabel('Find existing records by')
    const offered = await findBy.locator('option').allTextContents()
    expect(offered).toEqual([
      '— choose a unique field —',
      'Record Id (id)',
      'Email (Email)',
    ])
    await findBy.selectOption('Email')
    await expect(findBy).toHaveValue('Email')

    const keep = page.getByLabel("Keep the CRM's value when a cell is blank")
    await expect(keep).toBeChecked()
    await expect(page.getByTestId('blank-cells')).toHaveText(
      'Blank cells leave the value already in the CRM as it is.',
    )
    await keep.uncheck()
    await expect(page.getByTestId('blank-cells')).toHaveText(
      'Blank cells clear the value in the CRM.',
    )

    // A lookup finds its related record by id or a unique field.
    await page
      .getByLabel('Column for Account Name', { exact: true })
      .selectOption({ label: 'Company' })
    const matchBy = page.getByLabel('Match Account Name by')
    await expect(
      matchBy.locator('option', { hasText: 'its record id' }),
    ).toHaveCount(1)
    await matchBy.selectOption('id')
    await expect(matchBy).toHaveValue('id')
    await shot(page, info, 'map-upsert.png')
  })

  test('saves a mapping to a file, loads it, and offers it for the same headers', async ({
    page,
    app,
  }, info) => {
    void app
    await openMap(page)
    await page
      .getByLabel('Column for Mobile', { exact: true })
      .selectOption({ label: 'Phone 2' })
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save mapping to a file' }).click()
    const saved = JSON.parse(
      readFileSync(await (await download).path(), 'utf8'),
    ) as { module: string; fields: { field: string; column: string }[] }
    expect(saved.module).toBe('Contacts')
    expect(saved.fields).toContainEqual(
      expect.objectContaining({ field: 'Mobile', column: 'Phone 2' }),
    )

    // Load it back after a change.
    await page
      .getByLabel('Column for Mobile', { exact: true })
      .selectOption({ label: '— drop a column here or choose —' })
    const path = info.outputPath('contacts-mapping.json')
    writeFileSync(path, JSON.stringify(saved))
    await page.getByLabel('Load a saved mapping').setInputFiles(path)
    await expect(
      page.getByLabel('Column for Mobile', { exact: true }),
    ).toHaveValue('8')

    // A file that is not a mapping says so.
    const bad = info.outputPath('not-a-mapping.json')
    writeFileSync(bad, '{"hello": 1}')
    await page.getByLabel('Load a saved mapping').setInputFiles(bad)
    await expect(page.getByRole('alert')).toContainText(
      'not-a-mapping.json is not a Bulkwright mapping',
    )

    // Going on remembers the mapping; the same headers get it offered.
    await page.getByRole('button', { name: 'Next: check the rows' }).click()
    await expect(
      page.getByRole('heading', { name: 'Check the rows' }),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Back to mapping' }).click()
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('button', { name: 'Back' }).click()
    await openMap(page)
    const offer = page.getByRole('region', { name: 'Saved mapping offer' })
    await expect(offer).toContainText('A file with these same columns')
    await shot(page, info, 'map-offer.png')
    await offer.getByRole('button', { name: 'Use the earlier mapping' }).click()
    await expect(
      page.getByLabel('Column for Mobile', { exact: true }),
    ).toHaveValue('8')
  })
})

test.describe('Check step', () => {
  test('filters rows, edits a cell, applies a transform and excludes rows', async ({
    page,
    app,
  }, info) => {
    void app
    await openCheck(page)
    await shot(page, info, 'check-first-view.png')
    await expectNoAxeViolations(page)
    const summary = page.getByLabel('Check summary')
    const grid = page.getByRole('table', { name: 'Rows of customers-1000.csv' })
    const count = page.getByText(/^[\d,]+ rows? shown$/)
    await expect(count).toHaveText('1,001 rows shown')

    // Filters: only problems, then one kind.
    await page.getByLabel('Only rows with problems').check()
    const withProblems = (await summary
      .locator('.card.bad strong')
      .textContent())!
    await expect(count).toHaveText(`${withProblems} rows shown`)
    await page
      .getByLabel('Kind of problem')
      .selectOption({ label: 'Duplicate in the file' })
    await expect(count).toHaveText('1 row shown')
    const duplicate = grid.getByRole('button', {
      name: /^line \d+, Email: .*Problem:/,
    })
    await expect(duplicate).toHaveCount(1)
    await shot(page, info, 'check-filtered.png')

    // Every row a filter shows can be excluded at once, and taken back.
    await page.getByRole('button', { name: 'Exclude the rows shown' }).click()
    await expect(summary).toContainText('1 excluded by you')
    // Problems in excluded rows are counted apart: they will not be sent.
    await expect(
      page
        .getByRole('table', { name: 'Problems by column and kind' })
        .getByRole('row')
        .filter({ hasText: 'Duplicate in the file' }),
    ).toContainText('0 (+1 in excluded rows)')
    await expect(page.getByLabel(/^Exclude line \d+$/).first()).toBeChecked()
    await page.getByRole('button', { name: 'Include them again' }).click()
    await expect(summary).toContainText('0 excluded by you')

    // Edit: the duplicate email becomes unique and is checked again at once.
    await duplicate.click()
    const input = grid.getByLabel(/^New value for line \d+, Email$/)
    await input.fill('someone.new@example.com')
    await input.press('Enter')
    await expect(
      grid.getByRole('button', {
        name: /^line \d+, Email: someone\.new@example\.com$/,
      }),
    ).toBeVisible()
    await expect(
      page.getByRole('table', { name: 'Problems by column and kind' }),
    ).not.toContainText('Duplicate in the file')

    // Transform: clean the phone numbers, preview first.
    await page.getByRole('button', { name: 'Show all rows' }).click()
    await page
      .getByRole('region', { name: /Fix a whole column/ })
      .getByLabel('Column')
      .selectOption({ label: 'Phone 1' })
    await page
      .getByLabel('Change')
      .selectOption({ label: 'Clean phone numbers, drop extensions' })
    await page.getByRole('button', { name: 'Preview' }).click()
    const preview = page.getByRole('table', { name: 'Before and after' })
    await expect(preview).toContainText('846-790-4623x4715')
    await expect(preview.locator('ins').first()).not.toContainText('x')
    await shot(page, info, 'check-transform-preview.png')
    await page.getByRole('button', { name: /^Apply to [\d,]+ values$/ }).click()
    await expect(
      page.locator('.problem-summary, .ok-message'),
    ).not.toContainText('Not a phone number')

    // Exclude: one row by its box, then every row a filter shows.
    await page.getByLabel('Exclude line 2', { exact: true }).check()
    await expect(summary).toContainText('1 excluded by you')
    await expect(page.getByLabel('Import plan')).toContainText(
      '1 row you excluded will not be sent',
    )
    await expect(page.getByLabel('Import plan')).toContainText(
      '1,000 rows will be sent in 1 job',
    )
    await shot(page, info, 'check-fixed.png')
    await page.getByRole('button', { name: 'Start import' }).click()
    await expect(
      page.getByRole('heading', { name: 'Import finished' }),
    ).toBeVisible({
      timeout: 90_000,
    })
    await expect(page.getByTestId('count-excluded')).toHaveText('1')
    await expect(
      page.getByRole('cell', { name: 'Excluded by you on the Check step.' }),
    ).toBeVisible()
  })

  test('undoes a column transform from the list of changes and from the panel', async ({
    page,
    app,
  }, info) => {
    void app
    await openCheck(page)
    const grid = page.getByRole('table', { name: 'Rows of customers-1000.csv' })
    const panel = page.getByRole('region', { name: /Fix a whole column/ })
    const problems = page.locator('.problem-summary, .ok-message')
    const original = grid.getByRole('button', {
      name: /^line 2, Phone 1: 846-790-4623x4715/,
    })
    await expect(original).toBeVisible()
    await expect(problems).toContainText('Not a phone number')

    const applyPhoneClean = async () => {
      await panel.getByLabel('Column').selectOption({ label: 'Phone 1' })
      await panel
        .getByLabel('Change')
        .selectOption({ label: 'Clean phone numbers, drop extensions' })
      await panel.getByRole('button', { name: 'Preview' }).click()
      await panel
        .getByRole('button', { name: /^Apply to [\d,]+ values$/ })
        .click()
      await expect(original).toHaveCount(0)
      await expect(problems).not.toContainText('Not a phone number')
    }

    // Undo from the list of changes applied.
    await applyPhoneClean()
    const applied = panel.getByRole('list', { name: 'Changes applied' })
    await expect(applied).toContainText(
      'Phone 1: clean phone numbers, drop extensions',
    )
    await shot(page, info, 'check-transform-applied.png')
    await expectNoAxeViolations(page)
    await applied
      .getByRole('button', { name: 'Undo the change to Phone 1' })
      .click()
    await expect(applied).toHaveCount(0)
    await expect(original).toBeVisible()
    await expect(problems).toContainText('Not a phone number')

    // Undo from the panel, where the column is chosen.
    await applyPhoneClean()
    await panel
      .getByRole('button', { name: 'Undo the change to Phone 1' })
      .filter({ hasText: 'Undo the change to Phone 1' })
      .click()
    await expect(
      panel.getByRole('list', { name: 'Changes applied' }),
    ).toHaveCount(0)
    await expect(original).toBeVisible()
    await expect(problems).toContainText('Not a phone number')
    await expect(panel).not.toContainText('already has a change applied')
  })

  test('draws only the columns in view and brings the others in on a sideways scroll', async ({
    page,
    app,
  }) => {
    void app
    await openCheck(page)
    const grid = page.getByRole('table', { name: 'Rows of customers-1000.csv' })
    const website = grid.getByRole('button', { name: /^line 2, Website: / })
    const lines = grid.getByRole('cell', { name: '2', exact: true })
    await expect(lines).toBeVisible()
    await expect(website).toHaveCount(0)
    await expect(
      grid.getByRole('columnheader', { name: /^Website/ }),
    ).toHaveCount(0)

    await page.getByTestId('grid-scroll').evaluate((scroller) => {
      scroller.scrollLeft = scroller.scrollWidth
    })
    await expect(website).toBeVisible()
    await expect(
      grid.getByRole('columnheader', { name: /^Website/ }),
    ).toBeVisible()
    await expect(lines).toHaveCount(0)
    await website.click()
    await expect(grid.getByLabel('New value for line 2, Website')).toBeFocused()
  })
})
