import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RowOutcome } from '../../results/row-outcome.ts'
import { outcomeBars, reasonBars } from '../chart-data.ts'
import { countReasons, reasonGroup } from '../reason-groups.ts'
import {
  neutraliseCell,
  reimportExport,
  spreadsheetExport,
} from '../spreadsheet-safe.ts'

const skipped = (reason: string, code: string, field: string): RowOutcome => ({
  row: 0,
  line: 2,
  kind: 'skipped',
  recordId: null,
  errors: [{ code, fields: [field] }],
  reason,
})

describe('reasonGroup', () => {
  it('groups a skipped row under its plain-language reason', () => {
    const outcome = skipped(
      'Last Name is required and this row has none.',
      'MANDATORY_NOT_FOUND',
      'Last_Name',
    )
    assert.equal(reasonGroup(outcome), outcome.reason)
  })

  it('groups excluded rows by field and kind of problem, not by their values', () => {
    const excluded = (line: number, value: string): RowOutcome => ({
      row: line - 2,
      line,
      kind: 'excluded',
      recordId: null,
      errors: [{ code: 'INVALID_PHONE', fields: ['Phone'] }],
      reason: `Not sent: line ${line}, “${value}” is not a phone number.`,
    })
    const label = (name: string) => (name === 'Phone' ? 'Phone' : name)
    assert.equal(
      reasonGroup(excluded(5, '123x4'), label),
      reasonGroup(excluded(9, '55x1'), label),
    )
    assert.equal(
      reasonGroup(excluded(5, 'x'), label),
      'Not sent: Phone: not a valid phone number',
    )
  })

  it('falls back to the reason when there are no error codes (a failed job)', () => {
    const outcome = { ...skipped('Job 2 failed.', 'X', 'Y'), errors: [] }
    assert.equal(reasonGroup(outcome), 'Job 2 failed.')
  })
})

describe('countReasons', () => {
  it('counts rows per reason, the most frequent first', () => {
    assert.deepEqual(countReasons(['b', 'a', 'b', 'c', 'b', 'a']), [
      { group: 'b', count: 3 },
      { group: 'a', count: 2 },
      { group: 'c', count: 1 },
    ])
  })
})

describe('outcomeBars and reasonBars', () => {
  it('gives each outcome its share of the rows in the file', () => {
    const bars = outcomeBars({
      added: 750,
      updated: 0,
      skipped: 200,
      excluded: 50,
      total: 1000,
    })
    assert.deepEqual(
      bars.map((bar) => [bar.label, bar.value, bar.share]),
      [
        ['Added', 750, 0.75],
        ['Updated', 0, 0],
        ['Skipped', 200, 0.2],
        ['Excluded', 50, 0.05],
      ],
    )
  })

  it('shows the top reasons and folds the rest into one bar', () => {
    const reasons = ['a', 'b', 'c', 'd'].map((group, i) => ({
      group,
      count: 10 - i,
    }))
    const bars = reasonBars(reasons, 2)
    assert.deepEqual(
      bars.map((bar) => [bar.label, bar.value]),
      [
        ['a', 10],
        ['b', 9],
        ['2 other reasons', 15],
      ],
    )
    assert.equal(Math.max(...bars.map((bar) => bar.share)), 1)
  })
})

describe('spreadsheet-safe export', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const cell of [
      '=1+1',
      '+44 20',
      '-3',
      '@SUM(A1)',
      '\tx',
      '\rx',
      ' =1',
      '\n=1',
      '\uFF1D1',
    ]) {
      assert.equal(neutraliseCell(cell), `'${cell}`)
    }
    for (const cell of ['plain', '', '1=1', 'a@b.example', ' x', 'x\n=1']) {
      assert.equal(neutraliseCell(cell), null)
    }
  })

  it('writes the original columns plus line and reason, and says what it changed', () => {
    const file = spreadsheetExport(
      'customers',
      ['Name', 'Phone'],
      [
        {
          values: ['=HYPERLINK("x")', '+1 555'],
          line: 7,
          reason: 'Bad, really',
        },
      ],
    )
    assert.equal(file.fileName, 'customers-skipped.csv')
    assert.equal(
      file.content,
      'Name,Phone,Line in file,Reason\r\n' +
        '"\'=HYPERLINK(""x"")",\'+1 555,7,"Bad, really"\r\n',
    )
    assert.match(file.note!, /2 cells start with =/)
  })

  it('keeps the raw export exactly as the file had it, for re-import', () => {
    const file = reimportExport('customers', ['Name'], [{ values: ['=1'] }])
    assert.equal(file.content, 'Name\r\n=1\r\n')
    assert.equal(file.fileName, 'customers-skipped-for-reimport.csv')
  })
})
