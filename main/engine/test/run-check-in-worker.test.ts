import assert from 'node:assert/strict'
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
