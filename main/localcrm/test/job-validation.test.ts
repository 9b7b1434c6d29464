import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  contactsJob,
  startHarness,
  uploadInit,
  type Harness,
  type Loose,
} from './helpers.ts'
import { zipBomb } from '../zip-bomb.ts'

describe('LocalCRM job creation checks (reference §3.2)', () => {
  let h: Harness
  let fileId = ''
  before(async () => {
    h = await startHarness()
    fileId = await h.upload(
      'Email,Last_Name,Account,Birth\na@x.example,A,Zylker,2020-01-01',
    )
  })
  after(() => h.stop())

  const ok = () => [
    { api_name: 'Email', index: 0 },
    { api_name: 'Last_Name', index: 1 },
  ]
  async function refused(
    body: unknown,
    status: number,
    code: string,
    path = '/crm/bulk/v8/write',
  ) {
    const response = await h.api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await response.json()) as Loose
    assert.equal(response.status, status, JSON.stringify(answer))
    assert.equal(answer.code, code, JSON.stringify(answer))
    assert.equal(answer.status, 'error')
    return answer
  }

  it('refuses a body without operation or with an unknown one', async () => {
    const body: Loose = contactsJob(fileId, ok())
    delete body.operation
    const answer = await refused(body, 400, 'MANDATORY_NOT_FOUND')
    assert.deepEqual(answer.details, {
      api_name: 'operation',
      json_path: '$.operation',
    })
    await refused({ ...body, operation: 'merge' }, 400, 'INVALID_DATA')
  })

  it('refuses unknown modules and modules bulk write does not support', async () => {
    const job = (module: unknown) => ({
      operation: 'insert',
      resource: [{ type: 'data', module, file_id: fileId }],
    })
    await refused(job({ api_name: 'Nope' }), 400, 'MODULE_NOT_AVAILABLE')
    await refused(job({ api_name: 'Calls' }), 400, 'MODULE_NOT_AVAILABLE')
  })

  it('accepts module as a plain string on the v2 path', async () => {
    const body = {
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: 'Contacts',
          file_id: fileId,
          field_mappings: ok(),
        },
      ],
    }
    const response = await h.api('/crm/bulk/v2/write', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    assert.equal(response.status, 201)
  })

  it('refuses an unknown file id and a resource type other than data', async () => {
    await refused(
      contactsJob('4150868000099999999', ok()),
      400,
      'INVALID_FILE_ID',
    )
    const body: Loose = contactsJob(fileId, ok())
    body.resource[0].type = 'attachment'
    await refused(body, 400, 'INVALID_DATA')
  })

  it('refuses unknown and read-only fields', async () => {
    const answer = await refused(
      contactsJob(fileId, [...ok(), { api_name: 'ast_Name', index: 2 }]),
      400,
      'INVALID_FIELD',
    )
    assert.equal(answer.message, 'invalid mapping. invalid api_name ast_Name.')
    await refused(
      contactsJob(fileId, [...ok(), { api_name: 'Created_Time', index: 2 }]),
      400,
      'INVALID_FIELD',
    )
  })

  it('refuses indexes outside the file and mappings with neither index nor default', async () => {
    await refused(
      contactsJob(fileId, [...ok(), { api_name: 'Title', index: -1 }]),
      400,
      'COLUMN_INDEX_NOT_FOUND',
    )
    await refused(
      contactsJob(fileId, [...ok(), { api_name: 'Title', index: 4 }]),
      400,
      'COLUMN_INDEX_NOT_FOUND',
    )
    await refused(
      contactsJob(fileId, [...ok(), { api_name: 'Title' }]),
      400,
      'MANDATORY_NOT_FOUND',
    )
  })

  it('refuses more than 200 mapped fields', async () => {
    const many = Array.from({ length: 201 }, (_, i) => ({
      api_name: `F${i}`,
      index: 0,
    }))
    await refused(contactsJob(fileId, many), 400, 'HEADER_LIMIT_EXCEEDED')
  })

  it('needs find_by for update and upsert, on id or a unique field', async () => {
    await refused(
      { ...contactsJob(fileId, ok()), operation: 'update' },
      400,
      'MANDATORY_NOT_FOUND',
    )
    const body: Loose = { ...contactsJob(fileId, ok()), operation: 'upsert' }
    body.resource[0].find_by = 'Last_Name'
    await refused(body, 400, 'INVALID_FIELD')
  })

  it('needs find_by on lookup mappings, and a valid date format', async () => {
    await refused(
      contactsJob(fileId, [...ok(), { api_name: 'Account_Name', index: 2 }]),
      400,
      'MANDATORY_NOT_FOUND',
    )
    await refused(
      contactsJob(fileId, [
        ...ok(),
        { api_name: 'Account_Name', index: 2, find_by: 'Phone' },
      ]),
      400,
      'INVALID_FIELD',
    )
    await refused(
      contactsJob(fileId, [
        ...ok(),
        { api_name: 'Date_of_Birth', index: 3, format: 'qq/yyyy' },
      ]),
      400,
      'INVALID_FORMAT',
    )
  })

  it('allows only post callbacks', async () => {
    const answer = await refused(
      contactsJob(fileId, ok(), {
        callback: { url: 'http://127.0.0.1:9/x', method: 'get' },
      }),
      400,
      'INVALID_CALLBACK_METHOD',
    )
    assert.deepEqual(answer.details, { supported_callback_methods: ['post'] })
  })

  it('refuses an insert that leaves a mandatory field unmapped, including layout-required Leads.Company', async () => {
    await refused(
      contactsJob(fileId, [{ api_name: 'Email', index: 0 }]),
      400,
      'MANDATORY_FIELDS_NOT_MAPPED',
    )
    const leads = {
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: 'Leads' },
          file_id: fileId,
          field_mappings: ok(),
        },
      ],
    }
    const answer = await refused(leads, 400, 'MANDATORY_FIELDS_NOT_MAPPED')
    assert.deepEqual(answer.details.api_names, ['Company'])
  })

  it('accepts a Leads insert without Company when the job names its layout, and refuses an unknown layout id', async () => {
    const layouts = (await (
      await h.api('/crm/v8/settings/layouts?module=Leads')
    ).json()) as Loose
    const layout = (value: string) => ({
      operation: 'insert',
      resource: [
        {
          type: 'data',
          module: { api_name: 'Leads' },
          file_id: fileId,
          field_mappings: [
            ...ok(),
            { api_name: 'Layout', default_value: { value } },
          ],
        },
      ],
    })
    const response = await h.createJob(layout(layouts.layouts[0].id))
    assert.equal(response.status, 201)
    await refused(layout('123'), 400, 'INVALID_DATA')
  })

  it('refuses a file of more than 25,000 rows', async () => {
    const rows = Array.from({ length: 25_001 }, (_, i) => `r${i}`).join('\n')
    const big = await h.upload(`Last_Name\n${rows}`)
    await refused(
      contactsJob(big, [{ api_name: 'Last_Name', index: 0 }]),
      400,
      'LIMIT_EXCEEDED',
    )
  })

  it('refuses an uploaded CSV that would expand beyond 256 MB, without inflating it whole', async () => {
    const bomb = await zipBomb('bomb.csv', 300)
    const response = await h.api('/crm/v8/upload', uploadInit(bomb))
    const uploaded = (await response.json()) as Loose
    await refused(
      contactsJob(uploaded.details.file_id, [
        { api_name: 'Last_Name', index: 1 },
      ]),
      400,
      'LIMIT_EXCEEDED',
    )
  })

  it('answers RESOURCE_NOT_FOUND for an unknown job and INVALID_URL_PATTERN for an unknown path', async () => {
    const missing = await h.api('/crm/bulk/v8/write/4150868000099999999')
    assert.equal(missing.status, 404)
    assert.equal(((await missing.json()) as Loose).code, 'RESOURCE_NOT_FOUND')
    const wrong = await h.api('/crm/v8/no/such/path')
    assert.equal(wrong.status, 404)
    assert.equal(((await wrong.json()) as Loose).code, 'INVALID_URL_PATTERN')
  })
})
