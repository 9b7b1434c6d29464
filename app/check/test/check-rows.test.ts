import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CsvColumn, CsvRecord } from '../../csv/csv-types.ts'
import { readCsvHead, readCsvRecords } from '../../csv/read-csv.ts'
import { sharedFile } from '../../csv/test/shared-data.ts'
import { autoMatch } from '../../mapping/auto-match.ts'
import { checkMapping, createRowChecker } from '../check-rows.ts'
import type { Problem } from '../problem.ts'
import { CONTACT_FIELDS, contactsInsert, mapTo } from './contacts-fields.ts'

const columns = (names: string[]): CsvColumn[] =>
  names.map((name, index) => ({ index, name, headerless: false }))

const record = (row: number, values: string[]): CsvRecord => ({
  row,
  line: row + 2,
  endLine: row + 2,
  values,
})

function checkOne(apiName: string, value: string): Problem[] {
  const checker = createRowChecker({
    fileName: 'f.csv',
    fields: CONTACT_FIELDS,
    columns: columns(['Last', 'X']),
    mapping: contactsInsert([mapTo('Last_Name', 0), mapTo(apiName, 1)]),
  })
  return checker.check(record(0, ['Smith', value]))
}

describe('checkMapping', () => {
  it('names a mandatory field that no column fills', () => {
    const problems = checkMapping({
      fileName: 'f.csv',
      fields: CONTACT_FIELDS,
      columns: columns(['Email']),
      mapping: contactsInsert([mapTo('Email', 0)]),
    })
    assert.deepEqual(
      problems.map((p) => [p.code, p.field]),
      [['MANDATORY_NOT_MAPPED', 'Last_Name']],
    )
  })

  it('asks for find_by on update and upsert, and only a unique field will do', () => {
    const base = {
      fileName: 'f.csv',
      fields: CONTACT_FIELDS,
      columns: columns(['Last', 'Email']),
    }
    const fields = [mapTo('Last_Name', 0), mapTo('Email', 1)]
    const missing = checkMapping({
      ...base,
      mapping: { ...contactsInsert(fields), operation: 'upsert' },
    })
    assert.equal(missing[0]?.code, 'FIND_BY_MISSING')
    const notUnique = checkMapping({
      ...base,
      mapping: {
        ...contactsInsert(fields),
        operation: 'update',
        findBy: 'Last_Name',
      },
    })
    assert.equal(notUnique[0]?.code, 'FIND_BY_MISSING')
    const fine = checkMapping({
      ...base,
      mapping: {
        ...contactsInsert(fields),
        operation: 'upsert',
        findBy: 'Email',
      },
    })
    assert.deepEqual(fine, [])
  })

  it('refuses more than 200 mapped fields', () => {
    const many = Array.from({ length: 201 }, (_, i) => mapTo('Last_Name', i))
    const problems = checkMapping({
      fileName: 'f.csv',
      fields: CONTACT_FIELDS,
      columns: columns(many.map((_, i) => `c${i}`)),
      mapping: contactsInsert(many),
    })
    assert.ok(problems.some((p) => p.code === 'LIMIT_EXCEEDED'))
  })
})

