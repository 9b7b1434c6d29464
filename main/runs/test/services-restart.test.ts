import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import type { RunView } from '../../../app/contract.ts'
import { autoMatch } from '../../../app/mapping/auto-match.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import { createServices, type ServicesOptions } from '../../services.ts'
import { CUSTOMERS, mapPhone1 } from './run-harness.ts'

describe('the app killed mid-run and started again', () => {
  let dataDir = ''
  after(() => rm(dataDir, { recursive: true, force: true }))

  it('resumes the run on start; every job created once, every row counted once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bulkwright-restart-'))
    const options: ServicesOptions = {
      dataDir,
      localCrmMsPerRow: 1,
      pollMs: { first: 20, max: 100 },
      jobLimits: { maxRows: 300, maxCsvBytes: 10_000_000 },
    }
    const first = await createServices(options)
    const file = await first.handlers.openFilePath({ path: CUSTOMERS })
    const fields = await first.handlers.listFields({ module: 'Contacts' })
    const mapping: ImportMapping = {
      module: 'Contacts',
      operation: 'insert',
      findBy: null,
      ignoreEmpty: false,
      fields: autoMatch(file.columns, fields),
    }
    mapPhone1(mapping)
    await first.handlers.checkImport({ fileId: file.fileId, mapping })
    const jobCreated = new Promise<void>((resolve) =>
      first.setEventSender((event, payload) => {
        if (event === 'runProgress' && (payload as RunView).jobs[0]?.jobId) {
          resolve()
        }
      }),
    )
    const { runId } = await first.handlers.startImport({
      fileId: file.fileId,
      mapping,
      sendRowsWithErrors: true,
    })
    await jobCreated
    await first.close()
    const stopped = JSON.parse(
      await readFile(join(dataDir, 'runs', `${runId}.json`), 'utf8'),
    ) as { view: RunView; jobs: { phase: string }[] }
    assert.equal(stopped.view.state, 'running', 'left unfinished on disk')
    assert.equal(stopped.jobs[1]?.phase, 'planned')

    const second = await createServices(options)
    try {
      let run = await second.handlers.getRun({ runId })
      for (let i = 0; i < 600 && run.state === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        run = await second.handlers.getRun({ runId })
      }
      assert.equal(run.state, 'finished', 'the run ended')
      // LocalCRM runs inside the app, so job 1 died with it and LocalCRM
      // marks it FAILED on restart; the run polls it (never re-creates it)
      // and reports its rows with what to do (should it have finished
      // before the app stopped, it is simply done). Against Zoho it finishes.
      assert.deepEqual(
        run.jobs.slice(1).map((job) => job.state),
        ['done', 'done', 'done'],
      )
      if (run.jobs[0]!.state !== 'done') {
        assert.match(run.jobs[0]!.message!, /FAILED/)
      }
      const ids = run.jobs.map((job) => job.jobId)
      assert.ok(ids.every((id) => id !== null))
      assert.equal(new Set(ids).size, 4)
      const crmJobs = JSON.parse(
        await readFile(join(dataDir, 'localcrm', 'jobs.json'), 'utf8'),
      ) as Record<string, unknown>
      assert.equal(Object.keys(crmJobs).length, 4, 'no job created twice')

      const { added, updated, skipped, excluded, total } = run.counts
      assert.equal(total, 1001)
      assert.equal(added + updated + skipped + excluded, total)
      for (const job of run.jobs) {
        assert.equal(job.added + job.updated + job.skipped, job.rows)
      }
      const report = await second.handlers.getReport({ runId })
      assert.equal(report.rows.length, skipped + excluded)
    } finally {
      await second.close()
    }
  })
})
