import Papa from 'papaparse'
import type { CsvDelimiter, CsvEncoding } from './csv-types.ts'

/** One cell shown both ways, so the user can confirm the encoding. */
export interface EncodingSample {
  line: number
  column: number
  asRead: string
  asUtf8: string
}

function splitCells(text: string, delimiter: CsvDelimiter): string[] {
  return Papa.parse<string[]>(text, { delimiter }).data[0] ?? []
}

/**
 * Finds up to `limit` cells whose bytes are not ASCII and decodes each both
 * in the chosen encoding and as UTF-8 (where the damage shows as U+FFFD).
 */
export function findEncodingSamples(
  bytes: Uint8Array,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  limit = 3,
): EncodingSample[] {
  const samples: EncodingSample[] = []
  const chosen = new TextDecoder(encoding)
  const utf8 = new TextDecoder('utf-8')
  let start = 0
  let line = 1
  while (start < bytes.length && samples.length < limit) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length

    const lineBytes = bytes.subarray(start, end)
    if (lineBytes.some((byte) => byte >= 0x80)) {
      const asRead = splitCells(chosen.decode(lineBytes).trimEnd(), delimiter)
      const asUtf8 = splitCells(utf8.decode(lineBytes).trimEnd(), delimiter)
      asRead.forEach((cell, column) => {
        const other = asUtf8[column] ?? ''
        if (cell !== other && samples.length < limit) {
          samples.push({ line, column, asRead: cell, asUtf8: other })
        }
      })
    }

    start = end + 1
    line++
  }

  return samples
}
