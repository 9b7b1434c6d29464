import Papa from 'papaparse'
import type { CsvDelimiter } from './csv-types.ts'
import type { LineBreak } from './record-splitter.ts'

/** Candidates in order of preference when two fit equally well. */
export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|', ':']

/** Records looked at when judging the delimiter. */
const SAMPLE_RECORDS = 40

function sampleCounts(
  text: string,
  delimiter: CsvDelimiter,
  lineBreak: LineBreak,
): number[] {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    newline: lineBreak,
    preview: SAMPLE_RECORDS,
  })
  return result.data
    .filter((row) => !(row.length === 1 && row[0]?.trim() === ''))
    .map((row) => row.length)
}

function mostCommon(counts: number[]): { value: number; times: number } {
  const tally = new Map<number, number>()
  let best = { value: 0, times: 0 }
  for (const count of counts) {
    const times = (tally.get(count) ?? 0) + 1
    tally.set(count, times)
    if (times > best.times || (times === best.times && count > best.value)) {
      best = { value: count, times }
    }
  }

  return best
}

/**
 * Picks the delimiter under which the first records agree best on their
 * field count (and split into more than one field).
 */
export function detectDelimiter(
  text: string,
  lineBreak: LineBreak,
): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = {
    delimiter: ',',
    score: 0,
  }
  for (const delimiter of DELIMITERS) {
    const counts = sampleCounts(text, delimiter, lineBreak)
    const mode = mostCommon(counts)
    // Consistency first; the field count breaks near-ties.
    const score = mode.value > 1 ? mode.times * 1000 + mode.value : 0
    if (score > best.score) best = { delimiter, score }
  }

  return best.delimiter
}

/**
 * The physical line that looks like the header: the first record whose
 * field count matches the body of the file and whose cells are mostly
 * filled. Title lines and blank lines above it are skipped.
 */
export function detectHeaderLine(
  records: { line: number; values: string[] }[],
): number {
  const counts = records
    .filter((r) => !(r.values.length === 1 && r.values[0]?.trim() === ''))
    .map((r) => r.values.length)
  const mode = mostCommon(counts)
  for (const record of records) {
    const filled = record.values.filter((v) => v.trim() !== '').length
    if (record.values.length >= mode.value && filled * 2 >= mode.value) {
      return record.line
    }
  }

  return records[0]?.line ?? 1
}
