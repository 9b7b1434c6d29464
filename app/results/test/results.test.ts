import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import JSZip from 'jszip'
import { CONTACT_FIELDS } from '../../check/test/contacts-fields.ts'
import { fieldLabels, explainErrors } from '../explain-error.ts'
import {
  countOutcomes,
  isJoinMismatch,
  joinJobResults,
} from '../join-results.ts'
import { parseResultZip } from '../parse-result-zip.ts'

const RESULT_CSV = [
  'Email,Last_Name,First_Name,STATUS,RECORD_ID,ERRORS',
  'ann@acme.example,Smith,Ann,ADDED,4150868000005360001,',
  ',Brown,Cara,SKIPPED,,MANDATORY_NOT_FOUND-Email',
  'eve@acme.example,Stone,Eve,SKIPPED,,"INVALID_DATA-Date_of_Birth,Annual_Revenue:RESOURCE_NOT_FOUND-Account_Name"',
].join('\r\n')

async function zipOf(name: string, text: string): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(name, text)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

const SENT = [
  { row: 0, line: 2, cells: ['ann@acme.example', 'Smith', 'Ann', 'x'] },
  { row: 1, line: 3, cells: ['', 'Brown', 'Cara', 'y'] },
  { row: 3, line: 5, cells: ['eve@acme.example', 'Stone', 'Eve', 'z'] },
]

describe('parseResultZip', () => {
  it('reads echoed columns, status, record id and split errors', async () => {
    const parsed = await parseResultZip(
      await zipOf('Contacts-1.csv', RESULT_CSV),
    )
    assert.ok(parsed.ok)
    assert.deepEqual(parsed.echoedHeaders, ['Email', 'Last_Name', 'First_Name'])
    assert.equal(parsed.rows[0]?.recordId, '4150868000005360001')
    assert.deepEqual(parsed.rows[2]?.errors, [
      { code: 'INVALID_DATA', fields: ['Date_of_Birth', 'Annual_Revenue'] },
      { code: 'RESOURCE_NOT_FOUND', fields: ['Account_Name'] },
    ])
  })

  it('returns CORRUPT_ZIP for bytes that are not a zip', async () => {
    const parsed = await parseResultZip(new TextEncoder().encode('not a zip'))
    assert.equal(parsed.ok ? 'ok' : parsed.code, 'CORRUPT_ZIP')
  })

  it('refuses a zip that expands past the bound without unpacking it all', async () => {
    const bomb = await zipOf('Contacts-1.csv', 'a'.repeat(5_000_000))
    assert.ok(bomb.length < 50_000)
    const parsed = await parseResultZip(bomb, {
      maxUncompressedBytes: 1_000_000,
    })
    assert.equal(parsed.ok ? 'ok' : parsed.code, 'TOO_LARGE')
  })
})

describe('joinJobResults', () => {
  it('gives each sent row its outcome with a plain reason', async () => {
    const parsed = await parseResultZip(await zipOf('r.csv', RESULT_CSV))
    assert.ok(parsed.ok)
    const outcomes = joinJobResults(
      SENT,
      parsed.rows,
      fieldLabels(CONTACT_FIELDS),
    )
    assert.ok(!isJoinMismatch(outcomes))
    assert.deepEqual(
      outcomes.map((o) => [o.row, o.kind]),
      [
        [0, 'added'],
        [1, 'skipped'],
        [3, 'skipped'],
      ],
    )
    assert.equal(
      outcomes[1]?.reason,
      'Email is required and this row has none.',
    )
    assert.deepEqual(countOutcomes(outcomes), {
      added: 1,
      updated: 0,
      skipped: 2,
      excluded: 0,
      total: 3,
    })
  })

  it('reports a mismatch instead of guessing when the echo differs', async () => {
    const parsed = await parseResultZip(await zipOf('r.csv', RESULT_CSV))
    assert.ok(parsed.ok)
    const swapped = [SENT[1], SENT[0], SENT[2]] as typeof SENT
    const result = joinJobResults(swapped, parsed.rows)
    assert.ok(isJoinMismatch(result))
    assert.equal(result.code, 'ECHO_MISMATCH')
    assert.equal(result.line, 3)
    const short = joinJobResults(SENT.slice(0, 2), parsed.rows)
    assert.ok(isJoinMismatch(short) && short.code === 'ROW_COUNT_MISMATCH')
  })
})

describe('explainErrors', () => {
  it('words Zoho codes with field labels', () => {
    const labels = fieldLabels(CONTACT_FIELDS)
    assert.equal(
      explainErrors(
        [{ code: 'MANDATORY_NOT_FOUND', fields: ['Last_Name'] }],
        labels,
      ),
      'Last Name is required and this row has none.',
    )
    assert.equal(
      explainErrors([{ code: 'DUPLICATE_DATA', fields: ['Email'] }], labels),
      'Another record already has this Email, which must be unique.',
    )
    assert.equal(explainErrors([], labels), null)
  })
})
