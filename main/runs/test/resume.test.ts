import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { RunService } from '../run-service.ts'
import { assertEveryRowOnce, assertNoJobTwice } from './row-accounting.ts'
import {
  CUSTOMERS,
  mapPhone1,
  startRunHarness,
  type RunHarness,
} from './run-harness.ts'

const limits = { maxRows: 300, maxCsvBytes: 10_000_000 }

describe('a run killed mid-way and started again', () => {
  let h: RunHarness
  before(async () => {
    h = await startRunHarness()
  })
  after(() => h.close())

  it('polls the job already created, creates the rest once, loses no row', async () => {
    // The first "app" stops as soon as job 1's id is on disk.
    let first: RunService | null = null
    first = h.service({
      limits,
      onProgress: (view) => {
        if (view.jobs[0]?.jobId) void first?.stop()
      },
    })
    const { runId } = await first.start(await h.request(CUSTOMERS, mapPhone1))
    await first.idle()

    const stopped = await h.store.load(runId)
    assert.equal(stopped?.view.state, 'running')
    assert.equal(stopped?.jobs[0]?.phase, 'created')
    assert.equal(stopped?.jobs[1]?.phase, 'planned')
    assert.equal(h.createdJobs.length, 1)

    // A second "app" on the same data folder resumes it.
    const second = h.service()
    assert.deepEqual(await second.resumeUnfinished(), [runId])
    await second.idle()

    const run = await h.store.load(runId)
    assert.equal(run?.view.state, 'finished')
    assert.equal(run?.view.jobs.length, 4)
    assert.equal(h.createdJobs.length, 4)
    assert.equal(run?.view.jobs[0]?.jobId, h.createdJobs[0])
    assertNoJobTwice(run!.view, h.createdJobs)
    assertEveryRowOnce(run!.view, await h.outcomes(runId))
    assert.ok(run!.view.counts.skipped > 0, 'phones with extensions skipped')
  })

  it('does not create a job again that may exist, and says so', async () => {
    h.createdJobs.length = 0
    let first: RunService | null = null
    first = h.service({
      limits,
      onProgress: (view) => {
        // Stop in the window between "creating" on disk and the id.
        if (view.jobs[1]?.state === 'creating') void first?.stop()
      },
    })
    const { runId } = await first.start(await h.request(CUSTOMERS, mapPhone1))
    await first.idle()
    const stopped = await h.store.load(runId)
    // The create call went out; the app "died" before its id was written.
    if (stopped!.jobs[1]!.phase === 'created') {
      stopped!.jobs[1]!.phase = 'creating'
      stopped!.jobs[1]!.jobId = null
      stopped!.view.jobs[1]!.jobId = null
      await h.store.save(stopped!)
    }
    const createdBefore = h.createdJobs.length

    const second = h.service()
    await second.resumeUnfinished()
    await second.idle()

    const run = (await h.store.load(runId))!
    assert.equal(run.view.state, 'finished')
    assert.equal(run.view.jobs[1]!.state, 'failed')
    assert.match(run.view.jobs[1]!.message ?? '', /not created again/)
    assert.equal(h.createdJobs.length, createdBefore + 2, 'jobs 3 and 4 only')
    const outcomes = await h.outcomes(runId)
    assertEveryRowOnce(run.view, outcomes)
    const job2 = outcomes.filter((o) => o.reason?.includes('job 2'))
    assert.equal(job2.length, run.view.jobs[1]!.rows)
    assert.match(job2[0]!.reason!, /Look for these rows in the CRM/)
  })
})
