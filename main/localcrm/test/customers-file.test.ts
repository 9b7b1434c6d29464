import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import {
  contactsJob,
  startHarness,
  type Harness,
  type Loose,
} from './helpers.ts'

const SOURCE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/customers-1000.csv',
)

describe('LocalCRM with customers-1000.csv', () => {
  let h: Harness
  before(async () => {
    h = await startHarness()
  })
  after(() => h.stop())

  it('gives each of its 1,001 data rows an outcome (the blank line is no row), skipping formatted phones as INVALID_DATA', async () => {
    const fileId = await h.upload(
      await readFile(SOURCE, 'utf8'),
      'customers-1000.csv',
    )
    const created = (await (
      await h.createJob(
        contactsJob(fileId, [
          { api_name: 'Email', index: 9 },
          { api_name: 'Last_Name', index: 3 },
          { api_name: 'First_Name', index: 2 },
          { api_name: 'Mailing_City', index: 5 },
          { api_name: 'Mailing_Country', index: 6 },
          { api_name: 'Phone', index: 7 },
        ]),
      )
    ).json()) as Loose
    const job = await h.waitForJob(created.details.id)
    const file = job.resource[0].file
    assert.equal(file.total_count, 1001)
    assert.equal(file.added_count + file.skipped_count, 1001)

    const rows = (await h.resultRows(job.result.download_url)).slice(1)
    assert.equal(rows.length, 1001)
    assert.equal(rows.at(-1)?.[2], 'Testing_DOMINIC')
    for (const row of rows) {
      const [email, , , status, id, errors] = row
      const phoneOk = /^\+?\d+$/.test(phoneOf(email ?? ''))
      if (status === 'ADDED') assert.match(id ?? '', /^\d{19}$/)
      else assert.match(errors ?? '', /INVALID_DATA-Phone|DUPLICATE_DATA-Email/)
      if (!phoneOk) assert.equal(status, 'SKIPPED')
    }

    function phoneOf(email: string): string {
      return byEmail.get(email) ?? ''
    }
  })

  const byEmail = new Map<string, string>()
  before(async () => {
    const lines = (await readFile(SOURCE, 'utf8')).split('\n').slice(1)
    for (const line of lines) {
      // Phone 1 and Email carry no commas in this file; company names may.
      const cells = line.split(',')
      const email = cells.find((c) => c.includes('@'))
      const phone = cells.at(-5)
      if (email && phone) byEmail.set(email, phone)
    }
  })
})
