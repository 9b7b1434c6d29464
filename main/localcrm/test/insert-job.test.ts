import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  contactsJob,
  startHarness,
  type Harness,
  type Loose,
} from './helpers.ts'

describe('LocalCRM insert job over HTTP', () => {
  let h: Harness
  before(async () => {
    h = await startHarness()
  })
  after(() => h.stop())

  it('uploads a ZIP, runs an insert job to COMPLETED and serves the result CSV', async () => {
    const csv = [
      'Email,Last Name,First Name,Phone',
      'ann@acme.example,Smith,Ann,+15550001',
      'bob@acme.example,,Bob,5550002',
      'ANN@acme.example,Smyth,Ann,5550003',
      'not-an-email,Brown,Cara,555-0004',
    ].join('\n')
    const fileId = await h.upload(csv)
    assert.match(fileId, /^\d{19}$/)

    const response = await h.createJob(
      contactsJob(fileId, [
        { api_name: 'Email', index: 0 },
        { api_name: 'Last_Name', index: 1 },
        { api_name: 'First_Name', index: 2 },
        { api_name: 'Phone', index: 3 },
      ]),
    )
    assert.equal(response.status, 201)
    const created = (await response.json()) as Loose
    assert.equal(created.code, 'SUCCESS')

    const job = await h.waitForJob(created.details.id)
    assert.equal(job.status, 'COMPLETED')
    assert.deepEqual(
      { ...job.resource[0].file, name: undefined },
      {
        status: 'COMPLETED',
        name: undefined,
        added_count: 1,
        updated_count: 0,
        skipped_count: 3,
        total_count: 4,
      },
    )
    assert.match(
      job.result.download_url,
      /^http:\/\/127\.0\.0\.1:\d+\/v8\/crm\/694902309\/bulk-write\/\d+\/\d+\.zip$/,
    )

    const rows = await h.resultRows(job.result.download_url)
    assert.deepEqual(rows[0], [
      'Email',
      'Last Name',
      'First Name',
      'STATUS',
      'RECORD_ID',
      'ERRORS',
    ])
    assert.equal(rows[1]?.[3], 'ADDED')
    assert.match(rows[1]?.[4] ?? '', /^\d{19}$/)
    assert.deepEqual(rows[2]?.slice(3), [
      'SKIPPED',
      '',
      'MANDATORY_NOT_FOUND-Last_Name',
    ])
    assert.deepEqual(rows[3]?.slice(3), ['SKIPPED', '', 'DUPLICATE_DATA-Email'])
    assert.deepEqual(rows[4]?.slice(3), [
      'SKIPPED',
      '',
      'INVALID_DATA-Email,Phone',
    ])

    const record = (await (
      await h.api(`/crm/v8/Contacts/${rows[1]?.[4]}`)
    ).json()) as Loose
    assert.equal(record.data[0].Last_Name, 'Smith')
    assert.equal(record.data[0].Full_Name, 'Ann Smith')
  })

  it('lists the stored records through the Records API', async () => {
    const list = await h.api('/crm/v8/Contacts?per_page=10')
    assert.equal(list.status, 200)
    const body = (await list.json()) as Loose
    assert.equal(body.data.length, 1)
    assert.equal(body.info.more_records, false)
  })
})
