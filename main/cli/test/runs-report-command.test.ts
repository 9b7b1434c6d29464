import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { bulkwright, CUSTOMERS } from './run-cli.ts'

const work = mkdtempSync(join(tmpdir(), 'bulkwright-cli-runs-'))
const dataDir = join(work, 'data')
after(() => rmSync(work, { recursive: true, force: true }))

describe('bulkwright runs and bulkwright report', () => {
  let runId = ''
  before(() => {
    const run = bulkwright(
      'import',
      CUSTOMERS,
      '--module',
      'Contacts',
      '--data-dir',
      dataDir,
      '--json',
    )
    assert.equal(run.code, 0, run.stderr)
    runId = JSON.parse(run.stdout.trim().split('\n').at(-1)!).runId
  })

  it('lists the run with its counts', () => {
    const runs = bulkwright('runs', '--data-dir', dataDir)
    assert.equal(runs.code, 0, runs.stderr)
    assert.match(runs.stdout, /customers-1000\.csv/)
    assert.match(runs.stdout, new RegExp(runId.slice(0, 8)))
    const [, ...counts] =
      /finished\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+1001/.exec(runs.stdout) ?? []
    assert.equal(
      counts.reduce((sum, n) => sum + Number(n), 0),
      1001,
      'added + updated + skipped + excluded = rows',
    )
  })

  it('shows a report by the first characters of the run id, and exports it', () => {
    const csv = join(work, 'skipped.csv')
    const raw = join(work, 'raw.csv')
    const report = bulkwright(
      'report',
      runId.slice(0, 8),
      '--data-dir',
      dataDir,
      '--csv',
      csv,
      '--reimport',
      raw,
    )
    assert.equal(report.code, 0, report.stderr)
    const [, ...counts] =
      /whole file: 1001 rows = (\d+) added \+ (\d+) updated \+ (\d+) skipped \+ (\d+) excluded/.exec(
        report.stdout,
      ) ?? []
    assert.equal(
      counts.reduce((sum, n) => sum + Number(n), 0),
      1001,
    )
    assert.match(report.stdout, /Reasons:\n\s+\d+ {2}\S/)
    assert.match(report.stdout, /line \d+: (Not sent|Zoho|.* is required)/)
    assert.match(readFileSync(csv, 'utf8'), /Line in file,Reason/)
    assert.match(readFileSync(raw, 'utf8'), /^Index,Customer Id/)
    assert.match(report.stderr, /apostrophe/)
  })

  it('says plainly when there is no such run', () => {
    const report = bulkwright('report', 'nope', '--data-dir', dataDir)
    assert.equal(report.code, 1)
    assert.match(report.stderr, /No run nope .*bulkwright runs/)
  })

  it('resume says a finished run has nothing left, and names a missing one', () => {
    const ended = bulkwright('resume', runId.slice(0, 8), '--data-dir', dataDir)
    assert.equal(ended.code, 1)
    assert.match(ended.stderr, /This run has ended; nothing is left to resume/)

    const missing = bulkwright('resume', 'nope', '--data-dir', dataDir)
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /No run nope/)
  })
})
