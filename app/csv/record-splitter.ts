import Papa from 'papaparse'
import type { CsvDelimiter, CsvRecord } from './csv-types.ts'

/** Line breaks the reader understands. */
export type LineBreak = '\r\n' | '\n' | '\r'

/** A quoting fault Papa Parse found, placed on a physical line. */
export interface SplitFault {
  line: number
  kind: 'InvalidQuotes' | 'MissingQuotes' | 'RecordTooLong'
}

/** No single record may hold more text than this (Zoho: 200 × 32,000). */
const MAX_PENDING_CHARS = 16 * 1024 * 1024

/** Which line break a file uses, judged from its first one. */
export function detectLineBreak(text: string): LineBreak {
  const lf = text.indexOf('\n')
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n'

  if (lf === -1 && text.includes('\r')) return '\r'

  return '\n'
}

/**
 * Cuts decoded text, fed chunk by chunk, into records with their physical
 * line numbers. Papa Parse's own parser does the RFC 4180 work; this keeps
 * the unfinished tail between chunks, as Papa's streamers do internally.
 */
export class RecordSplitter {
  private parser: Papa.Parser
  private pending = ''
  private nextLine = 1
  private breakChar: string
  readonly faults: SplitFault[] = []

  constructor(
    delimiter: CsvDelimiter,
    private readonly lineBreak: LineBreak,
  ) {
    this.parser = new Papa.Parser({ delimiter, newline: lineBreak })
    this.breakChar = lineBreak === '\r' ? '\r' : '\n'
  }

  /** True once a record grew past any sane size (an unclosed quote). */
  get overflowed(): boolean {
    return this.faults.some((fault) => fault.kind === 'RecordTooLong')
  }

  /** Feeds text; returns the records completed so far (row is set to -1). */
  push(text: string, last: boolean): CsvRecord[] {
    const input = this.pending + text
    if (!last && input.length > MAX_PENDING_CHARS && !input.includes('\n')) {
      this.faults.push({ line: this.nextLine, kind: 'RecordTooLong' })
    }

    const result = this.parser.parse(input, 0, !last) as Papa.ParseResult<
      string[]
    >
    const cursor = last ? input.length : result.meta.cursor
    this.pending = last ? '' : input.slice(cursor)
    if (this.pending.length > MAX_PENDING_CHARS) {
      this.faults.push({ line: this.nextLine, kind: 'RecordTooLong' })
      this.pending = ''
    }

    return this.number(result, input, cursor, last)
  }

  private number(
    result: Papa.ParseResult<string[]>,
    input: string,
    cursor: number,
    last: boolean,
  ): CsvRecord[] {
    const rows = result.data
    const records: CsvRecord[] = new Array(rows.length)
    const first = this.nextLine
    // Fast path: as many line breaks as records means none spans lines.
    const simple = !last && this.countBreaks(input, cursor) === rows.length

    for (let i = 0; i < rows.length; i++) {
      const values = rows[i] as string[]
      const line = simple ? first + i : this.nextLine
      const endLine = simple ? line : line + this.breaksInside(values)
      records[i] = { row: -1, line, endLine, values }
      if (!simple) this.nextLine = endLine + 1
    }

    if (simple) this.nextLine = first + rows.length

    for (const error of result.errors) {
      const record = records[error.row ?? -1]
      const kind = error.code === 'MissingQuotes' ? 'MissingQuotes' : null
      const invalid = error.code === 'InvalidQuotes' ? 'InvalidQuotes' : null
      if (record && (kind || invalid)) {
        this.faults.push({ line: record.line, kind: kind ?? 'InvalidQuotes' })
      }
    }

    return records
  }

  private countBreaks(input: string, end: number): number {
    let count = 0
    let at = input.indexOf(this.breakChar)
    while (at !== -1 && at < end) {
      count++
      at = input.indexOf(this.breakChar, at + 1)
    }

    return count
  }

  private breaksInside(values: string[]): number {
    let count = 0
    for (const value of values) {
      let at = value.indexOf(this.breakChar)
      while (at !== -1) {
        count++
        at = value.indexOf(this.breakChar, at + 1)
      }
    }

    return count
  }
}
