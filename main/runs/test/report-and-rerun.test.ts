import assert from 'node:assert/strict'
import { appendFile, copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { buildReport, type ReportDeps } from '../../import/skipped-report.ts'
import { writeSkippedRowsFile } from '../skipped-rows-file.ts'
import {
  CUSTOMERS,
  mapPhone1,
  startRunHarness,
  type RunHarness,
} from './run-harness.ts'

describe('the report of a run, and a re-run of its skipped rows', () => {
  let h: RunHarness
  let deps: ReportDeps
  before(async () => {
    h = await startRunHarness()
    deps = {
      store: h.store,
      openFile: async (path, name) =>
        h.files.get((await h.files.openPath(path, name)).fileId),
      nextRunId: async () => null,
    }
  })
  after(() => h.close())

  it('shows every row not imported with its values, line and grouped reason', async () => {
    const path = join(h.dataDir, 'customers.csv')
    await copyFile(CUSTOMERS, path)
    const service = h.service()
    const { runId } = await service.start(await h.request(path, mapPhone1))
    await service.idle()
    const run = (await h.store.load(runId))!

    const report = await buildReport(run, deps)
    const { skipped, excluded } = report.counts
    assert.equal(report.rows.length, skipped + excluded)
    assert.equal(report.columns[7], 'Phone 1')
    const row = report.rows[0]!
    assert.equal(row.line, row.row + 2, 'line counts the header')
    assert.match(row.values[7]!, /\d/)
    assert.match(
      row.group,
      /^Zoho did not accept the value of Phone: it takes digits and a leading \+ only/,
    )
    assert.deepEqual(report.reasons, [{ group: row.group, count: skipped }])
    assert.ok(report.formulaCells > 0, 'phones starting with + are counted')
    assert.equal(report.notice, null)

    // A re-run file holds those rows with their original lines.
    const made = await writeSkippedRowsFile(run, deps)
    assert.deepEqual(
      made.originalLines,
      report.rows.map((r) => r.line),
    )
    const request = await h.request(made.path, mapPhone1)
    const rerun = await service.start({
      ...request,
      previousRunId: runId,
      originalLines: made.originalLines,
    })
    await service.idle()
    const again = (await h.store.load(rerun.runId))!
    assert.equal(again.view.previousRunId, runId)
    assert.equal(again.view.counts.total, report.rows.length)
    const rerunReport = await buildReport(again, deps)
    assert.deepEqual(
      rerunReport.rows.map((r) => r.line),
      report.rows.map((r) => r.line),
      'the same rows, reported by their lines in the original file',
    )

    // The original file changes: the report says so and keeps lines and reasons.
    await appendFile(path, '9999,x,y,z,,,,,,,,\n')
    const changed = await buildReport(run, deps)
    assert.match(changed.notice!, /has changed since the run began/)
    assert.equal(changed.rows.length, report.rows.length)
    assert.deepEqual(changed.rows[0]!.values, [])
    await assert.rejects(
      writeSkippedRowsFile(run, deps),
      /Export the rows for re-import/,
    )
  })
})
