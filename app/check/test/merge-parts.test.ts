import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { ByteLineCounter } from '../../csv/byte-lines.ts'
import type { CsvColumn } from '../../csv/csv-types.ts'
import { readCsvHead } from '../../csv/read-csv.ts'
import { bytesSource } from '../../csv/read-head-bytes.ts'
import { SHARED_DATA } from '../../csv/test/shared-data.ts'
import { checkFile } from '../check-file.ts'
import { mergeParts } from '../merge-parts.ts'
import { CONTACT_FIELDS, contactsInsert, mapTo } from './contacts-fields.ts'

const MAPPED: [string, string][] = [
  ['Last Name', 'Last_Name'],
  ['First Name', 'First_Name'],
  ['Email', 'Email'],
  ['Phone 1', 'Phone'],
  ['Website', 'Website'],
  ['Subscription Date', 'Date_of_Birth'],
]

const mappingFor = (columns: CsvColumn[]) =>
  contactsInsert(
    MAPPED.map(([name, apiName]) =>
      mapTo(apiName, columns.find((c) => c.name === name)?.index ?? null),
    ),
  )

/**
 * Checks `bytes` in two parts split at the first line feed after `at` (as
 * main/engine does) and merges them; also checks them in one piece.
 */
async function bothWays(bytes: Uint8Array, at = bytes.length / 2) {
  const whole = bytesSource('people.csv', bytes, 4096)
  const head = await readCsvHead(whole, { previewRows: 200 })
  const mapping = mappingFor(head.columns)
  const input = { fields: CONTACT_FIELDS, mapping }
  const split = bytes.indexOf(10, Math.floor(at)) + 1
  assert.ok(split > 0, 'the test text needs a line feed after its middle')

  const counter = new ByteLineCounter()
  counter.add(bytes.subarray(0, split))
  const part = (from: number, to?: number) =>
    bytesSource('people.csv', bytes.subarray(from, to), 4096)
  const first = await checkFile(part(0, split), {
    ...input,
    part: { head, read: { later: null, endsEarly: true } },
  })
  const later = await checkFile(part(split), {
    ...input,
    part: {
      head,
      read: {
        later: { firstLine: counter.count + 1, fieldCount: head.fieldCount },
        endsEarly: false,
      },
    },
  })
  const merged = mergeParts(first, later, input)
  const single = await checkFile(whole, input)
  return { merged, single }
}

const encode = (text: string) => new TextEncoder().encode(text)

describe('mergeParts', () => {
  it('gives what one check of the file gives: counts, problems with rows and lines, jobs', async () => {
    // customers-1000.csv without its last three lines, whose repeated
    // email would be a duplicate across the parts.
    const text = readFileSync(SHARED_DATA + 'customers-1000.csv', 'utf8')
    const lines = text.split('\n').slice(0, 990).join('\n') + '\n'
    const { merged, single } = await bothWays(encode(lines))
    assert.ok(merged.ok, `not merged: ${!merged.ok && merged.reason}`)
    assert.deepEqual(merged.summary, single)
    assert.ok(single.problemCount > 500)
  })

  it('merges date evidence from both parts into one suggestion', async () => {
    const rows = ['Last Name,Subscription Date']
    for (let i = 0; i < 200; i++)
      rows.push(`P${i},0${(i % 9) + 1}/0${(i % 7) + 1}/2024`)
    rows.push('Late,25/12/2024', '')
    const { merged, single } = await bothWays(encode(rows.join('\r\n')))
    assert.ok(merged.ok)
    assert.equal(single.suggestions[0]?.date?.order, 'dmy')
    assert.deepEqual(merged.summary, single)
  })

  it('refuses a split inside a quoted value, and keys repeated across the parts', async () => {
    const quoted = encode(
      'Last Name,Email\r\nA,"x\r\n' + 'y\r\n'.repeat(50) + '"\r\nB,b@x.org\r\n',
    )
    const cut = await bothWays(quoted)
    assert.deepEqual(cut.merged, { ok: false, reason: 'CUT_INSIDE_A_VALUE' })

    const repeated = encode(
      'Last Name,Email\n' +
        'A,a@x.org\n'.repeat(1) +
        'B,b@x.org\n'.repeat(1) +
        'C,c@x.org\nD,a@x.org\n',
    )
    const shared = await bothWays(repeated, 30)
    assert.deepEqual(shared.merged, {
      ok: false,
      reason: 'KEYS_SHARED_ACROSS_PARTS',
    })
  })
})

describe('ByteLineCounter', () => {
  it('counts CRLF, LF and bare CR, also when a CRLF is cut between pieces', () => {
    const counter = new ByteLineCounter()
    counter.add(encode('a\r'))
    counter.add(encode('\nb\rc\n\r'))
    assert.equal(counter.count, 4)
  })
})
