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
      title: 'a header without rows',
      name: 'header.csv',
      bytes: Buffer.from('Last_Name,Email\n'),
      message: /header\.csv has a header line but no data rows/,
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
