import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import Papa from 'papaparse'
import type { CsvRecord } from '../csv-types.ts'
import { RecordSplitter } from '../record-splitter.ts'
import { type LineBreak, countLineBreaks } from '../line-breaks.ts'

/** Feeds `text` in pieces cut at `cuts`; returns records and faults. */
function split(text: string, lineBreak: LineBreak, cuts: number[] = []) {
  const splitter = new RecordSplitter(',', lineBreak)
  const records: CsvRecord[] = []
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue

    records.push(...splitter.push(text.slice(from, cut), false))
    from = cut
  }

  records.push(...splitter.push(text.slice(from), true))
  return {
    records,
    faults: splitter.faults,
    otherBreaks: splitter.takeOtherBreaks(),
  }
}

/** Papa Parse's rows for the same text, without its empty row at the end. */
function papaRows(text: string, newline: LineBreak) {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline })
  const rows = result.data
  if (text.endsWith(newline) && rows.at(-1)?.join('') === '') rows.pop()
  return { rows, errorRows: new Set(result.errors.map((e) => e.row)) }
}

const piece = (breaks: string[]) =>
  fc.constantFrom('a', 'b c', ',', '"', '""', ' ', 'é', '5"', ...breaks)

describe('RecordSplitter', () => {
  it('cuts plain lines and keeps line numbers', () => {
    const { records } = split('a,b\nc,d\n', '\n')
    assert.deepEqual(
      records.map((r) => [r.line, r.values]),
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    )
  })

  it('ends a record at every line feed outside quotes when CRLF and LF lines mix', () => {
    const { records, otherBreaks } = split('h1,h2\r\na,b\nc,d\re,f', '\r\n')
    assert.deepEqual(
      records.map((r) => [r.line, r.endLine, r.values]),
      [
        [1, 1, ['h1', 'h2']],
        [2, 2, ['a', 'b']],
        [3, 3, ['c', 'd']],
        [4, 4, ['e', 'f']],
      ],
    )
    assert.deepEqual(otherBreaks, {
      count: 2,
      first: [
        { line: 2, lineBreak: '\n' },
        { line: 3, lineBreak: '\r' },
      ],
    })
  })

  it('keeps CRLF and LF inside quoted values exactly as written', () => {
    const { records } = split('a,"x\r\ny\nz"\r\nb,c\n', '\r\n')
    assert.deepEqual(
      records.map((r) => [r.line, r.endLine, r.values]),
      [
        [1, 3, ['a', 'x\r\ny\nz']],
        [4, 4, ['b', 'c']],
      ],
    )
  })

  it('marks records whose values go into a job CSV as they are', () => {
    const { records } = split('a,b\n"a",b\né,b\n', '\n')
    assert.equal(records[0]?.plain, records[0]?.values)
    assert.equal(records[1]?.plain, null)
    assert.equal(records[2]?.plain, null)
  })

  it('reports a stray quote after a closing one, and an unclosed quote', () => {
    assert.deepEqual(split('"a"b,c\nd,e\n', '\n').faults, [
      { line: 1, kind: 'InvalidQuotes' },
      { line: 1, kind: 'MissingQuotes' },
    ])
    assert.deepEqual(split('a,"b\nc,d\n', '\n').faults, [
      { line: 1, kind: 'MissingQuotes' },
    ])
  })

  for (const lineBreak of ['\n', '\r\n'] as const) {
    it(`gives Papa Parse's values for any text with ${JSON.stringify(lineBreak)} breaks, however it is chunked`, () => {
      fc.assert(
        fc.property(
          fc.array(piece([lineBreak]), { maxLength: 40 }),
          fc.array(fc.nat(200), { maxLength: 6 }),
          (pieces, cuts) => {
            const text = pieces.join('')
            const ours = split(text, lineBreak, cuts)
            const papa = papaRows(text, lineBreak)
            assert.deepEqual(
              ours.records.map((r) => r.values),
              papa.rows,
            )
            const faultRows = new Set(
              ours.faults.map((f) =>
                ours.records.findIndex((r) => r.line === f.line),
              ),
            )
            assert.deepEqual(faultRows, papa.errorRows)
          },
        ),
        { numRuns: 3000 },
      )
    })
  }

  it('reads text with mixed line breaks the same however it is chunked, numbering every physical line', () => {
    fc.assert(
      fc.property(
        fc.array(piece(['\n', '\r\n', '\r']), { maxLength: 40 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (pieces, cuts) => {
          const text = pieces.join('')
          const whole = split(text, '\r\n')
          assert.deepEqual(split(text, '\r\n', cuts), whole)
          whole.records.forEach((record, index) => {
            const before = whole.records[index - 1]
            assert.equal(record.line, before ? before.endLine + 1 : 1)
          })
          const last = whole.records.at(-1)
          const breaks = countLineBreaks(text)
          if (last)
            assert.ok(last.endLine === breaks || last.endLine === breaks + 1)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
