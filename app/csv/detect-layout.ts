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
 * The physical line that looks like the header: the first record with at
 * least two filled cells when the body has several columns. Title lines
 * ("Contacts export", often padded with delimiters) and blank lines above
 * it are skipped; data rows with extra trailing delimiters do not matter.
 */
export function detectHeaderLine(
  records: { line: number; values: string[] }[],
): number {
  const counts = records.map((r) => r.values.length)
  if (mostCommon(counts).value <= 1) return records[0]?.line ?? 1

  for (const record of records) {
    let filled = 0
    for (const value of record.values) if (value.trim() !== '') filled++
    if (filled >= 2) return record.line
  }

  return records[0]?.line ?? 1
}
