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

  it('estimates the time left at the pace so far', () => {
    // 10,000 of 30,000 rows in 60 s: 120 s to go.
    const r = run([job(25_000, 10_000), job(5_000, 0)])
    assert.equal(estimateLeftMs(r, start + 60_000), 120_000)
  })

  it('gives no estimate before the first row or after the end', () => {
    assert.equal(estimateLeftMs(run([job(10, 0)]), start + 5_000), null)
    assert.equal(
      estimateLeftMs(run([job(10, 10)], 'finished'), start + 5_000),
      null,
    )
  })

  it('writes durations the way people say them', () => {
    assert.equal(formatDuration(42_000), '42 s')
    assert.equal(formatDuration(185_000), '3 min 05 s')
    assert.equal(formatDuration(3_720_000), '1 h 02 min')
  })
})
