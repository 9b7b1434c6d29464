import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CsvColumn } from '../../csv/csv-types.ts'
import { sharedFile } from '../../csv/test/shared-data.ts'
import { checkFile } from '../check-file.ts'
import { CONTACT_FIELDS, contactsInsert, mapTo } from './contacts-fields.ts'

const MAPPED: [string, string][] = [
  ['Last Name', 'Last_Name'],
  ['Email', 'Email'],
  ['Phone 1', 'Phone'],
  ['Phone 2', 'Mobile'],
  ['Website', 'Website'],
  ['Company', 'Lead_Source'],
]

const mapping = (columns: CsvColumn[]) =>
  contactsInsert(
    MAPPED.map(([name, apiName]) =>
      mapTo(apiName, columns.find((c) => c.name === name)?.index ?? null),
    ),
  )

describe('checkFile', () => {
  it('counts the same problems whether it keeps them or only tallies them', async () => {
    const kept = await checkFile(sharedFile('customers-1000.csv'), {
      fields: CONTACT_FIELDS,
      mapping,
      keepProblems: Infinity,
    })
    const tallied = await checkFile(sharedFile('customers-1000.csv'), {
      fields: CONTACT_FIELDS,
      mapping,
      keepProblems: 0,
    })
    assert.ok(kept.problemCount > 1000)
    assert.equal(kept.problems.length, kept.problemCount)
    assert.equal(tallied.problems.length, 0)
    for (const key of [
      'problemCount',
      'errorCount',
      'warningCount',
      'rowsWithErrors',
      'countsByCode',
    ] as const) {
      assert.deepEqual(tallied[key], kept[key], key)
    }
  })

  it('plans jobs and credits for every row read', async () => {
    const summary = await checkFile(sharedFile('customers-1000.csv'), {
      fields: CONTACT_FIELDS,
      mapping,
    })
    assert.equal(summary.rowCount, 1001)
    assert.equal(
      summary.jobs.reduce((n, job) => n + job.rowCount, 0),
      1001,
    )
    assert.equal(summary.credits, 500)
    assert.equal(summary.blocking, true)
  })
})
