import Papa from 'papaparse'
import type { CsvDelimiter, CsvRecord } from './csv-types.ts'
import {
  type LineBreak,
  type OtherBreaks,
  countLineBreaks,
  hasOnlyBreak,
  unifyLineBreaks,
} from './line-breaks.ts'

export { detectLineBreak, type LineBreak } from './line-breaks.ts'

/** A quoting fault Papa Parse found, placed on a physical line. */
export interface SplitFault {
  line: number
  kind: 'InvalidQuotes' | 'MissingQuotes' | 'RecordTooLong'
}

/** No single record may hold more text than this (Zoho: 200 × 32,000). */
const MAX_PENDING_CHARS = 16 * 1024 * 1024

type Parsed = Papa.ParseResult<string[]>

/**
 * Papa reads the end of text that ends in a line break as one more, empty
 * record; the file has no such line.
 */
function dropEmptyEnd(result: Parsed): void {
  const end = result.data[result.data.length - 1]
  const faulty = result.errors.some((e) => e.row === result.data.length - 1)
  if (end && end.length === 1 && end[0] === '' && !faulty) result.data.pop()
}

/**
 * Cuts decoded text, fed chunk by chunk, into records with their physical
 * line numbers. Papa Parse's own parser does the RFC 4180 work; this keeps
 * the unfinished tail between chunks, as Papa's streamers do internally.
 * Papa ends records only at one kind of line break, so a chunk that mixes
 * kinds (CRLF with a bare LF or CR, say) has its breaks outside quoted
 * values made alike first; values keep theirs exactly.
 */
export class RecordSplitter {
  private parser: Papa.Parser
  private pending = ''
  private nextLine = 1
  private breakChar: string
  readonly faults: SplitFault[] = []
  /** Lines outside quoted values that end in another break than the file's. */
  private otherBreaks: OtherBreaks = { count: 0, first: [] }

  constructor(
    private readonly delimiter: CsvDelimiter,
    /** The file's own line break; others outside quotes are made like it. */
    readonly lineBreak: LineBreak,
  ) {
    this.parser = new Papa.Parser({ delimiter, newline: lineBreak })
    this.breakChar = lineBreak === '\r' ? '\r' : '\n'
  }

  /**
   * The lines found since the last call that end in another break than the
   * file's own (outside quoted values), for a note.
   */
  takeOtherBreaks(): OtherBreaks {
    const found = this.otherBreaks
    this.otherBreaks = { count: 0, first: [] }
    return found
  }

  /** True once a record grew past any sane size (an unclosed quote). */
  get overflowed(): boolean {
    return this.faults.some((fault) => fault.kind === 'RecordTooLong')
  }

  /** Feeds text; returns the records completed so far (row is set to -1). */
  push(text: string, last: boolean): CsvRecord[] {
    let input = this.pending + text
    // A CR at the end may be the first half of a CRLF split between chunks.
    const held = !last && input.endsWith('\r') ? '\r' : ''
    if (held) input = input.slice(0, -1)

    if (!last && input.length > MAX_PENDING_CHARS && !input.includes('\n')) {
      this.faults.push({ line: this.nextLine, kind: 'RecordTooLong' })
    }

    // CRLF is verified after parsing, by counting (cheaper than a search).
    let alike = this.lineBreak === '\r\n' || hasOnlyBreak(input, this.lineBreak)
    if (!alike) input = this.unify(input)

    let result = this.parse(input, last)
    let cursor = last ? input.length : result.meta.cursor
    let simple = alike && !last && this.isSimple(input, cursor, result)
    if (this.lineBreak === '\r\n' && !simple) {
      alike = hasOnlyBreak(input, '\r\n')
      if (!alike) {
        input = this.unify(input)
        result = this.parse(input, last)
        cursor = last ? input.length : result.meta.cursor
      }
    }

    if (last && (input.endsWith('\n') || input.endsWith('\r'))) {
      dropEmptyEnd(result)
    }

    this.pending = last ? '' : input.slice(cursor) + held
    if (this.pending.length > MAX_PENDING_CHARS) {
      this.faults.push({ line: this.nextLine, kind: 'RecordTooLong' })
      this.pending = ''
    }

    return this.number(result, simple)
  }

  private parse(input: string, last: boolean): Parsed {
    return this.parser.parse(input, 0, !last) as Parsed
  }

  private unify(input: string): string {
    return unifyLineBreaks(
      input,
      this.lineBreak,
      this.delimiter,
      this.nextLine,
      this.otherBreaks,
    )
  }

  /**
   * As many line breaks as records means none spans lines. For CRLF this
   * also proves no bare LF or CR hides in the text: Papa ends records only
   * at CRLF, so every CR and every LF must belong to one.
   */
  private isSimple(input: string, cursor: number, result: Parsed): boolean {
    const rows = result.data.length
    if (this.countChar(input, this.breakChar, cursor) !== rows) return false

    return (
      this.lineBreak !== '\r\n' || this.countChar(input, '\r', cursor) === rows
    )
  }

  private number(result: Parsed, simple: boolean): CsvRecord[] {
    const rows = result.data
    const records: CsvRecord[] = new Array(rows.length)
    const first = this.nextLine

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

  private countChar(input: string, char: string, end: number): number {
    let count = 0
    let at = input.indexOf(char)
    while (at !== -1 && at < end) {
      count++
      at = input.indexOf(char, at + 1)
    }

    return count
  }

  /** Physical line breaks inside a record's values (all three kinds). */
  private breaksInside(values: string[]): number {
    let count = 0
    for (const value of values) {
      if (value.length > 0) count += countLineBreaks(value)
    }

    return count
  }
}
