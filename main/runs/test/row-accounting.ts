import assert from 'node:assert/strict'
import type { RunView } from '../../../app/contract.ts'
import type { RowOutcome } from '../../../app/results/row-outcome.ts'

/**
 * Every row of the file has exactly one outcome, and the run's counts are
 * those outcomes: added + updated + skipped + excluded = rows.
 */
export function assertEveryRowOnce(
  view: RunView,
  outcomes: readonly RowOutcome[],
): void {
  const rows = outcomes.map((o) => o.row).sort((a, b) => a - b)
  assert.equal(rows.length, view.counts.total, 'one outcome per row')
  rows.forEach((row, i) => assert.equal(row, i, `row ${i} has one outcome`))

  const { added, updated, skipped, excluded, total } = view.counts
  assert.equal(added + updated + skipped + excluded, total, 'counts add up')
  const kinds = (kind: RowOutcome['kind']) =>
    outcomes.filter((o) => o.kind === kind).length
  assert.deepEqual(
    { added, updated, skipped, excluded },
    {
      added: kinds('added'),
      updated: kinds('updated'),
      skipped: kinds('skipped'),
      excluded: kinds('excluded'),
    },
  )
  for (const job of view.jobs) {
    assert.equal(
      job.added + job.updated + job.skipped,
      job.rows,
      `job ${job.index + 1} adds up`,
    )
  }
}

/** No job id was handed out twice, and each job of the run has its own. */
export function assertNoJobTwice(view: RunView, created: readonly string[]) {
  assert.equal(new Set(created).size, created.length, 'no job created twice')
  const ids = view.jobs.map((job) => job.jobId).filter((id) => id !== null)
  assert.deepEqual(
    new Set(ids),
    new Set(created.filter((id) => ids.includes(id))),
  )
}
