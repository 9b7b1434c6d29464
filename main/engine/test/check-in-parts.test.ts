import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  CONTACT_FIELDS,
  contactsInsert,
  mapTo,
} from '../../../app/check/test/contacts-fields.ts'
import type { CsvColumn } from '../../../app/csv/csv-types.ts'
import { SHARED_DATA } from '../../../app/csv/test/shared-data.ts'
import { type PartsOptions, checkInParts } from '../check-in-parts.ts'
import type { CheckJob } from '../check-messages.ts'
import { runCheckInWorker } from '../run-check-in-worker.ts'

const AUTO = {
  auto: {
    module: 'Contacts',
    operation: 'insert' as const,
    findBy: null,
    ignoreEmpty: false,
  },
}

/** The file checked in parts (whatever way it takes) and in one thread. */
async function bothWays(path: string, keepProblems?: number) {
  const job: CheckJob = {
    path,
    fields: CONTACT_FIELDS,
    mapping: AUTO,
    ...(keepProblems === undefined ? {} : { keepProblems }),
  }
  let way = ''
  const options: PartsOptions = {
    minBytes: 0,
    onWay: (taken, why) => (way = `${taken}: ${why}`),
  }
  const [parts, single] = await Promise.all([
    checkInParts(job, options),
    runCheckInWorker(job).result,
  ])
  assert.ok(parts.ok && single.ok)
  return { parts: parts.summary, single: single.summary, way }
}

function tempFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bulkwright-parts-')), 'p.csv')
  writeFileSync(path, text)
  return path
}

