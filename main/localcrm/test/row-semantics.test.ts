import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import {
  startHarness,
  uploadInit,
  type Harness,
  type Loose,
} from './helpers.ts'

const CASES = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/field-cases',
)

/** Runs one job over HTTP and returns the job JSON and result rows. */
async function run(
  h: Harness,
  module: string,
  operation: string,
  csv: string,
  mappings: object[],
  extra: object = {},
) {
  const fileId = await h.upload(csv, `${module.toLowerCase()}.csv`)
  const response = await h.createJob({
    operation,
    resource: [
      {
        type: 'data',
        module: { api_name: module },
        file_id: fileId,
        field_mappings: mappings,
        ...extra,
      },
    ],
  })
  const created = (await response.json()) as Loose
  assert.equal(response.status, 201, JSON.stringify(created))
  const job = await h.waitForJob(created.details.id)
  assert.equal(job.status, 'COMPLETED')
  const rows = await h.resultRows(job.result.download_url)
  return { job, rows: rows.slice(1), counts: job.resource[0].file }
}

const outcome = (row: string[] | undefined) => [row?.at(-3), row?.at(-1)]

describe('LocalCRM row semantics', () => {
  let h: Harness
  let accountId = ''
  before(async () => {
    h = await startHarness()
    const { rows } = await run(
      h,
      'Accounts',
      'insert',
      'Account_Name\nZylker Inc\nBayside',
      [{ api_name: 'Account_Name', index: 0 }],
    )
    accountId = rows[0]?.at(-2) ?? ''
  })
  after(() => h.stop())

  it('upserts by Email: updates matches, adds the rest, and a repeated email updates the record the file just created', async () => {
    await run(h, 'Contacts', 'insert', 'Email,Last_Name\nann@x.example,Smith', [
      { api_name: 'Email', index: 0 },
      { api_name: 'Last_Name', index: 1 },
    ])
    const { rows, counts } = await run(
      h,
      'Contacts',
      'upsert',
      'Email,Last_Name\nANN@x.example,Smyth\nbob@x.example,Jones\nbob@x.example,Jonas',
      [
        { api_name: 'Email', index: 0 },
        { api_name: 'Last_Name', index: 1 },
      ],
      { find_by: 'Email' },
    )
    assert.deepEqual(rows.map(outcome), [
      ['UPDATED', ''],
      ['ADDED', ''],
      ['UPDATED', ''],
    ])
    assert.equal(rows[1]?.at(-2), rows[2]?.at(-2))
    assert.deepEqual(
      [counts.added_count, counts.updated_count, counts.skipped_count],
      [1, 2, 0],
    )
  })

  it('updates by id, skips unknown ids with RESOURCE_NOT_FOUND, and clears empty cells unless ignore_empty', async () => {
    const { rows: added } = await run(
      h,
      'Contacts',
      'insert',
      'Last_Name,Title\nKeep,Boss',
      [
        { api_name: 'Last_Name', index: 0 },
        { api_name: 'Title', index: 1 },
      ],
    )
    const id = added[0]?.at(-2) ?? ''
    const csv = `id,Title\n${id},\n4150868999999999999,Chief`
    const map = [
      { api_name: 'id', index: 0 },
      { api_name: 'Title', index: 1 },
    ]
    const kept = await run(h, 'Contacts', 'update', csv, map, {
      find_by: 'id',
      ignore_empty: true,
    })
    assert.deepEqual(kept.rows.map(outcome), [
      ['UPDATED', ''],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-id'],
    ])
    let record = (await (await h.api(`/crm/v8/Contacts/${id}`)).json()) as Loose
    assert.equal(record.data[0].Title, 'Boss')

    await run(h, 'Contacts', 'update', csv, map, { find_by: 'id' })
    record = (await (await h.api(`/crm/v8/Contacts/${id}`)).json()) as Loose
    assert.equal(record.data[0].Title, null)
  })

  it('uses default_value for empty cells and for mappings without an index', async () => {
    const { rows } = await run(
      h,
      'Contacts',
      'insert',
      'Last_Name,Lead_Source\nDef,\nOwn,Partner',
      [
        { api_name: 'Last_Name', index: 0 },
        {
          api_name: 'Lead_Source',
          index: 1,
          default_value: { value: 'Trade Show' },
        },
        { api_name: 'Department', default_value: { value: 'Sales' } },
      ],
    )
    const first = (await (
      await h.api(`/crm/v8/Contacts/${rows[0]?.at(-2)}`)
    ).json()) as Loose
    const second = (await (
      await h.api(`/crm/v8/Contacts/${rows[1]?.at(-2)}`)
    ).json()) as Loose
    assert.equal(first.data[0].Lead_Source, 'Trade Show')
    assert.equal(first.data[0].Department, 'Sales')
    assert.equal(second.data[0].Lead_Source, 'Partner')
  })

  it('resolves lookups by id or by name, and owners by id or email', async () => {
    const csv = [
      'Last_Name,Account,Owner',
      `ById,${accountId},patricia.boyle@zylker.example`,
      'ByName,zylker inc,ADMIN@zylker.example',
      'Nobody,No Such Co,ghost@zylker.example',
    ].join('\n')
    const { rows } = await run(h, 'Contacts', 'insert', csv, [
      { api_name: 'Last_Name', index: 0 },
      { api_name: 'Account_Name', index: 1, find_by: 'Account_Name' },
      { api_name: 'Owner', index: 2, find_by: 'email' },
    ])
    assert.deepEqual(rows.map(outcome), [
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Account_Name'],
      ['ADDED', ''],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Account_Name,Owner'],
    ])
    const byName = (await (
      await h.api(`/crm/v8/Contacts/${rows[1]?.at(-2)}`)
    ).json()) as Loose
    assert.deepEqual(byName.data[0].Account_Name, {
      id: accountId,
      name: 'Zylker Inc',
    })
    assert.equal(byName.data[0].Owner.email, 'admin@zylker.example')

    const { rows: byId } = await run(
      h,
      'Contacts',
      'insert',
      `Last_Name,Account,Owner\nById,${accountId},4150868000000225017`,
      [
        { api_name: 'Last_Name', index: 0 },
        { api_name: 'Account_Name', index: 1, find_by: 'id' },
        { api_name: 'Owner', index: 2, find_by: 'id' },
      ],
    )
    assert.deepEqual(byId.map(outcome), [['ADDED', '']])
  })

  it('skips insert rows that match an existing record on the resource find_by', async () => {
    const { rows } = await run(
      h,
      'Contacts',
      'insert',
      'Email,Last_Name\nann@x.example,Again\nnew@x.example,New',
      [
        { api_name: 'Email', index: 0 },
        { api_name: 'Last_Name', index: 1 },
      ],
      { find_by: 'Email' },
    )
    assert.deepEqual(rows.map(outcome), [
      ['SKIPPED', 'DUPLICATE_DATA-Email'],
      ['ADDED', ''],
    ])
  })

  it('adds unknown picklist values to the field, as Zoho does', async () => {
    await run(h, 'Contacts', 'insert', 'Last_Name,Lead_Source\nPick,Podcast', [
      { api_name: 'Last_Name', index: 0 },
      { api_name: 'Lead_Source', index: 1 },
    ])
    const fields = (await (
      await h.api('/crm/v8/settings/fields?module=Contacts')
    ).json()) as Loose
    const source = fields.fields.find(
      (f: Loose) => f.api_name === 'Lead_Source',
    )
    assert.ok(
      source.pick_list_values.some((p: Loose) => p.actual_value === 'Podcast'),
    )
  })

  it('checks every data type of the custom module', async () => {
    const header =
      'Name,Project_Code,Email_Field,Phone_Field,Pick_List,Multi_Select,Date_Field,Date_Time,Number_Field,Currency_Field,Decimal_Field,Percent_Field,Long_Integer,Checkbox,URL_Field,Multi_Line_Small'
    const good =
      'P1,ab-1,p1@x.example,+4915550,Red,Analytics;Edge,2024-02-29,2024-02-29T10:00:00+01:00,123456789,1234.567,12.5,99.5,123456789012345678,TRUE,https://x.example/a,short'
    const bad =
      'P2,AB-1,p1@,12-34,Red,Cloud,2023-02-29,29/02/2024,1234567890,abc,1.234,x,1234567890123456789,yes,not a url,' +
      'x'.repeat(2001)
    const sameCodeOtherCase = 'P3,AB-1,,,,,,,,,,,,,,'
    const names = header.split(',')
    const { rows } = await run(
      h,
      'Projects',
      'insert',
      [header, good, bad, sameCodeOtherCase].join('\n'),
      names.map((api_name, index) => ({ api_name, index })),
    )
    assert.deepEqual(outcome(rows[0]), ['ADDED', ''])
    assert.deepEqual(outcome(rows[1]), [
      'SKIPPED',
      'INVALID_DATA-Email_Field,Phone_Field,Date_Field,Date_Time,Number_Field,Currency_Field,Decimal_Field,Percent_Field,Long_Integer,Checkbox,URL_Field,Multi_Line_Small',
    ])
    // Project_Code is unique and case-sensitive: AB-1 differs from ab-1.
    assert.deepEqual(outcome(rows[2]), ['ADDED', ''])

    const stored = (await (
      await h.api(`/crm/v8/Projects/${rows[0]?.at(-2)}`)
    ).json()) as Loose
    const p = stored.data[0]
    assert.deepEqual(p.Multi_Select, ['Analytics', 'Edge'])
    assert.equal(p.Currency_Field, 1234.57)
    assert.equal(p.Checkbox, true)
    assert.equal(p.Date_Time, '2024-02-29T10:00:00+01:00')
  })

  it('detects a semicolon delimiter and decodes the job character_encoding', async () => {
    const { rows } = await run(
      h,
      'Contacts',
      'insert',
      'Last_Name;Title\n"Semi;colon";Boss',
      [
        { api_name: 'Last_Name', index: 0 },
        { api_name: 'Title', index: 1 },
      ],
    )
    assert.deepEqual(rows[0]?.slice(0, 3), ['Semi;colon', 'Boss', 'ADDED'])

    const cp1252 = await readFile(join(CASES, 'fc03-cp1252.csv'))
    const zip = new JSZip()
    zip.file('cp1252.csv', cp1252)
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    const upload = (await (
      await h.api('/crm/v8/upload', uploadInit(bytes))
    ).json()) as Loose
    const created = (await (
      await h.createJob({
        operation: 'insert',
        character_encoding: 'windows-1252',
        resource: [
          {
            type: 'data',
            module: { api_name: 'Contacts' },
            file_id: upload.details.file_id,
            field_mappings: [
              { api_name: 'Last_Name', index: 0 },
              { api_name: 'First_Name', index: 1 },
              { api_name: 'Mailing_City', index: 2 },
            ],
          },
        ],
      })
    ).json()) as Loose
    const job = await h.waitForJob(created.details.id)
    const result = await h.resultRows(job.result.download_url)
    assert.deepEqual(result[1]?.slice(0, 4), [
      'Faucon',
      'René',
      'Besançon',
      'ADDED',
    ])
    assert.deepEqual(result[2]?.slice(0, 3), ['Østergaard', 'Søren', 'Århus'])
  })

  it('reads dates in the mapping format', async () => {
    const { rows } = await run(
      h,
      'Contacts',
      'insert',
      'Last_Name,Birth\nFmt,02/29/2024\nBad,2024-02-29',
      [
        { api_name: 'Last_Name', index: 0 },
        { api_name: 'Date_of_Birth', index: 1, format: 'MM/dd/yyyy' },
      ],
    )
    assert.deepEqual(rows.map(outcome), [
      ['ADDED', ''],
      ['SKIPPED', 'INVALID_DATA-Date_of_Birth'],
    ])
  })
})