describe('createRowChecker', () => {
  it('reports an empty mandatory cell with line, column and a fix', () => {
    const checker = createRowChecker({
      fileName: 'f.csv',
      fields: CONTACT_FIELDS,
      columns: columns(['Surname']),
      mapping: contactsInsert([mapTo('Last_Name', 0)]),
    })
    const [problem] = checker.check(record(4, ['  ']))
    assert.equal(problem?.code, 'MANDATORY_MISSING')
    assert.equal(problem?.line, 6)
    assert.match(
      problem?.message ?? '',
      /^Line 6 of f.csv, column “Surname” \(Last Name \(Last_Name\)\): Last Name is required/,
    )
    assert.ok(problem?.fix)
  })

  it('uses the default value for an empty cell', () => {
    const checker = createRowChecker({
      fileName: 'f.csv',
      fields: CONTACT_FIELDS,
      columns: columns(['Surname']),
      mapping: contactsInsert([
        mapTo('Last_Name', 0, { defaultValue: 'Unknown' }),
      ]),
    })
    assert.deepEqual(checker.check(record(0, [''])), [])
  })

  const cases: [string, string, string | null][] = [
    ['Email', 'ann@example.com', null],
    ['Email', 'ann@example', 'INVALID_EMAIL'],
    ['Phone', '+15550100100', null],
    ['Phone', '+1 (555) 010-0100', 'INVALID_PHONE'],
    ['Phone', '846-790-4623x4715', 'INVALID_PHONE'],
    ['Phone', '1'.repeat(31), 'TOO_LONG'],
    ['First_Name', 'x'.repeat(40), null],
    ['First_Name', 'x'.repeat(41), 'TOO_LONG'],
    ['Description', 'x'.repeat(2001), 'TOO_LONG'],
    ['Date_of_Birth', '1990-02-28', null],
    ['Date_of_Birth', '1990-02-30', 'INVALID_DATE'],
    ['Date_of_Birth', '08/28/1990', 'INVALID_DATE'],
    ['Email_Opt_Out', 'true', null],
    ['Email_Opt_Out', 'Yes', 'INVALID_BOOLEAN'],
    ['Lead_Source', 'Web', null],
    ['Lead_Source', ' web ', 'UNKNOWN_PICKLIST_VALUE'],
    ['Interests', 'Webinar;Events', null],
    ['Interests', 'Webinar;Golf', 'UNKNOWN_PICKLIST_VALUE'],
    ['Annual_Revenue', '1250000.50', null],
    ['Annual_Revenue', '1.250.000,50', 'INVALID_NUMBER'],
    ['Website', 'http://www.shea.biz/', null],
    ['Website', 'HTTPS://Shea.biz:8080/a?b', null],
    ['Website', 'www.shea.biz', null],
    ['Website', 'ftp://shea.biz', 'INVALID_URL'],
    ['Website', 'not a site', 'INVALID_URL'],
    ['Website', `http://${'x'.repeat(252)}.biz`, 'TOO_LONG'],
  ]
  for (const [apiName, value, code] of cases) {
    it(`${code ? 'flags' : 'accepts'} ${JSON.stringify(value.slice(0, 20))} in ${apiName}`, () => {
      assert.deepEqual(
        checkOne(apiName, value).map((p) => p.code),
        code ? [code] : [],
      )
    })
  }

  it('offers the picklist spelling as the fix for a case or space slip', () => {
    const [problem] = checkOne('Lead_Source', ' web ')
    assert.equal(problem?.severity, 'warning')
    assert.equal(problem?.fix, 'Use “Web”.')
  })

  it('flags the later row of a duplicate unique value, naming the first line', () => {
    const checker = createRowChecker({
      fileName: 'f.csv',
      fields: CONTACT_FIELDS,
      columns: columns(['Last', 'Email']),
      mapping: contactsInsert([mapTo('Last_Name', 0), mapTo('Email', 1)]),
    })
    assert.deepEqual(checker.check(record(0, ['A', 'ann@example.com'])), [])
    const [problem] = checker.check(record(5, ['B', 'ANN@example.com']))
    assert.equal(problem?.code, 'DUPLICATE_IN_FILE')
    assert.match(problem?.message ?? '', /already appears on line 2/)
    assert.deepEqual(checker.finish(), [])
  })

  it('checks customers-1000.csv auto-matched to Contacts', async () => {
    const source = sharedFile('customers-1000.csv')
    const head = await readCsvHead(source)
    const mapping = contactsInsert(autoMatch(head.columns, CONTACT_FIELDS))
    const mapped = mapping.fields.map((f) => f.apiName)
    for (const apiName of ['First_Name', 'Last_Name', 'Email', 'Website']) {
      assert.ok(mapped.includes(apiName), apiName)
    }
    const input = {
      fileName: source.name,
      fields: CONTACT_FIELDS,
      mapping,
      columns: head.columns,
    }
    assert.deepEqual(checkMapping(input), [])
    const checker = createRowChecker(input)
    const problems: Problem[] = []
    for await (const batch of readCsvRecords(source, head.layout)) {
      for (const r of batch) problems.push(...checker.check(r))
    }

    assert.ok(
      problems.every(
        (p) => p.line !== null && p.message.includes(`ine ${p.line}`),
      ),
    )
  })
})