describe('checkInParts', () => {
  it('checks customers-1000.csv in two threads and finds what one thread finds', async () => {
    const { parts, single, way } = await bothWays(
      SHARED_DATA + 'customers-1000.csv',
    )
    assert.equal(way, 'two threads: merged')
    assert.deepEqual(parts, single)
    assert.equal(parts.rowCount, 1001)
  })

  it('gives the same with the first half checked on the calling thread', async () => {
    const job: CheckJob = {
      path: SHARED_DATA + 'customers-1000.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    }
    let way = ''
    const here = await checkInParts(job, {
      minBytes: 0,
      firstHalfHere: true,
      onWay: (taken, why) => (way = `${taken}: ${why}`),
    })
    const single = await runCheckInWorker(job).result
    assert.ok(here.ok && single.ok)
    assert.equal(way, 'two threads: merged')
    assert.deepEqual(here.summary, single.summary)
  })

  it('keeps the same first problems as one thread when the later half has more than are kept', async () => {
    // Three bad e-mails early, many late: the later half is told how many
    // it still has to send once the first half is done.
    const rows = Array.from({ length: 600 }, (_, i) =>
      i < 3 || i > 400 ? `N${i},bad${i}` : `N${i},n${i}@x.org`,
    )
    const path = tempFile(['Last_Name,Email', ...rows].join('\n'))
    const { parts, single, way } = await bothWays(path, 10)
    assert.equal(way, 'two threads: merged')
    assert.deepEqual(parts, single)
    assert.equal(parts.problems.length, 10)
    assert.equal(parts.problemCount, 202)
  })

  it('builds the mapping from the columns it reads, in two threads or one', async () => {
    const built: string[][] = []
    const mapping = (columns: CsvColumn[]) => {
      built.push(columns.map((column) => column.name))
      return contactsInsert([mapTo('Last_Name', 2), mapTo('Email', 9)])
    }
    const path = SHARED_DATA + 'customers-1000.csv'
    for (const minBytes of [0, Infinity]) {
      const result = await checkInParts(
        { path, fields: CONTACT_FIELDS, mapping },
        { minBytes },
      )
      assert.ok(result.ok)
      assert.equal(result.summary.countsByCode.DUPLICATE_IN_FILE, 1)
    }
    assert.equal(built.length, 2)
    assert.equal(built[0]?.[9], 'Email')
  })

  it('checks again in one thread when the middle falls inside a quoted value', async () => {
    const body = 'y\r\n'.repeat(200)
    const path = tempFile(
      `Last_Name,Email\r\nA,"x\r\n${body}"\r\nB,b@x.org\r\n`,
    )
    const { parts, single, way } = await bothWays(path)
    assert.equal(way, 'one thread: CUT_INSIDE_A_VALUE')
    assert.deepEqual(parts, single)
    assert.equal(parts.rowCount, 2)
  })

  it('checks again in one thread when a unique value repeats across the halves', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `N${i},n${i}@x.org`)
    rows.push('Late,n3@x.org')
    const path = tempFile(['Last_Name,Email', ...rows].join('\n'))
    const { parts, single, way } = await bothWays(path)
    assert.equal(way, 'one thread: KEYS_SHARED_ACROSS_PARTS')
    assert.deepEqual(parts, single)
    assert.equal(parts.countsByCode.DUPLICATE_IN_FILE, 1)
    assert.match(readFileSync(path, 'utf8'), /Late/)
  })

  it('checks again in one thread when lines past the head end in another line break', async () => {
    // CRLF for the first 1.1 MB (past what the head reads, a whole 1 MB
    // chunk), then some bare LF lines, then CRLF again well past the
    // middle: the first half alone sees the LF lines past its head.
    const lines = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `${tag}${i},${tag}${i}@x.org`)
    const path = tempFile(
      ['Last_Name,Email', ...lines(60_000, 'a')].join('\r\n') +
        '\r\n' +
        lines(10_000, 'b').join('\n') +
        '\n' +
        lines(100_000, 'c').join('\r\n') +
        '\r\n',
    )
    const { parts, single, way } = await bothWays(path)
    assert.equal(way, 'one thread: FILE_NOTE_PAST_THE_HEAD')
    assert.deepEqual(parts, single)
    assert.equal(parts.countsByCode.LINE_BREAKS, 1)
  })
  it('checks in one thread when the only line feed past the middle ends the file', async () => {
    // Bare CR breaks and a final CRLF: cutting after that line feed would
    // leave the later half empty (its byte range could not even be read).
    const rows = Array.from({ length: 400 }, (_, i) => `N${i},n${i}@x.org`)
    const path = tempFile(['Last_Name,Email', ...rows].join('\r') + '\r\n')
    const { parts, single, way } = await bothWays(path)
    assert.equal(way, 'one thread: no line feed after the middle')
    assert.deepEqual(parts, single)
    assert.equal(parts.rowCount, 400)
  })
  it('checks in one thread when the head left a column out, so that a value in it further on is noted', async () => {
    // A trailing comma gives a column with no header, empty in the head
    // (the first 1 MB); its one value lies past the head and the middle.
    const rows = Array.from({ length: 80_000 }, (_, i) => `N${i},n${i}@x.org,`)
    rows[70_000] += 'kept?'
    const path = tempFile(['Last_Name,Email,', ...rows].join('\n') + '\n')
    const { parts, single, way } = await bothWays(path)
    assert.equal(way, 'one thread: columns left out')
    assert.deepEqual(parts, single)
    assert.equal(parts.countsByCode.EMPTY_COLUMN, 2)
  })
  it('checks again in one thread when the line break changes exactly where the later half starts', async () => {
    // LF lines, then CRLF lines from the split on: the later half, judging
    // the line break from its own first lines, would take CRLF and note
    // nothing, while one thread notes every CRLF line past its head.
    const lines = [
      'Last_Name,Email',
      // 3 MB: the later half starts past the head (the first 1 MB).
      ...Array.from({ length: 150_000 }, (_, i) => `N${i},n${i}@x.org`),
    ]
    const bytesUpTo = [0]
    for (const line of lines)
      bytesUpTo.push((bytesUpTo.at(-1) ?? 0) + line.length)
    const n = lines.length
    // k LF lines, then CRLF: the first line feed at or after the middle
    // must be the one ending line k.
    const k = Array.from({ length: n }, (_, i) => i).find((k) => {
      if (k < 2) return false
      const lfBytes = (bytesUpTo[k] ?? 0) + k
      const total = (bytesUpTo[n] ?? 0) + n + (n - k)
      const middle = Math.floor(total / 2)
      return (
        lfBytes - 1 >= middle &&
        lfBytes - 2 - (lines[k - 1] ?? '').length < middle
      )
    }) as number
    const path = tempFile(
      lines.slice(0, k).join('\n') +
        '\n' +
        lines.slice(k).join('\r\n') +
        '\r\n',
    )
    const { parts, single, way } = await bothWays(path)
    assert.equal(way, 'one thread: LINE_BREAK_DIFFERS')
    assert.deepEqual(parts, single)
    assert.equal(parts.countsByCode.LINE_BREAKS, 1)
  })
  it('lists problems in the order one thread lists them when reading and checking both find some', async () => {
    // The reader reports a row with a field too many as it reads, ahead of
    // the checks of its batch; a later half's batches end elsewhere.
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      i % 37 === 0
        ? `N${i},n${i}@x.org,extra`
        : i % 41 === 0
          ? `N${i},not-an-email-${i}`
          : `N${i},n${i}@x.org`,
    )
    const path = tempFile(['Last_Name,Email', ...rows].join('\n') + '\n')
    const { parts, single, way } = await bothWays(path)
    assert.equal(way, 'two threads: merged')
    assert.deepEqual(parts, single)
    const lines = single.problems.map((problem) => problem.line ?? 0)
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    )
  })
})
