import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normaliseJobState, parseJobStatus } from '../job-status.ts'

describe('normaliseJobState', () => {
  it('reads every spelling Zoho uses for a running job', () => {
    for (const word of [
      'IN PROGRESS',
      'INPROGRESS',
      'in_progress',
      'In-Progress',
    ]) {
      assert.equal(normaliseJobState(word), 'running')
    }
  })

  it('knows the two end states and treats anything else as queued', () => {
    assert.equal(normaliseJobState('COMPLETED'), 'completed')
    assert.equal(normaliseJobState('FAILED'), 'failed')
    assert.equal(normaliseJobState('ADDED'), 'queued')
    assert.equal(normaliseJobState(undefined), 'queued')
  })
})

describe('parseJobStatus', () => {
  it('adds up the counts of every resource and keeps the download URL', () => {
    const status = parseJobStatus({
      id: 111,
      status: 'COMPLETED',
      resource: [
        {
          file: {
            added_count: 9,
            skipped_count: 2,
            updated_count: 0,
            total_count: 11,
          },
        },
      ],
      result: { download_url: 'http://127.0.0.1:1/x.zip' },
    })
    assert.deepEqual(status, {
      id: '111',
      state: 'completed',
      added: 9,
      updated: 0,
      skipped: 2,
      total: 11,
      downloadUrl: 'http://127.0.0.1:1/x.zip',
    })
  })

  it('reads an ADDED job without counts or result', () => {
    const status = parseJobStatus({ id: '5', status: 'ADDED', resource: [{}] })
    assert.equal(status?.state, 'queued')
    assert.equal(status?.total, 0)
    assert.equal(status?.downloadUrl, null)
  })

  it('answers null for something that is not a job', () => {
    assert.equal(parseJobStatus({ code: 'INVALID_TOKEN' }), null)
  })
})
