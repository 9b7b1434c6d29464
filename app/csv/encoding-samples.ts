import Papa from 'papaparse'
import { repairWindows1252 } from './windows-1252.ts'
import type { CsvDelimiter, CsvEncoding } from './csv-types.ts'

/** One cell shown both ways, so the user can confirm the encoding. */
export interface EncodingSample {
  line: number
  column: number
  asRead: string
  asUtf8: string
}

/** Lines holding non-ASCII bytes, by the encoding their bytes fit. */
export interface EncodingLines {
  /** Lines whose bytes are valid UTF-8 (with at least one multi-byte character). */
  utf8: number[]
  /** Lines whose bytes are not valid UTF-8 (so, most likely, Windows-1252). */
  other: number[]
}

const CR = 0x0d
const LF = 0x0a

function splitCells(text: string, delimiter: CsvDelimiter): string[] {
  return Papa.parse<string[]>(text, { delimiter }).data[0] ?? []
}

/**
 * Calls `visit` with each physical line that holds a byte ≥ 0x80, and its
 * number (CRLF, LF and CR all end a line). With `complete` false the last,
 * possibly cut-off line is left out. `visit` returns false to stop.
 */
function eachNonAsciiLine(
  bytes: Uint8Array,
  complete: boolean,
  visit: (line: Uint8Array, number: number) => boolean,
): void {
  let start = 0
  let number = 1
  let wide = false
  for (let at = 0; at <= bytes.length; at++) {
    const byte = at < bytes.length ? bytes[at] : LF
    if (byte !== LF && byte !== CR) {
      if ((byte as number) >= 0x80) wide = true
      continue
    }

    if (at === bytes.length && !complete) return

    if (wide && !visit(bytes.subarray(start, at), number)) return

    if (byte === CR && bytes[at + 1] === LF) at++
    start = at + 1
    number++
    wide = false
  }
}

/**
 * Sorts the lines with non-ASCII bytes by whether their bytes are valid
 * UTF-8, up to `limit` lines of each kind: a file that holds both was put
 * together from two sources and no single encoding reads it all.
 */
export function classifyEncodingLines(
  bytes: Uint8Array,
  complete: boolean,
  limit = 3,
): EncodingLines {
  const found: EncodingLines = { utf8: [], other: [] }
  const strict = new TextDecoder('utf-8', { fatal: true })
  eachNonAsciiLine(bytes, complete, (line, number) => {
    let valid = true
    try {
      strict.decode(line)
    } catch {
      valid = false
    }

    const list = valid ? found.utf8 : found.other
    if (list.length < limit) list.push(number)

    return found.utf8.length < limit || found.other.length < limit
  })
  return found
}

/**
 * Up to `limit` cells of the given lines (all lines with non-ASCII bytes
 * when `lines` is not given; the last one only when `complete`) that read differently in the chosen encoding and
 * as UTF-8 (where bytes invalid in UTF-8 show as U+FFFD).
 */
export function findEncodingSamples(
  bytes: Uint8Array,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  options: { limit?: number; lines?: number[]; complete?: boolean } = {},
): EncodingSample[] {
  const { limit = 3, lines = null, complete = true } = options
  const samples: EncodingSample[] = []
  const chosen = new TextDecoder(encoding)
  const utf8 = new TextDecoder('utf-8')
  eachNonAsciiLine(bytes, complete, (lineBytes, line) => {
    if (lines && !lines.includes(line)) return true

    const read = chosen.decode(lineBytes)
    const asRead = splitCells(
      encoding === 'windows-1252' ? repairWindows1252(read) : read,
      delimiter,
    )
    const asUtf8 = splitCells(utf8.decode(lineBytes), delimiter)
    asRead.forEach((cell, column) => {
      const other = asUtf8[column] ?? ''
      if (cell !== other && samples.length < limit) {
        samples.push({ line, column, asRead: cell, asUtf8: other })
      }
    })
    return samples.length < limit
  })
  return samples
}
