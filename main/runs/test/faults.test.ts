import assert from 'node:assert/strict'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { after, afterEach, before, describe, it } from 'node:test'
import type { RunView } from '../../../app/contract.ts'
import type { FaultSettings } from '../../localcrm/local-crm.ts'
import { CrmApiError } from '../../zoho/crm-api-error.ts'
import type { RunServiceOptions } from '../run-service.ts'
import { assertEveryRowOnce, assertNoJobTwice } from './row-accounting.ts'
import {
  CUSTOMERS,
  mapPhone1,
  startRunHarness,
  type RunHarness,
} from './run-harness.ts'

/** 1,001 rows in three jobs, so that a fault hits one job among others. */
const limits = { maxRows: 400, maxCsvBytes: 10_000_000 }

async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory()
      ? await folderBytes(path)
      : (await stat(path)).size
  }
  return total
}

describe('a run against a CRM that misbehaves (LocalCRM faults, real sockets)', () => {
  let h: RunHarness
  before(async () => {
    h = await startRunHarness()
  })
  afterEach(() => h.crm.faults.reset())
  after(() => h.close())

  /** Runs the customers file with faults armed; checks the invariants. */
  async function runWith(
    faults: FaultSettings,
    options: Partial<RunServiceOptions> = {},
  ): Promise<RunView> {
    h.createdJobs.length = 0
    h.crm.faults.set(faults)
    const service = h.service({ limits, ...options })
    const { runId } = await service.start(await h.request(CUSTOMERS, mapPhone1))
    await service.idle()
    const run = (await h.store.load(runId))!
    assert.equal(run.view.state, 'finished', run.view.message ?? '')
    assert.equal(run.view.jobs.length, 3)
    assertNoJobTwice(run.view, h.createdJobs)
    assertEveryRowOnce(run.view, await h.outcomes(runId))
    return run.view
  }

  const allDone = (view: RunView) =>
    assert.deepEqual(
      view.jobs.map((job) => job.state),
      ['done', 'done', 'done'],
    )

  it('rides out a burst of 429 TOO_MANY_REQUESTS answers', async () => {
    const view = await runWith({
      httpError: { status: 429, share: 0.5, count: 4 },
    })
    allDone(view)
    assert.equal(h.createdJobs.length, 3)
  })

  it('rides out 5xx answers, creating each job once', async () => {
    allDone(await runWith({ httpError: { status: 503, count: 3 } }))
    assert.equal(h.createdJobs.length, 3)
  })

  it('never re-creates a job whose create got a 5xx, and says what to check', async () => {
    const view = await runWith({
      httpError: { status: 500, path: '/crm/bulk/v8/write', count: 1 },
    })
    assert.deepEqual(
      view.jobs.map((job) => job.state),
      ['failed', 'done', 'done'],
    )
    assert.equal(h.createdJobs.length, 2)
    assert.match(view.jobs[0]!.message!, /not sent again/)
    const rows = (await h.outcomes(view.runId)).filter((o) =>
      o.reason?.includes('creating job 1 '),
    )
    assert.equal(rows.length, view.jobs[0]!.rows)
    assert.match(rows[0]!.reason!, /Look for these rows in the CRM/)
  })

  it('uploads again when the connection drops mid-upload', async () => {
    allDone(await runWith({ dropUpload: { count: 2, afterBytes: 256 } }))
  })

  it('waits for slow status answers', async () => {
    allDone(
      await runWith({
        latency: { ms: 400, path: '/crm/bulk/v8/write/', count: 3 },
      }),
    )
  })

  it('gets a new access token when it expires mid-run', async () => {
    let expired = false
    const view = await runWith(
      {},
      {
        onProgress: (v) => {
          if (!expired && v.jobs[0]?.state === 'queued') {
            expired = h.crm.faults.expireTokens() > 0
          }
        },
      },
    )
    assert.ok(expired, 'tokens were expired mid-run')
    allDone(view)
  })

  it('pauses while the CRM keeps answering 503, and resumes later', async () => {
    h.createdJobs.length = 0
    h.crm.faults.set({ httpError: { status: 503, count: 1_000 } })
    const first = h.service({ limits })
    const { runId } = await first.start(await h.request(CUSTOMERS, mapPhone1))
    await first.idle()
    const paused = (await h.store.load(runId))!
    assert.equal(paused.view.state, 'failed')
    assert.match(paused.view.message!, /Resume the run/)
    assert.equal(h.createdJobs.length, 0)

    // The CRM is back: the user asks to resume, without a restart.
    h.crm.faults.reset()
    await first.resume(runId)
    await first.idle()
    const run = (await h.store.load(runId))!
    assert.equal(run.view.state, 'finished')
    assert.equal(h.createdJobs.length, 3)
    assertNoJobTwice(run.view, h.createdJobs)
    assertEveryRowOnce(run.view, await h.outcomes(runId))
    await assert.rejects(first.resume(runId), /nothing is left to resume/)
  })

  it('reports the rows of a job that ends FAILED, and carries on', async () => {
    const view = await runWith({ failJob: { count: 1 } })
    assert.deepEqual(
      view.jobs.map((job) => job.state),
      ['failed', 'done', 'done'],
    )
    assert.equal(view.jobs[0]!.skipped, view.jobs[0]!.rows)
    assert.match(view.jobs[0]!.message!, /FAILED/)
    assert.match(view.message!, /Job 1: .*re-run/)
  })

  it('ends a job the CRM no longer knows, without creating it again', async () => {
    const forgetful = {
      ...h.client,
      async getJob(jobId: string) {
        if (jobId === h.createdJobs[0]) {
          throw new CrmApiError(
            'RESOURCE_NOT_FOUND',
            'Reading job failed.',
            404,
          )
        }
        return h.client.getJob(jobId)
      },
    }
    const view = await runWith(
      {},
      { connection: () => ({ client: forgetful, zgid: h.zgid }) },
    )
    assert.deepEqual(
      view.jobs.map((job) => job.state),
      ['failed', 'done', 'done'],
    )
    assert.equal(h.createdJobs.length, 3)
    assert.match(view.jobs[0]!.message!, /no longer knows job 1/)
  })

  it('downloads a corrupt result again', async () => {
    allDone(await runWith({ corruptResult: { count: 1 } }))
  })

  it('gives up on a result that stays corrupt, and says what to check', async () => {
    const view = await runWith({ corruptResult: { count: 100 } })
    assert.equal(view.jobs[0]!.state, 'failed')
    assert.match(view.jobs[0]!.message!, /could not be used/)
    const rows = (await h.outcomes(view.runId)).filter((o) =>
      o.reason?.includes('job 1 '),
    )
    assert.equal(rows.length, view.jobs[0]!.rows)
    assert.match(rows[0]!.reason!, /Look for these rows in the CRM/)
  })

  it('refuses a zip bomb with a clear message and writes nothing of it', async () => {
    const before = await folderBytes(join(h.dataDir, 'runs'))
    const view = await runWith(
      { zipBomb: { count: 1, expandedMb: 100 } },
      { maxResultBytes: 8 * 1024 * 1024 },
    )
    assert.equal(view.jobs[0]!.state, 'failed')
    assert.match(view.jobs[0]!.message!, /more than the 8388608 allowed/)
    assert.match(view.jobs[0]!.message!, /refused/)
    const grown = (await folderBytes(join(h.dataDir, 'runs'))) - before
    assert.ok(grown < 2 * 1024 * 1024, `runs folder grew by ${grown} bytes`)
    assert.deepEqual(
      view.jobs.slice(1).map((job) => job.state),
      ['done', 'done'],
    )
  })
})
