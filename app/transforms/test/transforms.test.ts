import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkMapping, createRowChecker } from '../../check/check-rows.ts'
import {
  CONTACT_FIELDS,
  contactsInsert,
  field,
  mapTo,
} from '../../check/test/contacts-fields.ts'
import type { CsvRecord } from '../../csv/csv-types.ts'
import { readCsvHead, readCsvRecords } from '../../csv/read-csv.ts'
import { sharedFile } from '../../csv/test/shared-data.ts'
import { checkboxTransform } from '../checkbox.ts'
import { dateColumnProblem } from '../column-problems.ts'
import { DateEvidence, dateTransform } from '../date-column.ts'
import { dateTimeTransform } from '../date-time.ts'
import { NumberEvidence, numberTransform } from '../number-column.ts'
import { phoneTransform } from '../phone.ts'
import { picklistTransform } from '../picklist.ts'
import { cellTransform, previewTransform } from '../value-transform.ts'

async function records(name: string): Promise<CsvRecord[]> {
  const source = sharedFile(name)
  const head = await readCsvHead(source)
  const all: CsvRecord[] = []
  for await (const batch of readCsvRecords(source, head.layout))
    all.push(...batch)
  return all
}

const cells = (rows: CsvRecord[], column: number) =>
  rows.map((r) => ({ row: r.row, line: r.line, value: r.values[column] ?? '' }))

const apply = (
  t: { apply(v: string): { ok: boolean; value?: string } },
  v: string,
) => {
  const outcome = t.apply(v)
  return outcome.ok ? outcome.value : null
}

describe('dates (fc05-dates.csv)', () => {
  it('reports the mixed-order column at the conflicting line', async () => {
    const rows = await records('field-cases/fc05-dates.csv')
    const evidence = new DateEvidence()
    for (const { value, line } of cells(rows, 2)) evidence.add(value, line)
    assert.equal(evidence.result().status, 'conflicting')
    const problem = dateColumnProblem(
      { column: 2, columnName: 'Date_of_Birth', field: 'Date_of_Birth' },
      evidence,
    )
    assert.equal(problem?.code, 'AMBIGUOUS_DATE')
    assert.equal(problem?.line, 4)
    assert.match(
      problem?.message ?? '',
      /“28\/08\/1992” can only be day-first, but line 2/,
    )
  })

  it('converts the unambiguous column to yyyy-MM-dd', async () => {
    const rows = await records('field-cases/fc05-dates.csv')
    const evidence = new DateEvidence()
    for (const { value, line } of cells(rows, 3)) evidence.add(value, line)
    const inference = evidence.result()
    assert.equal(inference.status, 'clear')
    const preview = previewTransform(
      dateTransform(inference.order),
      cells(rows, 3),
    )
    assert.deepEqual(
      preview.changed.map((c) => [c.line, c.before, c.after]),
      [
        [3, '04.03.2019', '2019-03-04'],
        [4, '2019-8-5', '2019-08-05'],
      ],
    )
    assert.equal(preview.unchangedCount, 1)
    assert.equal(preview.failedCount, 0)
  })

  it('proves the order from a part above 12 and refuses to guess otherwise', () => {
    const evidence = new DateEvidence()
    evidence.add('03/04/2020', 2)
    assert.equal(evidence.result().status, 'ambiguous')
    evidence.add('03/25/2020', 3)
    assert.deepEqual(
      [evidence.result().status, evidence.result().order],
      ['clear', 'mdy'],
    )
    assert.equal(apply(dateTransform('mdy'), '03/04/2020'), '2020-03-04')
    assert.equal(apply(dateTransform('dmy'), '03/04/2020'), '2020-04-03')
    assert.equal(apply(dateTransform(null), '03/04/2020'), null)
    assert.equal(apply(dateTransform('dmy'), '31/02/2020'), null)
    assert.equal(apply(dateTransform('dmy'), ''), '')
  })
})

describe('checkboxes (fc10-booleans.csv)', () => {
  it('turns Yes/0 into true/false, refuses x at its line, keeps blank', async () => {
    const rows = await records('field-cases/fc10-booleans.csv')
    const preview = previewTransform(checkboxTransform, cells(rows, 2))
    assert.deepEqual(
      preview.changed.map((c) => [c.line, c.after]),
      [
        [2, 'true'],
        [3, 'false'],
      ],
    )
    assert.deepEqual(
      preview.failed.map((f) => f.line),
      [4],
    )
    assert.equal(preview.unchangedCount, 1)
  })

  it('leaves x for the checker to report at line 4 once the transform runs', async () => {
    const source = sharedFile('field-cases/fc10-booleans.csv')
    const head = await readCsvHead(source)
    const input = {
      fileName: source.name,
      fields: CONTACT_FIELDS,
      columns: head.columns,
      mapping: contactsInsert([
        mapTo('Last_Name', 0),
        mapTo('Email', 1),
        mapTo('Email_Opt_Out', 2),
      ]),
      transform: cellTransform({ Email_Opt_Out: checkboxTransform }),
    }
    assert.deepEqual(checkMapping(input), [])
    const checker = createRowChecker(input)
    const problems = []
    for await (const batch of readCsvRecords(source, head.layout)) {
      for (const record of batch) problems.push(...checker.check(record))
    }

    assert.deepEqual(
      problems.map((p) => [p.code, p.line]),
      [['INVALID_BOOLEAN', 4]],
    )
  })
})

