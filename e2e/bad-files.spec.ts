import { expect, test } from './fixtures.ts'

test.describe('files the wizard cannot import', () => {
  const cases = [
    {
      title: 'a picture renamed to .csv',
      name: 'photo.csv',
      bytes: Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0,
      ]),
      message: /photo\.csv is not a CSV file/,
    },
    {
      title: 'an empty file',
      name: 'empty.csv',
      bytes: Buffer.alloc(0),
      message: /empty\.csv is empty/,
    },
    {
      title: 'a file of blank lines',
      name: 'blank.csv',
      bytes: Buffer.from('\n\n\r\n'),
      message: /blank\.csv has no header line/,
    },
    {
      title: 'a header without rows',
      name: 'header.csv',
      bytes: Buffer.from('Last_Name,Email\n'),
      message: /header\.csv has a header on line 1 but no data rows/,
    },
  ]

  for (const { title, name, bytes, message } of cases) {
    test(`explains why ${title} cannot be used and stays on the File step`, async ({
      page,
      app,
    }) => {
      void app
      await page
        .getByLabel('CSV file')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: bytes })
      await expect(page.getByRole('alert')).toHaveText(message)
      await expect(
        page.getByRole('heading', { name: 'Choose the file to import' }),
      ).toBeVisible()
    })
  }
})

test.describe('files the wizard reads with notes', () => {
  test('names mixed line breaks, mixed encodings and a repeated header on the Target step', async ({
    page,
    app,
  }) => {
    void app
    // CRLF lines with one bare LF, one Windows-1252 line among UTF-8 ones
    // (“Besançon” in Windows-1252), and “Email” twice.
    const bytes = Buffer.concat([
      Buffer.from('Last_Name,Email,City,email\r\n'),
      Buffer.from('Faucon,r@x.io,', 'utf8'),
      Buffer.from('Besan\xe7on', 'latin1'),
      Buffer.from(',r2@x.io\n'),
      Buffer.from('Østergaard,s@x.io,Tromsø,s2@x.io\r\n', 'utf8'),
    ])
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: bytes })
    await expect(
      page.getByRole('heading', { name: 'Where should the rows go?' }),
    ).toBeVisible()
    const notes = page.getByRole('list', { name: 'Notes about the file' })
    await expect(notes).toContainText(
      'Line 2 of mixed.csv ends in LF while its other lines end in CRLF',
    )
    await expect(notes).toContainText('mixed.csv mixes two encodings')
    await expect(notes).toContainText('save it again as CSV UTF-8')
    await expect(notes).toContainText(
      'Columns 2 and 4 of mixed.csv have the same header “Email”',
    )
    const table = page.getByRole('table', { name: 'First rows of the file' })
    await expect(
      table.getByRole('columnheader', { name: 'Email (column 2)' }),
    ).toBeVisible()
    await expect(
      table.getByRole('columnheader', { name: 'email (column 4)' }),
    ).toBeVisible()
    await expect(table.getByRole('row')).toHaveCount(3)
  })

  test('lets the user pick the encoding, delimiter and header line, and reads the file again', async ({
    page,
    app,
  }) => {
    void app
    // A title line, then semicolon-separated Windows-1252 text with “€”.
    const bytes = Buffer.concat([
      Buffer.from('Export of contacts\nLast_Name;Note\nRen', 'latin1'),
      Buffer.from([0xe9, 0x3b, 0x80, 0x35]),
      Buffer.from('\n', 'latin1'),
    ])
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'pick.csv', mimeType: 'text/csv', buffer: bytes })
    const choices = page.getByRole('group', { name: 'How the file is read' })
    await expect(choices.getByLabel('Encoding')).toHaveValue('windows-1252')
    await expect(choices.getByLabel('Delimiter')).toHaveValue(';')
    await expect(choices.getByLabel('Header on line')).toHaveValue('2')
    const table = page.getByRole('table', { name: 'First rows of the file' })
    await expect(table).toContainText('René')
    await expect(table).toContainText('€5')

    await choices.getByLabel('Encoding').selectOption('utf-8')
    await expect(choices.getByLabel('Encoding')).toHaveValue('utf-8')
    await expect(
      page.getByRole('list', { name: 'Notes about the file' }),
    ).toContainText('pick.csv')
    await choices.getByLabel('Encoding').selectOption('windows-1252')
    await expect(table).toContainText('René')

    await choices.getByLabel('Delimiter').selectOption('tab')
    await expect(
      table.getByRole('columnheader', { name: 'Last_Name;Note' }),
    ).toBeVisible()
    await choices.getByLabel('Delimiter').selectOption(';')

    await choices.getByLabel('Header on line').fill('1')
    await choices.getByLabel('Header on line').press('Enter')
    await expect(
      table.getByRole('columnheader', { name: 'Export of contacts' }),
    ).toBeVisible()
    await page.screenshot({
      path: test.info().outputPath('layout-choices.png'),
    })
  })
})
