import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { JobView, RunView } from '../../../app/contract.ts'
import { estimateLeftMs, formatDuration, processedRows } from './run-timing.ts'

const job = (rows: number, processed: number): JobView => ({
  index: 0,
  jobId: null,
  state: 'running',
  rows,
  processed,
  added: processed,
  updated: 0,
  skipped: 0,
  message: null,
})

const run = (
  jobs: JobView[],
  state: RunView['state'] = 'running',
): RunView => ({
  runId: 'r',
  fileName: 'f.csv',
  module: 'Contacts',
  state,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  previousRunId: null,
  jobs,
  counts: { added: 0, updated: 0, skipped: 0, excluded: 0, total: 0 },
  rowsToSend: jobs.reduce((sum, j) => sum + j.rows, 0),
  creditsSpent: 0,
  message: null,
})

const start = Date.parse('2026-01-01T00:00:00.000Z')

describe('run timing', () => {
  it('adds up the rows processed over every job', () => {
    assert.equal(
      processedRows(run([job(25_000, 25_000), job(5_000, 1_000)])),
      26_000,
    )
  })

  it('estimates the time left at the pace of the CRM since it began', () => {
    // 9,000 rows in the 60 s since 1,000 were done; 20,000 to go: 133 s.
    const r = run([job(25_000, 10_000), job(5_000, 0)])
    const first = { at: start + 30_000, processed: 1_000 }
    assert.equal(
      Math.round(estimateLeftMs(r, first, start + 90_000)! / 1000),
      133,
    )
  })

  it('gives no estimate before the CRM has moved, or after the end', () => {
    const first = { at: start, processed: 10 }
    assert.equal(estimateLeftMs(run([job(10, 0)]), null, start + 5_000), null)
    assert.equal(
      estimateLeftMs(run([job(100, 10)]), first, start + 5_000),
      null,
    )
    assert.equal(
      estimateLeftMs(run([job(100, 50)], 'finished'), first, start + 5_000),
      null,
    )
  })

  it('writes durations the way people say them', () => {
    assert.equal(formatDuration(42_000), '42 s')
    assert.equal(formatDuration(185_000), '3 min 05 s')
    assert.equal(formatDuration(3_720_000), '1 h 02 min')
  })
})
