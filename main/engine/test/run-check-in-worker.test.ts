import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { CONTACT_FIELDS } from '../../../app/check/test/contacts-fields.ts'
import { SHARED_DATA } from '../../../app/csv/test/shared-data.ts'
import { runCheckInWorker } from '../run-check-in-worker.ts'

const AUTO = {
  auto: {
    module: 'Contacts',
    operation: 'insert' as const,
    findBy: null,
    ignoreEmpty: false,
  },
}

describe('runCheckInWorker', () => {
  it('checks customers-1000.csv in a worker thread and plans one job', async () => {
    const run = runCheckInWorker({
      path: SHARED_DATA + 'customers-1000.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    })
    const result = await run.result
    assert.ok(result.ok, result.ok ? '' : result.message)
    assert.equal(result.summary.rowCount, 1001)
    assert.equal(result.summary.jobs.length, 1)
    assert.equal(result.summary.credits, 500)
  })

  it('reports progress while it reads a larger file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkwright-engine-'))
    const path = join(dir, 'big.csv')
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `Name${i},n${i}@example.com`,
    )
    writeFileSync(path, ['Last_Name,Email', ...rows].join('\n'))
    const seen: number[] = []
    const run = runCheckInWorker(
      { path, fields: CONTACT_FIELDS, mapping: AUTO },
      { onProgress: (progress) => seen.push(progress.rows) },
    )
    const result = await run.result
    assert.ok(result.ok)
    assert.equal(result.summary.rowCount, 30_000)
    assert.equal(result.summary.problemCount, 0)
    assert.ok(seen.length >= 1 && (seen[0] ?? 0) > 0)
  })

  it('stops when cancelled', async () => {
    const run = runCheckInWorker({
      path: SHARED_DATA + 'customers-1000.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    })
    run.cancel()
    const result = await run.result
    assert.equal(result.ok ? 'ok' : result.code, 'CANCELLED')
  })

  it('answers CANNOT_READ for a file that does not exist', async () => {
    const run = runCheckInWorker({
      path: SHARED_DATA + 'no-such-file.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    })
    const result = await run.result
    assert.equal(result.ok ? 'ok' : result.code, 'CANNOT_READ')
  })
})