describe('phones', () => {
  it('keeps digits and + and drops or refuses extensions as chosen', () => {
    const drop = phoneTransform('drop')
    assert.equal(apply(drop, '+1-360-693-4419x19272'), '+13606934419')
    assert.equal(apply(drop, '(422)787-2331x71127'), '4227872331')
    assert.equal(apply(drop, '001-645-334-5514x0786'), '0016453345514')
    assert.equal(apply(phoneTransform('refuse'), '846-790-4623x4715'), null)
    assert.equal(apply(phoneTransform('refuse'), '846.790.4623'), '8467904623')
    assert.equal(apply(drop, 'call me'), null)
  })
})

describe('numbers', () => {
  it('finds the decimal mark per column and names conflicting lines', () => {
    const evidence = new NumberEvidence()
    evidence.add('1.250.000,50', 2)
    evidence.add('980.000', 3)
    assert.equal(evidence.result().decimalMark, ',')
    evidence.add('12.75', 4)
    assert.equal(evidence.result().status, 'conflicting')
    assert.match(evidence.result().explanation, /line 4.*line 2|line 2.*line 4/)
  })

  it('removes thousands marks and currency signs and keeps leading zeros', () => {
    const comma = numberTransform(',')
    assert.equal(apply(comma, '1.250.000,50'), '1250000.50')
    assert.equal(apply(comma, '€ 980.000'), '980000')
    const point = numberTransform('.')
    assert.equal(apply(point, '$1,234.5'), '1234.5')
    assert.equal(apply(point, '(1,000)'), '-1000')
    assert.equal(apply(point, '007'), '007')
    assert.equal(apply(point, '12345678901234567890'), '12345678901234567890')
    assert.equal(apply(point, 'n/a'), null)
  })
})

describe('date-times', () => {
  it('asks the zone once and shows the exact ISO value sent', () => {
    const berlin = dateTimeTransform('dmy', 'Europe/Berlin')
    assert.equal(apply(berlin, '28.08.2019 14:30'), '2019-08-28T14:30:00+02:00')
    assert.equal(
      apply(berlin, '28.01.2019 2:30 PM'),
      '2019-01-28T14:30:00+01:00',
    )
    assert.equal(
      apply(berlin, '2019-08-28T14:30:00Z'),
      '2019-08-28T14:30:00+00:00',
    )
    assert.equal(
      apply(dateTimeTransform(null, '-05:00'), '2019-08-28 09:00'),
      '2019-08-28T09:00:00-05:00',
    )
    assert.equal(apply(berlin, '2019-08-28 25:00'), null)
  })
})

describe('picklists', () => {
  it('trims and corrects case to the picklist spelling', () => {
    const source = field('Lead_Source', 'picklist', {
      picklistValues: ['Trade Show', 'Web'],
    })
    assert.equal(
      apply(picklistTransform(source), '  trade show '),
      'Trade Show',
    )
    const interests = field('Interests', 'multiselectpicklist', {
      picklistValues: ['Webinar', 'Events'],
    })
    assert.equal(
      apply(picklistTransform(interests), 'webinar; EVENTS'),
      'Webinar;Events',
    )
    assert.equal(apply(picklistTransform(source), 'Fax'), 'Fax')
  })
})

describe('checkFile transform suggestions', () => {
  it('offers the date transform with each column’s order, and flags the mixed one', async () => {
    const { checkFile } = await import('../../check/check-file.ts')
    const summary = await checkFile(sharedFile('field-cases/fc05-dates.csv'), {
      fields: [...CONTACT_FIELDS, field('Last_Contacted', 'date')],
      mapping: contactsInsert([
        mapTo('Last_Name', 0),
        mapTo('Email', 1),
        mapTo('Date_of_Birth', 2),
        mapTo('Last_Contacted', 3),
      ]),
    })
    const byField = Object.fromEntries(
      summary.suggestions.map((s) => [s.field, s]),
    )
    assert.equal(byField.Date_of_Birth?.date?.status, 'conflicting')
    assert.equal(byField.Last_Contacted?.date?.order, 'dmy')
    const mixed = summary.problems.find((p) => p.code === 'AMBIGUOUS_DATE')
    assert.equal(mixed?.line, 4)
    assert.equal(mixed?.columnName, 'Date_of_Birth')
  })
})
