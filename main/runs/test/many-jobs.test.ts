import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { after, before, describe, it } from 'node:test'
import { assertEveryRowOnce, assertNoJobTwice } from './row-accounting.ts'
import { CUSTOMERS, startRunHarness, type RunHarness } from './run-harness.ts'

/** The customers file repeated with fresh ids and emails, to `rows` rows. */
async function bigFile(dir: string, rows: number): Promise<string> {
  const text = (await readFile(CUSTOMERS, 'utf8')).replace(/^\uFEFF/, '')
  const [header, ...records] = Papa.parse<string[]>(text, {
    skipEmptyLines: true,
  }).data
  const out = [header!]
  for (let i = 0; i < rows; i++) {
    const cells = [...records[i % records.length]!]
    cells[0] = String(i + 1)
    cells[1] = `ID${i}`
    cells[9] = `r${i}.${cells[9]}`
    out.push(cells)
  }
  const path = join(dir, 'customers-26000.csv')
  await writeFile(path, Papa.unparse(out))
  return path
}

describe('a file of more than 25,000 rows', () => {
  let h: RunHarness
  before(async () => {
    h = await startRunHarness()
  })
  after(() => h.close())

  it('runs as two jobs, in order, each of at most 25,000 rows', async () => {
    const path = await bigFile(h.dataDir, 26_000)
    const service = h.service()
    const { runId } = await service.start(await h.request(path))
    await service.idle()

    const run = (await h.store.load(runId))!
    assert.equal(run.view.state, 'finished', run.view.message ?? '')
    assert.deepEqual(
      run.view.jobs.map((job) => job.rows),
      [25_000, 1_000],
    )
    assert.deepEqual(
      run.view.jobs.map((job) => job.jobId),
      h.createdJobs,
      'created in order',
    )
    assert.equal(run.view.creditsSpent, 1_000)
    assertNoJobTwice(run.view, h.createdJobs)
    assertEveryRowOnce(run.view, await h.outcomes(runId))
    assert.equal(run.view.counts.added, 26_000)

    // Job 2 was not created before job 1 had ended.
    const job2Created = h.views.findIndex((v) => v.jobs[1]?.jobId)
    assert.equal(h.views[job2Created - 1]?.jobs[0]?.state, 'done')
  })
})
