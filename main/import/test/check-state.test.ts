import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CsvColumn } from '../../../app/csv/csv-types.ts'
import { CheckState } from '../check-state.ts'

const COLUMNS = [
  { index: 0, name: 'Name' },
  { index: 1, name: 'Phone' },
] as CsvColumn[]

const group = (rows: number[], severity: 'error' | 'warning' = 'error') => ({
  column: 1,
  code: 'INVALID_PHONE' as const,
  severity,
  rows: Int32Array.from(rows),
  lines: Int32Array.from(rows.map((row) => row + 2)),
})

describe('CheckState', () => {
  it('takes the rows of a batch group: flags, lists and counts', () => {
    const state = new CheckState(COLUMNS)
    state.addGroup(group([1, 3, 5]))
    state.addGroup(group([6], 'warning'))
    state.rowCount = 8

    assert.equal(state.problemCount, 4)
    assert.ok(state.hasError(3) && !state.hasError(2))
    assert.deepEqual(
      state.matching({ onlyProblems: true, column: null, code: null }),
      [1, 3, 5, 6],
    )
    assert.deepEqual(state.rowsFlagged(new Set([3, 7])), {
      rowsWithErrors: 2,
      rowsWithWarnings: 1,
    })
  })

  it('leaves out rows edited while the check ran, counting the edit once', () => {
    const state = new CheckState(COLUMNS)
    state.rowCount = 2
    // Row 4 is edited before the check reaches it: nothing counted to undo.
    state.replaceRow(
      4,
      [
        {
          column: 1,
          code: 'INVALID_PHONE',
          severity: 'error',
          message: '',
          fix: null,
        },
      ],
      [],
    )
    state.addGroup(group([2, 4]))
    state.rowCount = 5

    assert.equal(state.problemCount, 1)
    assert.ok(state.hasError(2))
    assert.ok(!state.hasError(4))
  })

  it('counts apart the problems of excluded rows, edited rows by their edit', () => {
    const state = new CheckState(COLUMNS)
    state.addGroup(group([1, 3, 5, 7]))
    state.rowCount = 8
    const phone = {
      column: 1,
      code: 'INVALID_PHONE' as const,
      severity: 'error' as const,
      message: '',
      fix: null,
    }
    // Row 3 is fixed by an edit; row 5 is edited and still wrong.
    state.replaceRow(3, [phone], [])
    state.replaceRow(5, [phone], [phone])

    const [entry] = state.byColumnAndCode(new Set([0, 3, 5, 7]))
    assert.equal(entry?.count, 3)
    assert.equal(entry?.inExcludedRows, 2)
    assert.equal(state.byColumnAndCode(new Set())[0]?.inExcludedRows, 0)
  })
})
