import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import JSZip from 'jszip'
import Papa from 'papaparse'
import {
  CONTACT_FIELDS,
  contactsInsert,
  mapTo,
} from '../../check/test/contacts-fields.ts'
import { jobColumns, jobRow, writeJobCsv } from '../job-file.ts'
import { zipJobCsv } from '../job-zip.ts'
import { creditCost, planJobs } from '../plan-jobs.ts'

describe('jobColumns', () => {
  it('puts find_by, then unique, then mandatory fields first', () => {
    const mapping = {
      ...contactsInsert([
        mapTo('First_Name', 0),
        mapTo('Last_Name', 1),
        mapTo('Email', 2),
        mapTo('Account_Name', 3, { lookupFindBy: 'Account_Name' }),
        mapTo('Date_of_Birth', 4),
      ]),
      operation: 'upsert' as const,
      findBy: 'Email',
    }
    const columns = jobColumns(mapping, CONTACT_FIELDS)
    assert.deepEqual(columns.headers, [
      'Email',
      'Last_Name',
      'First_Name',
      'Account_Name',
      'Date_of_Birth',
    ])
    assert.deepEqual(columns.fieldMappings[3], {
      api_name: 'Account_Name',
      index: 3,
      find_by: 'Account_Name',
    })
    assert.equal(columns.fieldMappings[4]?.format, 'yyyy-MM-dd')
  })
})

describe('jobRow', () => {
  it('copies cells in job order and fills defaults for empty cells', () => {
    const mapping = contactsInsert([
      mapTo('First_Name', 0),
      mapTo('Last_Name', 1, { defaultValue: 'Unknown' }),
      mapTo('Lead_Source', null, { defaultValue: 'Web' }),
    ])
    const columns = jobColumns(mapping, CONTACT_FIELDS)
    const record = { row: 0, line: 2, endLine: 2, values: ['Ann', ''] }
    assert.deepEqual(jobRow(record, mapping, columns), [
      'Unknown',
      'Ann',
      'Web',
    ])
  })
})

describe('writeJobCsv and zipJobCsv', () => {
  it('quotes commas, quotes and line breaks and keeps leading zeros', async () => {
    const csv = writeJobCsv(
      ['A', 'B'],
      [
        ['Terry, Proctor', 'say "hi"'],
        ['two\nlines', '007'],
      ],
    )
    assert.equal(
      csv,
      'A,B\r\n"Terry, Proctor","say ""hi"""\r\n"two\nlines",007\r\n',
    )
    const zip = await JSZip.loadAsync(await zipJobCsv('Contacts.csv', csv))
    const back = await zip.file('Contacts.csv')?.async('string')
    assert.deepEqual(Papa.parse(back ?? '', { skipEmptyLines: true }).data, [
      ['A', 'B'],
      ['Terry, Proctor', 'say "hi"'],
      ['two\nlines', '007'],
    ])
  })
})

describe('planJobs', () => {
  it('splits 60,000 rows into three jobs that cost 1,500 credits', () => {
    const rows = Array.from({ length: 60_000 }, (_, row) => ({
      row,
      bytes: 100,
    }))
    const jobs = planJobs(rows, 50)
    assert.deepEqual(
      jobs.map((job) => [job.firstRow, job.lastRow, job.rowCount]),
      [
        [0, 24_999, 25_000],
        [25_000, 49_999, 25_000],
        [50_000, 59_999, 10_000],
      ],
    )
    assert.equal(creditCost(jobs), 1500)
  })

  it('starts a new job before the CSV outgrows the size budget', () => {
    const rows = Array.from({ length: 30 }, (_, row) => ({ row, bytes: 1000 }))
    const jobs = planJobs(rows, 0, { maxRows: 25_000, maxCsvBytes: 10_000 })
    assert.deepEqual(
      jobs.map((job) => job.rowCount),
      [10, 10, 10],
    )
    assert.ok(jobs.every((job) => job.csvBytes <= 10_000))
  })
})
