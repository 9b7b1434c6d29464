import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readCsvHead } from '../read-csv.ts'
import { bytesSource, textSource } from '../read-head-bytes.ts'
import { sharedFile } from './shared-data.ts'
import { readAll } from './read-all.ts'

describe('readCsvHead and readCsvRecords on customers-1000.csv', () => {
  it('finds 12 comma-separated columns in UTF-8 on line 1', async () => {
    const { head } = await readAll(sharedFile('customers-1000.csv'))
    assert.deepEqual(head.layout, {
      encoding: 'utf-8',
      hadBom: false,
      delimiter: ',',
      headerLine: 1,
    })
    assert.equal(head.columns.length, 12)
    assert.equal(head.columns[9]?.name, 'Email')
  })

  it('keeps quoted commas inside one cell', async () => {
    const { records } = await readAll(sharedFile('customers-1000.csv'))
    assert.equal(records[1]?.values[4], 'Terry, Proctor and Lawrence')
    assert.ok(records.every((record) => record.values.length === 12))
  })

  it('streams every data record with its physical line, past the blank line', async () => {
    const { records, problems } = await readAll(
      sharedFile('customers-1000.csv'),
    )
    // The file has a blank line 1001 and one extra record on line 1003.
    assert.equal(records.length, 1001)
    assert.equal(records[0]?.line, 2)
    assert.equal(records[998]?.line, 1000)
    assert.equal(records[999]?.line, 1002)
    assert.deepEqual(
      records.map((record) => record.row),
      records.map((_, index) => index),
    )
    assert.deepEqual(problems, [])
  })

  it('gives the same records whatever the chunk size', async () => {
    const whole = await readAll(sharedFile('customers-1000.csv', 1 << 20))
    const tiny = await readAll(sharedFile('customers-1000.csv', 7))
    assert.deepEqual(tiny.records, whole.records)
  })
})

describe('readCsvHead on the field cases', () => {
  it('removes a UTF-8 BOM so the first header still matches', async () => {
    const { head, records } = await readAll(
      sharedFile('field-cases/fc01-bom.csv'),
    )
    assert.equal(head.layout.hadBom, true)
    assert.equal(head.columns[0]?.name, 'Last_Name')
    assert.equal(records[1]?.values[2], '+1 555 0101')
    // Its lines all end in CRLF: nothing to say about line breaks.
    assert.deepEqual(
      head.problems.map((p) => p.code),
      [],
    )
  })

  it('detects “;” and reports the row with a stray “;” by line and count', async () => {
    const { head, problems } = await readAll(
      sharedFile('field-cases/fc02-semicolon.csv'),
    )
    assert.equal(head.layout.delimiter, ';')
    assert.equal(head.layout.headerLine, 1)
    const [problem] = problems
    assert.equal(problems.length, 1)
    assert.equal(problem?.code, 'FIELD_COUNT')
    assert.equal(problem?.line, 2)
    assert.match(problem?.message ?? '', /Line 2 .* 5 fields .* header has 4/)
  })

  it('reads Windows-1252 and shows affected cells both ways', async () => {
    const { head, records } = await readAll(
      sharedFile('field-cases/fc03-cp1252.csv'),
    )
    assert.equal(head.layout.encoding, 'windows-1252')
    assert.deepEqual(records[0]?.values, ['Faucon', 'René', 'Besançon'])
    assert.deepEqual(records[1]?.values, ['Østergaard', 'Søren', 'Århus'])
    const notice = head.problems.find((p) => p.code === 'ENCODING')
    assert.match(
      notice?.message ?? '',
      /Windows-1252.*“René” \(as UTF-8: “Ren\uFFFD”\)/,
    )
    assert.ok(
      records.every((r) => r.values.every((v) => !v.includes('\uFFFD'))),
    )
    // Every non-ASCII line is Windows-1252: not a file of mixed encodings.
    assert.doesNotMatch(notice?.message ?? '', /mixes/)
  })
})

describe('readCsvHead layout detection', () => {
  it('suggests the header below a title and a blank line', async () => {
    const text = 'Export of contacts\n\nName,Email\nAda,ada@example.com\n'
    const { head, records } = await readAll(textSource('t.csv', text))
    assert.equal(head.layout.headerLine, 3)
    assert.equal(head.problems[0]?.code, 'HEADER_LINE')
    assert.deepEqual(records[0], {
      row: 0,
      line: 4,
      endLine: 4,
      values: ['Ada', 'ada@example.com'],
      plain: ['Ada', 'ada@example.com'],
    })
  })

  it('skips a title padded with delimiters, and keeps the header above rows with trailing commas', async () => {
    const padded = await readAll(
      textSource(
        't.csv',
        'Contacts export;;\nName;Email;City\nAda;a@x.io;Oslo\n',
      ),
    )
    assert.equal(padded.head.layout.headerLine, 2)
    const trailing = await readAll(
      textSource('t.csv', 'Name,Email\nAda,a@x.io,\nBo,b@x.io,\n'),
    )
    assert.equal(trailing.head.layout.headerLine, 1)
    assert.deepEqual(
      trailing.problems.map((p) => [p.code, p.line]),
      [
        ['FIELD_COUNT', 2],
        ['FIELD_COUNT', 3],
      ],
    )
  })

  it('numbers a record that spans lines as its first and last line', async () => {
    const text = 'a,b\r\n1,"two\r\nlines"\r\n3,x\r\n'
    const { records } = await readAll(textSource('t.csv', text))
    assert.deepEqual(
      records.map((r) => [r.line, r.endLine]),
      [
        [2, 3],
        [4, 4],
      ],
    )
  })

  it('detects tab, pipe and colon delimiters', async () => {
    for (const delimiter of ['\t', '|', ':'] as const) {
      const text =
        ['a', 'b', 'c'].join(delimiter) +
        '\n1' +
        delimiter +
        '2' +
        delimiter +
        '3\n'
      const { head } = await readAll(textSource('t.csv', text))
      assert.equal(head.layout.delimiter, delimiter)
    }
  })

  it('drops a column with no header and no data, names one with data', async () => {
    const text = 'a,,,d\n1,,x,4\n'
    const { head } = await readAll(textSource('t.csv', text))
    assert.deepEqual(
      head.columns.map((c) => c.name),
      ['a', 'Column 3 (no header)', 'd'],
    )
    assert.equal(head.problems[0]?.code, 'EMPTY_COLUMN')
  })

  it('honours UTF-16 byte-order marks', async () => {
    const text = 'Name,City\nRené,Århus\n'
    const le = new Uint8Array(2 + text.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff
      le[3 + i * 2] = text.charCodeAt(i) >> 8
    }

    const { head, records } = await readAll(bytesSource('u.csv', le, 5))
    assert.equal(head.layout.encoding, 'utf-16le')
    assert.deepEqual(records[0]?.values, ['René', 'Århus'])
  })

  it('reports an empty file and a file without rows as NO_DATA', async () => {
    const empty = await readCsvHead(textSource('e.csv', ''))
    assert.equal(empty.problems[0]?.code, 'NO_DATA')
    const headerOnly = await readCsvHead(textSource('h.csv', 'a,b\n'))
    assert.equal(headerOnly.problems[0]?.code, 'NO_DATA')
  })

  it('reports an unclosed quote with its line', async () => {
    const { problems, records } = await readAll(
      textSource('q.csv', 'a,b\n1,"open\n2,3\n'),
    )
    assert.equal(records.length, 1)
    assert.equal(problems[0]?.code, 'MALFORMED_QUOTES')
    assert.equal(problems[0]?.line, 2)
  })
})