describe('LocalCRM metadata', () => {
  let h: Harness
  before(async () => {
    h = await startHarness()
  })
  after(() => h.stop())

  it('lists the modules with Deals and the custom module, and answers the current user', async () => {
    const modules = (await (
      await h.api('/crm/v8/settings/modules')
    ).json()) as Loose
    const names = modules.modules.map((m: Loose) => m.api_name)
    for (const name of ['Leads', 'Contacts', 'Accounts', 'Deals', 'Projects'])
      assert.ok(names.includes(name))
    assert.equal(
      modules.modules.find((m: Loose) => m.api_name === 'Projects')
        .generated_type,
      'custom',
    )

    const users = (await (
      await h.api('/crm/v8/users?type=CurrentUser')
    ).json()) as Loose
    assert.equal(users.users.length, 1)
    assert.equal(users.users[0].email, 'admin@zylker.example')
  })

  it('describes Contacts fields the way Zoho does', async () => {
    const body = (await (
      await h.api('/crm/v8/settings/fields?module=Contacts')
    ).json()) as Loose
    const byName = new Map(body.fields.map((f: Loose) => [f.api_name, f]))
    const last: Loose = byName.get('Last_Name')
    assert.equal(last.system_mandatory, true)
    assert.equal(last.length, 80)
    assert.deepEqual((byName.get('Email') as Loose).unique, {
      casesensitive: 'false',
    })
    assert.equal(
      (byName.get('Account_Name') as Loose).lookup.module.api_name,
      'Accounts',
    )
    assert.equal(
      (byName.get('Created_Time') as Loose).operation_type.api_create,
      false,
    )
    assert.equal(byName.has('Website'), false)
  })

  it('answers one field by id', async () => {
    const all = (await (
      await h.api('/crm/v8/settings/fields?module=Deals')
    ).json()) as Loose
    const stage = all.fields.find((f: Loose) => f.api_name === 'Stage')
    const one = (await (
      await h.api(`/crm/v8/settings/fields/${stage.id}?module=Deals`)
    ).json()) as Loose
    assert.deepEqual(one.fields, [stage])
  })

  it('pages records 200 at most, with more_records, and picks fields', async () => {
    const csv = [
      'Account_Name',
      ...Array.from({ length: 205 }, (_, i) => `Co ${i}`),
    ].join('\n')
    const fileId = await h.upload(csv)
    const created = (await (
      await h.createJob({
        operation: 'insert',
        resource: [
          {
            type: 'data',
            module: { api_name: 'Accounts' },
            file_id: fileId,
            field_mappings: [{ api_name: 'Account_Name', index: 0 }],
          },
        ],
      })
    ).json()) as Loose
    await h.waitForJob(created.details.id)
    const first = (await (
      await h.api('/crm/v8/Accounts?fields=Account_Name')
    ).json()) as Loose
    assert.equal(first.data.length, 200)
    assert.deepEqual(first.info, {
      per_page: 200,
      count: 200,
      page: 1,
      more_records: true,
    })
    assert.deepEqual(Object.keys(first.data[0]).sort(), ['Account_Name', 'id'])
    const second = (await (
      await h.api('/crm/v8/Accounts?page=2&per_page=200')
    ).json()) as Loose
    assert.equal(second.data.length, 5)
    assert.equal(second.info.more_records, false)
    assert.equal((await h.api('/crm/v8/Accounts?page=3')).status, 204)
    assert.equal((await h.api('/crm/v8/Calls')).status, 400)
  })

  it('marks Leads.Company required in the layout but not system-mandatory', async () => {
    const layouts = (await (
      await h.api('/crm/v8/settings/layouts?module=Leads')
    ).json()) as Loose
    const company = layouts.layouts[0].sections[0].fields.find(
      (f: Loose) => f.api_name === 'Company',
    )
    assert.deepEqual(
      [company.required, company.system_mandatory],
      [true, false],
    )
  })
})
