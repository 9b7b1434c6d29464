import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { AsciiBytes, ByteSource, CsvDelimiter } from '../csv-types.ts'
import { ChunkDecoder } from '../decode-bytes.ts'
import { HEAD_BYTES, bytesSource } from '../read-head-bytes.ts'
import { readAll } from './read-all.ts'

/** A stand-in for Node's native ASCII test, counting the chunks it took. */
function countingAscii(): AsciiBytes & { taken: number } {
  const ascii = {
    taken: 0,
    isAscii: (bytes: Uint8Array) => bytes.every((byte) => byte < 0x80),
    text(bytes: Uint8Array) {
      ascii.taken++
      return new TextDecoder('windows-1252').decode(bytes)
    },
  }
  return ascii
}

const withAscii = (source: ByteSource, ascii: AsciiBytes): ByteSource => ({
  ...source,
  ascii,
})

describe('ChunkDecoder with the platform’s ASCII test', () => {
  it('takes ASCII chunks the fast way and says so', () => {
    const ascii = countingAscii()
    const decoder = new ChunkDecoder('utf-8', 0, ascii)
    assert.equal(decoder.decode(new TextEncoder().encode('a,b\n')), 'a,b\n')
    assert.equal(decoder.lastAscii, true)
    assert.equal(decoder.decode(new TextEncoder().encode('é\n')), 'é\n')
    assert.equal(decoder.lastAscii, false)
    assert.equal(ascii.taken, 1)
  })

  it('leaves an ASCII chunk to the decoder while it holds half a character', () => {
    const ascii = countingAscii()
    const decoder = new ChunkDecoder('utf-8', 0, ascii)
    const bytes = new TextEncoder().encode('aé')
    decoder.decode(bytes.subarray(0, 2))
    // A cut-off character followed by ASCII is invalid UTF-8: reported.
    decoder.decode(new TextEncoder().encode('b'))
    assert.equal(decoder.invalidChunks, 1)
    assert.equal(ascii.taken, 0)
  })

  it('never takes the fast way for UTF-16', () => {
    const ascii = countingAscii()
    const decoder = new ChunkDecoder('utf-16le', 0, ascii)
    assert.equal(decoder.decode(new Uint8Array([0x61, 0, 0x62, 0])), 'ab')
    assert.equal(ascii.taken, 0)
  })
})

describe('reading with the platform’s ASCII test', () => {
  const cell = fc.constantFrom(
    'a',
    'plain text',
    'x,y',
    '"q, r"',
    '"say ""hi"""',
    '"two\nlines"',
    'é',
    '€5',
    '日本',
    ' ',
    '',
  )
  const line = fc.array(cell, { minLength: 1, maxLength: 4 })
  const file = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 30 }),
    lineBreak: fc.constantFrom('\n', '\r\n'),
    delimiter: fc.constantFrom<CsvDelimiter>(',', '\t', ';'),
    chunkSize: fc.integer({ min: 1, max: 40 }),
  })

  /**
   * The reader takes its first 512 KiB as the head, in one piece: the
   * random lines come after a row that fills it, in small chunks.
   */
  function source(head: Uint8Array, rest: Uint8Array, chunkSize: number) {
    return {
      name: 'f.csv',
      size: head.length + rest.length,
      async *chunks() {
        yield head
        for (let at = 0; at < rest.length; at += chunkSize) {
          yield rest.subarray(at, at + chunkSize)
        }
      },
    }
  }

  it('finds exactly the records, plain flags and problems of the decoder', async () => {
    await fc.assert(
      fc.asyncProperty(
        file,
        async ({ lines, lineBreak, delimiter, chunkSize }) => {
          const encoder = new TextEncoder()
          // One long value fills the head, so that it is quick to read.
          const head = encoder.encode(
            `h1${delimiter}h2${lineBreak}p${delimiter}"${'q'.repeat(HEAD_BYTES)}"${lineBreak}`,
          )
          const rest = encoder.encode(
            lines.map((cells) => cells.join(delimiter)).join(lineBreak),
          )
          const layout = { delimiter }
          const slow = await readAll(source(head, rest, chunkSize), layout)
          const ascii = countingAscii()
          const fast = await readAll(
            withAscii(source(head, rest, chunkSize), ascii),
            layout,
          )
          const shape = (records: typeof slow.records) =>
            records.map((r) => ({
              row: r.row,
              line: r.line,
              endLine: r.endLine,
              values: r.values,
              plain: r.plain === r.values,
            }))
          assert.deepEqual(shape(fast.records), shape(slow.records))
          assert.deepEqual(
            fast.problems.map((p) => p.message),
            slow.problems.map((p) => p.message),
          )
          assert.ok(ascii.taken > 0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reads a plain ASCII file the fast way', async () => {
    const text = `a,b\n${'1,2\n'.repeat(200_000)}`
    const ascii = countingAscii()
    const { records } = await readAll(
      withAscii(bytesSource('f.csv', new TextEncoder().encode(text)), ascii),
    )
    assert.equal(records.length, 200_000)
    assert.ok(records.every((r) => r.plain === r.values))
    assert.ok(ascii.taken > 0)
  })
})
