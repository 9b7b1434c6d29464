import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  startHarness,
  uploadInit,
  zipOf,
  type Harness,
  type Loose,
} from './helpers.ts'

describe('LocalCRM upload (reference §3.1)', () => {
  let h: Harness
  let zip: Uint8Array
  before(async () => {
    h = await startHarness()
    zip = await zipOf('a.csv', 'Last_Name\nA')
  })
  after(() => h.stop())

  it('answers FILE_UPLOAD_SUCCESS with a 19-digit string file_id', async () => {
    const response = await h.api('/crm/v8/upload', uploadInit(zip))
    const body = (await response.json()) as Loose
    assert.equal(response.status, 200)
    assert.equal(body.code, 'FILE_UPLOAD_SUCCESS')
    assert.equal(typeof body.details.file_id, 'string')
    assert.match(
      body.details.created_time,
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
    )
  })

  it('needs the feature and X-CRM-ORG headers', async () => {
    const init = uploadInit(zip)
    init.headers = { feature: 'bulk-write' }
    const missing = await h.api('/crm/v8/upload', init)
    assert.equal(missing.status, 400)
    assert.match(
      ((await missing.json()) as Loose)['x-error'],
      /feature, X-CRM-ORG/,
    )

    const wrongOrg = await h.api(
      '/crm/v8/upload',
      uploadInit(zip, { 'X-CRM-ORG': '4150868000000225001' }),
    )
    assert.equal(wrongOrg.status, 400)

    const feature = await h.api(
      '/crm/v8/upload',
      uploadInit(zip, { feature: 'bulk-read' }),
    )
    assert.equal(
      ((await feature.json()) as Loose).code,
      'NOT_SUPPORTED_FEATURE',
    )
  })

  it('refuses anything that is not a ZIP with INVALID_FILE_FORMAT', async () => {
    const response = await h.api(
      '/crm/v8/upload',
      uploadInit(new TextEncoder().encode('Last_Name\nA')),
    )
    assert.equal(response.status, 400)
    const body = (await response.json()) as Loose
    assert.equal(body.code, 'INVALID_FILE_FORMAT')
    assert.ok(body.details.created_time)
  })

  it('refuses files over 25 MB with FILE_TOO_LARGE (413)', async () => {
    const big = new Uint8Array(25 * 1024 * 1024 + 1)
    big.set([0x50, 0x4b, 3, 4])
    const response = await h.api('/crm/v8/upload', uploadInit(big))
    assert.equal(response.status, 413)
    assert.equal(((await response.json()) as Loose).code, 'FILE_TOO_LARGE')
  })

  it('needs a valid token', async () => {
    const response = await fetch(`${h.crm.url}/crm/v8/upload`, uploadInit(zip))
    assert.equal(response.status, 401)
    assert.equal(((await response.json()) as Loose).code, 'INVALID_TOKEN')
  })
})

describe('LocalCRM upload with invalidFileFormatStatus 200', () => {
  it('answers INVALID_FILE_FORMAT with HTTP 200, like Zoho Postman samples', async () => {
    const h = await startHarness({ invalidFileFormatStatus: 200 })
    try {
      const response = await h.api(
        '/crm/v8/upload',
        uploadInit(new TextEncoder().encode('x')),
      )
      assert.equal(response.status, 200)
      assert.equal(
        ((await response.json()) as Loose).code,
        'INVALID_FILE_FORMAT',
      )
    } finally {
      await h.stop()
    }
  })
})
