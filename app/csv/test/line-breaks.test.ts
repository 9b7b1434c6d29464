import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CsvRecord } from '../csv-types.ts'
import { detectLineBreak } from '../line-breaks.ts'
import { HEAD_BYTES, textSource } from '../read-head-bytes.ts'
import { readAll } from './read-all.ts'

/** [line, endLine, values joined by |] for each record. */
function shape(records: CsvRecord[]) {
  return records.map((r) => [r.line, r.endLine, r.values.join('|')])
}

describe('reading a file that mixes line breaks', () => {
  it('ends a row at a bare LF in a CRLF file, on the right lines', async () => {
    const text = 'a,b\r\n1,2\n3,4\r\n5,6\r\n'
    const { head, records, problems } = await readAll(textSource('m.csv', text))
    assert.deepEqual(shape(records), [
      [2, 2, '1|2'],
      [3, 3, '3|4'],
      [4, 4, '5|6'],
    ])
    assert.deepEqual(problems, [])
    const note = head.problems.find((p) => p.code === 'LINE_BREAKS')
    assert.equal(note?.severity, 'warning')
    assert.equal(note?.line, 2)
    assert.equal(
      note?.message,
      'Line 2 of m.csv ends in LF while its other lines end in CRLF; each of those line breaks still ends a row.',
    )
  })

  it('ends a row at a bare CR, and drops the CR of a CRLF in an LF file', async () => {
    const crlf = await readAll(textSource('m.csv', 'a,b\r\n1,2\r3,4\r\n'))
    assert.deepEqual(shape(crlf.records), [
      [2, 2, '1|2'],
      [3, 3, '3|4'],
    ])
    const lf = await readAll(textSource('m.csv', 'a,b\n1,2\r\n3,4\n5,6\n'))
    assert.deepEqual(shape(lf.records), [
      [2, 2, '1|2'],
      [3, 3, '3|4'],
      [4, 4, '5|6'],
    ])
    assert.match(
      lf.head.problems[0]?.message ?? '',
      /^Line 2 of m.csv ends in CRLF while its other lines end in LF/,
    )
  })

  it('keeps every line break inside a quoted value as written', async () => {
    const text = 'a,b\r\n1,"x\ny\rz\r\n"\r\n2,3\n4,"5"\r\n'
    for (const chunkSize of [1, 2, 3, 5, 8, 1000]) {
      const { head, records } = await readAll(
        textSource('m.csv', text, chunkSize),
      )
      assert.deepEqual(
        shape(records),
        [
          [2, 5, '1|x\ny\rz\r\n'],
          [6, 6, '2|3'],
          [7, 7, '4|5'],
        ],
        `chunk size ${chunkSize}`,
      )
      const note = head.problems.find((p) => p.code === 'LINE_BREAKS')
      assert.equal(note?.line, 6, `chunk size ${chunkSize}`)
    }
  })

  it('lists the first three lines and counts the rest', async () => {
    const text = 'a,b\r\n' + '1,2\n'.repeat(5) + '3,4\r\n'.repeat(6)
    const { head, records } = await readAll(textSource('m.csv', text, 4))
    assert.equal(records.length, 11)
    assert.match(
      head.problems[0]?.message ?? '',
      /^Lines 2, 3 and 4 \(5 lines in all\) of m\.csv end in LF while its other lines end in CRLF/,
    )
  })

  it('says nothing of line breaks inside the quoted values of a CRLF file', async () => {
    // What a spreadsheet writes for cells with several lines.
    const row = '1,"first\nsecond\nthird"\r\n'
    const { head, records } = await readAll(
      textSource('x.csv', 'a,b\r\n' + row.repeat(20), 64),
    )
    assert.equal(head.problems.length, 0)
    assert.equal(records.length, 20)
    assert.deepEqual([records[1]?.line, records[1]?.endLine], [5, 7])
  })

  it('takes the most common line break outside quotes as the file’s own', () => {
    assert.equal(detectLineBreak('a,b\n1,2\r\n3,4\r\n'), '\r\n')
    assert.equal(detectLineBreak('a,"x\ny\nz"\r\n1,2\r\n'), '\r\n')
    assert.equal(detectLineBreak('a,b\r1,2\r3,4\n'), '\r')
    assert.equal(detectLineBreak('a,b\n1,2\n'), '\n')
  })

  it('notes lines past the first part of a large file once, in the stream', async () => {
    const row = '1,abcdefghijklmnopqrstuvwxyz\r\n'
    const rows = Math.ceil((HEAD_BYTES * 1.5) / row.length)
    const late = 'a,b\r\n' + row.repeat(rows) + '2,late\n3,end\r\n'
    const lateRead = await readAll(textSource('big.csv', late, 256 * 1024))
    const lastLine = rows + 3
    assert.equal(lateRead.records.length, rows + 2)
    assert.equal(lateRead.records.at(-1)?.line, lastLine)
    assert.equal(
      lateRead.head.problems.filter((p) => p.code === 'LINE_BREAKS').length,
      0,
    )
    assert.equal(lateRead.problems.length, 1)
    assert.equal(
      lateRead.problems[0]?.message,
      `Further into the file, line ${lastLine - 1} of big.csv ends in LF while its other lines end in CRLF; each of those line breaks still ends a row.`,
    )

    const early = 'a,b\r\n2,early\n' + row.repeat(rows)
    const earlyRead = await readAll(textSource('big.csv', early, 256 * 1024))
    assert.equal(earlyRead.records.length, rows + 1)
    assert.equal(earlyRead.head.problems[0]?.code, 'LINE_BREAKS')
    assert.deepEqual(earlyRead.problems, [])
  })
})
