import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ChunkDecoder } from '../decode-bytes.ts'
import { HEAD_BYTES, bytesSource } from '../read-head-bytes.ts'
import { readAll } from './read-all.ts'

/** Text as bytes, each part in its own encoding. */
function bytesOf(...parts: [string, 'utf-8' | 'windows-1252'][]): Uint8Array {
  const pieces = parts.map(([text, encoding]) =>
    encoding === 'utf-8'
      ? new TextEncoder().encode(text)
      : // Latin-1 letters have the same single byte in Windows-1252.
        Uint8Array.from(text, (char) => char.charCodeAt(0)),
  )
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const piece of pieces) {
    out.set(piece, at)
    at += piece.length
  }

  return out
}

/** Lines 2 and 4 saved as Windows-1252, line 3 as UTF-8. */
const MIXED = bytesOf(
  ['Name,City\r\n', 'utf-8'],
  ['René,Besançon\r\n', 'windows-1252'],
  ['Søren,Tromsø\r\n', 'utf-8'],
  ['Zoë,Köln\r\n', 'windows-1252'],
)

/** Enough plain rows to push what follows past the head. */
function filler(): [string, 'utf-8'] {
  const row = 'Plain,abcdefghijklmnopqrstuvwxyz\n'
  return [row.repeat(Math.ceil((HEAD_BYTES * 1.5) / row.length)), 'utf-8']
}

