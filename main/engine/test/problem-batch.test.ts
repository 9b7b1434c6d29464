import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Problem, ProblemCode } from '../../../app/check/problem.ts'
import { CONTEXT_CODES } from '../context-codes.ts'
import {
  type CompactProblem,
  ProblemBatcher,
  forEachCompact,
} from '../problem-batch.ts'

function problem(row: number, code: ProblemCode, column = 2): Problem {
  return {
    row,
    line: row + 2,
    endLine: row + 2,
    column,
    columnName: 'Email',
    field: 'Email',
    value: `value ${row}`,
    code,
    severity: code === 'AMBIGUOUS_DATE' ? 'warning' : 'error',
    message: `Line ${row + 2}: not right.`,
    fix: null,
  }
}

describe('ProblemBatcher', () => {
  it('sends the first problems in full and the rest as numbers, in order', () => {
    const batcher = new ProblemBatcher(2, CONTEXT_CODES)
    for (let row = 0; row < 5; row++) batcher.add(problem(row, 'INVALID_EMAIL'))
    batcher.add(problem(5, 'AMBIGUOUS_DATE', 4))
    assert.equal(batcher.size, 6)

    const batch = batcher.take()
    assert.deepEqual(
      batch.full.map((p) => p.row),
      [0, 1],
    )
    const compact: CompactProblem[] = []
    forEachCompact(batch, (p) => compact.push(p))
    assert.deepEqual(compact, [
      { row: 2, line: 4, column: 2, code: 'INVALID_EMAIL', severity: 'error' },
      { row: 3, line: 5, column: 2, code: 'INVALID_EMAIL', severity: 'error' },
      { row: 4, line: 6, column: 2, code: 'INVALID_EMAIL', severity: 'error' },
      {
        row: 5,
        line: 7,
        column: 4,
        code: 'AMBIGUOUS_DATE',
        severity: 'warning',
      },
    ])
    assert.equal(batcher.size, 0)
  })

  it('always sends duplicates and broken records in full, for the grid', () => {
    const batcher = new ProblemBatcher(0, CONTEXT_CODES)
    batcher.add(problem(7, 'DUPLICATE_IN_FILE'))
    batcher.add(problem(8, 'FIELD_COUNT', -1))
    batcher.add(problem(9, 'INVALID_PHONE'))
    const batch = batcher.take()
    assert.deepEqual(
      batch.full.map((p) => p.code),
      ['DUPLICATE_IN_FILE', 'FIELD_COUNT'],
    )
    assert.equal(batch.groups.length, 1)
    assert.deepEqual([...(batch.groups[0]?.rows ?? [])], [9])
  })

  it('keeps problems of no row (a whole column) in full', () => {
    const batcher = new ProblemBatcher(0, CONTEXT_CODES)
    batcher.add({ ...problem(0, 'AMBIGUOUS_DATE'), row: null })
    assert.equal(batcher.take().full.length, 1)
  })
})