describe('reading a file that mixes UTF-8 and Windows-1252', () => {
  it('blocks the import, naming lines of each kind with their cells shown both ways', async () => {
    const { head } = await readAll(bytesSource('mixed.csv', MIXED, 5))
    assert.equal(head.layout.encoding, 'windows-1252')
    const notes = head.problems.filter((p) => p.code === 'ENCODING')
    assert.equal(notes.length, 1)
    assert.equal(notes[0]?.severity, 'error')
    assert.equal(notes[0]?.line, 2)
    assert.equal(
      notes[0]?.message,
      'mixed.csv mixes two encodings, so no single one reads all of it. ' +
        'It is read as Windows-1252, which suits lines 2 and 4 (line 2, column “Name”: “René” (as UTF-8: “Ren\uFFFD”); line 2, column “City”: “Besançon” (as UTF-8: “Besan\uFFFDon”)), ' +
        'but line 3 holds UTF-8 text, which then shows the wrong characters (line 3, column “Name”: “SÃ¸ren” (as UTF-8: “Søren”); line 3, column “City”: “TromsÃ¸” (as UTF-8: “Tromsø”)).',
    )
    assert.match(notes[0]?.fix ?? '', /save it again as CSV UTF-8/)
    assert.equal(head.encodingSamples.length, 4)
  })

  it('reads a file whose lines are mostly UTF-8 as UTF-8, and names the lines that are not', async () => {
    const bytes = bytesOf(
      ['Name,City\r\n', 'utf-8'],
      ['Jürgen,Straße\r\n', 'utf-8'],
      ['Zoë,Brønte\r\n', 'windows-1252'],
      ['Søren,Tromsø\r\n', 'utf-8'],
    )
    const { head, records } = await readAll(bytesSource('most.csv', bytes))
    assert.equal(head.layout.encoding, 'utf-8')
    assert.deepEqual(records[0]?.values, ['Jürgen', 'Straße'])
    assert.deepEqual(records[2]?.values, ['Søren', 'Tromsø'])
    const notes = head.problems.filter((p) => p.code === 'ENCODING')
    assert.equal(notes[0]?.severity, 'error')
    assert.match(notes[0]?.message ?? '', /characters on line 3 cannot be read/)
  })

  it('warns of the mix as well when Windows-1252 was picked for the file', async () => {
    const { head } = await readAll(bytesSource('m.csv', MIXED), {
      encoding: 'windows-1252',
    })
    assert.deepEqual(
      head.problems.map((p) => p.code),
      ['ENCODING'],
    )
    assert.match(head.problems[0]?.message ?? '', /^m\.csv mixes two encodings/)
  })

  it('never puts “�” into the values it reads as Windows-1252', async () => {
    const { records, problems } = await readAll(bytesSource('m.csv', MIXED))
    assert.deepEqual(
      records.map((r) => r.values),
      [
        ['René', 'Besançon'],
        ['SÃ¸ren', 'TromsÃ¸'],
        ['Zoë', 'Köln'],
      ],
    )
    assert.deepEqual(problems, [])
  })

  it('names the lines it cannot read when UTF-8 is picked for it', async () => {
    const { head, records } = await readAll(bytesSource('m.csv', MIXED), {
      encoding: 'utf-8',
    })
    const error = head.problems.find((p) => p.code === 'ENCODING')
    assert.equal(error?.severity, 'error')
    assert.match(
      error?.message ?? '',
      /^m\.csv is not valid utf-8: characters on lines 2 and 4 cannot be read and would arrive as “\uFFFD” \(line 2, column “Name”: “Ren\uFFFD” \(as Windows-1252: “René”\)/,
    )
    assert.deepEqual(records[1]?.values, ['Søren', 'Tromsø'])
  })

  it('keeps the plain Windows-1252 note when no line is UTF-8', async () => {
    const only1252 = bytesOf(['Name\nRené\n', 'windows-1252'])
    const { head } = await readAll(bytesSource('w.csv', only1252))
    assert.equal(
      head.problems[0]?.message,
      'w.csv is not valid UTF-8, so it is read as Windows-1252: line 2, column “Name”: “René” (as UTF-8: “Ren\uFFFD”).',
    )
  })

  it('reads the bytes 0x80–0x9F as Windows-1252 defines them (€, quotes, dashes), although Node 20 decodes them as Latin-1 (nodejs/node#60888)', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Price\n'),
      0x80,
      0x20,
      0x93,
      0x61,
      0x94,
      0x20,
      0x96,
      0x0a,
    ])
    const { records } = await readAll(bytesSource('q.csv', bytes))
    assert.deepEqual(records[0]?.values, ['\u20ac \u201ca\u201d \u2013'])
  })

  it('notes UTF-8 lines that come past the first part of a Windows-1252 file', async () => {
    const fill = filler()
    const bytes = bytesOf(
      ['Name,City\n', 'utf-8'],
      ['René,Besançon\n', 'windows-1252'],
      fill,
      ['Søren,Tromsø\n', 'utf-8'],
    )
    const late = fill[0].split('\n').length + 2
    const { head, problems } = await readAll(
      bytesSource('late.csv', bytes, 256 * 1024),
    )
    assert.equal(head.layout.encoding, 'windows-1252')
    assert.doesNotMatch(head.problems[0]?.message ?? '', /mixes/)
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.line]),
      [['ENCODING', 'error', late]],
    )
    assert.equal(
      problems[0]?.message,
      `Further into the file, line ${late} of late.csv holds UTF-8 text, which shows the wrong characters when read as Windows-1252 (line ${late}, column “Name”: “SÃ¸ren” (as UTF-8: “Søren”)): the file mixes two encodings.`,
    )
  })

  it('names each line past the first part that UTF-8 cannot read, as an error on its row', async () => {
    const fill = filler()
    const bytes = bytesOf(['Name,City\n', 'utf-8'], fill, [
      'René,Paris\n',
      'windows-1252',
    ])
    const late = fill[0].split('\n').length + 1
    const { head, records, problems } = await readAll(
      bytesSource('late.csv', bytes, 256 * 1024),
    )
    assert.equal(head.layout.encoding, 'utf-8')
    assert.deepEqual(head.problems, [])
    assert.equal(problems.length, 1)
    assert.equal(problems[0]?.severity, 'error')
    assert.equal(problems[0]?.row, records.length - 1)
    assert.equal(
      problems[0]?.message,
      `Line ${late} of late.csv has bytes that are not valid utf-8 in column “Name”: “Ren\uFFFD”; those characters would arrive as “\uFFFD”.`,
    )
  })
})

describe('a UTF-8 character cut off by the end of a chunk or of the file', () => {
  it('keeps a character split between chunks when the next chunk also holds a bad byte', async () => {
    const decoder = new ChunkDecoder('utf-8', 0)
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('a,é'),
      0xff,
      ...new TextEncoder().encode('\n'),
    ])
    // The chunk ends after the first byte of “é”; the next holds 0xFF.
    const text =
      decoder.decode(bytes.subarray(0, 3)) +
      decoder.decode(bytes.subarray(3)) +
      decoder.decode(null)
    assert.equal(text, 'a,é\uFFFD\n')
    assert.equal(decoder.invalidChunks, 1)
  })

  it('names the damage when the file ends inside a character past its first part', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `n${i},Paris`)
    const text = `Name,City\n${rows.join('\n')}\nlast,Besan`
    const bytes = new Uint8Array([...new TextEncoder().encode(text), 0xc3])
    assert.ok(bytes.length > HEAD_BYTES)
    const { records, problems } = await readAll(bytesSource('t.csv', bytes))
    assert.deepEqual(records.at(-1)?.values, ['last', 'Besan\uFFFD'])
    assert.equal(problems.length, 1)
    assert.match(
      problems[0]?.message ?? '',
      /^Line 100002 of t\.csv has bytes that are not valid utf-8 in column “City”/,
    )
  })
})
