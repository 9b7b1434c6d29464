import type { CsvDelimiter, CsvRecord } from './csv-types.ts'
import {
  type LineBreak,
  type OtherBreaks,
  countLineBreaks,
} from './line-breaks.ts'

export { detectLineBreak, type LineBreak } from './line-breaks.ts'

/** A quoting fault, placed on a physical line. */
export interface SplitFault {
  line: number
  kind: 'InvalidQuotes' | 'MissingQuotes' | 'RecordTooLong'
}

/** No single record may hold more text than this (Zoho: 200 × 32,000). */
const MAX_PENDING_CHARS = 16 * 1024 * 1024

/** Lines listed by name in the mixed-endings note; the rest are counted. */
const LISTED_LINES = 3

const QUOTE = 34
const CR = 13
const LF = 10

/** The text ends before we can tell (an unclosed quote, a CR at the end). */
const UNFINISHED = null
/** The same, where a position is expected. */
const UNFINISHED_AT = -1

/** What reading one record with a quote in it found. */
interface Cut {
  values: string[]
  /** Where the line break that ends it starts (the text's length if none). */
  endAt: number
  /** That line break's length. */
  endLength: 1 | 2
  /** A closing quote is followed by other text (kept, as Papa Parse does). */
  strayQuote: boolean
  /** A quote is never closed: the rest of the file is one value. */
  unclosed: boolean
}

/**
 * Cuts decoded text, fed chunk by chunk, into records with their physical
 * line numbers, as RFC 4180 says, and with Papa Parse's answers wherever
 * quotes are malformed (a property test holds it to them).
 *
 * Most lines of real files hold no quote: they are cut by the platform's
 * `String.split`, several times faster than a general parser, and only
 * lines with a quote are read field by field. Every line break outside
 * quotes ends a record, whatever its kind (CRLF, LF or CR), so files that
 * mix them still read line by line; breaks inside quoted values are kept
 * exactly as written.
 */
export class RecordSplitter {
  private pending = ''
  private nextLine = 1
  private readonly special: RegExp
  /** The text pushed last was known to be ASCII (so is what is pending). */
  private pendingAscii = true
  /** This push's text is known to be ASCII: only commas can be special. */
  private asciiNow = false
  readonly faults: SplitFault[] = []
  private otherBreaks: OtherBreaks = { count: 0, first: [] }
  // Next positions of LF, CR and quote in the current text (-1: none).
  private lfAt = -1
  private crAt = -1
  /** The length of the line break `breakFrom` found last. */
  private breakLength: 1 | 2 = 1

  constructor(
    private readonly delimiter: CsvDelimiter,
    /** The file's own line break; lines ending otherwise are noted. */
    readonly lineBreak: LineBreak,
    /** The physical line the text starts on (a later part of a file). */
    firstLine = 1,
  ) {
    this.nextLine = firstLine
    // Characters that stop a value from going into a job CSV as it is.
    this.special = delimiter === ',' ? /[\u0080-\uffff]/g : /[,\u0080-\uffff]/g
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

  /** Text is left over that ends no record (the text stopped inside one). */
  get unfinished(): boolean {
    return this.pending.length > 0
  }

  /** The text fed but not yet cut into records: it starts a record. */
  get unconsumed(): string {
    return this.pending
  }

  /** The physical line the next record starts on. */
  get lineAhead(): number {
    return this.nextLine
  }

  /** True once a record grew past any sane size (an unclosed quote). */
  get overflowed(): boolean {
    return this.faults.some((fault) => fault.kind === 'RecordTooLong')
  }

  /**
   * Feeds text; returns the records completed so far (row is set to -1).
   * `ascii` tells that the text is known to be ASCII (see AsciiBytes).
   */
  push(text: string, last: boolean, ascii = false): CsvRecord[] {
    const lineFeed = this.pending && !last ? text.indexOf('\n') : -1
    if (lineFeed === -1 || lineFeed === text.length - 1) {
      return this.cut(text, last, ascii)
    }

    // The record the last text cut off is finished on its own. Joined to
    // what was pending, the new text would be copied into one new string
    // (180 MB of copies for a 180 MB file); sliced after that record's line
    // feed, it is read where it lies.
    const records = this.cut(text.slice(0, lineFeed + 1), false, ascii)
    for (const record of this.cut(text.slice(lineFeed + 1), false, ascii)) {
      records.push(record)
    }

    return records
  }

  /** Cuts what is pending and then `text` into records (see `push`). */
  private cut(text: string, last: boolean, ascii: boolean): CsvRecord[] {
    this.asciiNow = ascii && this.pendingAscii
    const before = this.pending.length
    const input = this.pending + text
    const records: CsvRecord[] = []
    const length = input.length
    this.lfAt = input.indexOf('\n')
    this.crAt = input.indexOf('\r')
    let quoteAt = input.indexOf('"')
    let specialAt = this.nextSpecial(input, 0)
    let at = 0

    while (at < length) {
      const endAt = this.breakFrom(input, at, last)
      if (endAt === UNFINISHED_AT) break

      const endLength = this.breakLength
      if (quoteAt !== -1 && quoteAt < at) quoteAt = input.indexOf('"', at)

      if (quoteAt === -1 || quoteAt > endAt) {
        if (specialAt !== -1 && specialAt < at) {
          specialAt = this.nextSpecial(input, at)
        }

        const line = this.nextLine++
        this.noteBreak(input, endAt, endLength, line)
        const values = input.slice(at, endAt).split(this.delimiter)
        const plain = specialAt === -1 || specialAt > endAt ? values : null
        records.push({ row: -1, line, endLine: line, values, plain })
        at = endAt + endLength
        continue
      }

      const cut = this.cutQuoted(input, at, last)
      if (cut === UNFINISHED) break

      records.push(this.quotedRecord(input, at, cut))
      at = cut.endAt + cut.endLength
    }

    this.pending = at >= length ? '' : input.slice(at)
    // What is left is ASCII when it all came from ASCII text.
    this.pendingAscii = this.asciiNow || (ascii && at >= before)
    if (this.pending.length > MAX_PENDING_CHARS) {
      this.faults.push({ line: this.nextLine, kind: 'RecordTooLong' })
      this.pending = ''
    }

    return records
  }

  private nextSpecial(input: string, from: number): number {
    if (this.asciiNow) {
      return this.delimiter === ',' ? -1 : input.indexOf(',', from)
    }

    this.special.lastIndex = from
    return this.special.exec(input)?.index ?? -1
  }

  /**
   * Where the first line break at or after `from` starts (CRLF, LF or CR;
   * its length goes to `breakLength`). At the text's end when there is none
   * and this is the last text; else unfinished. No object is made: this
   * runs once a line, and more often on lines with quotes.
   */
  private breakFrom(input: string, from: number, last: boolean): number {
    if (this.lfAt !== -1 && this.lfAt < from) {
      this.lfAt = input.indexOf('\n', from)
    }

    if (this.crAt !== -1 && this.crAt < from) {
      this.crAt = input.indexOf('\r', from)
    }

    const { lfAt, crAt } = this
    if (crAt === -1 || (lfAt !== -1 && lfAt < crAt)) {
      this.breakLength = 1
      if (lfAt !== -1) return lfAt

      return last ? input.length : UNFINISHED_AT
    }

    if (lfAt === crAt + 1) {
      this.breakLength = 2
      return crAt
    }

    // A CR at the very end may be the first half of a CRLF.
    if (crAt === input.length - 1 && !last) return UNFINISHED_AT

    this.breakLength = 1
    return crAt
  }

  /** Counts a line that ends in another break than the file's own. */
  private noteBreak(
    input: string,
    at: number,
    length: 1 | 2,
    line: number,
  ): void {
    if (at >= input.length) return

    const kind: LineBreak =
      length === 2 ? '\r\n' : input.charCodeAt(at) === LF ? '\n' : '\r'
    if (kind === this.lineBreak) return

    const found = this.otherBreaks
    found.count++
    if (found.first.length < LISTED_LINES) {
      found.first.push({ line, lineBreak: kind })
    }
  }

  private quotedRecord(input: string, at: number, cut: Cut): CsvRecord {
    const line = this.nextLine
    const endLine = line + countLineBreaks(input.slice(at, cut.endAt))
    this.nextLine = endLine + 1
    this.noteBreak(input, cut.endAt, cut.endLength, endLine)
    if (cut.strayQuote) this.faults.push({ line, kind: 'InvalidQuotes' })
    if (cut.unclosed) this.faults.push({ line, kind: 'MissingQuotes' })

    return { row: -1, line, endLine, values: cut.values, plain: null }
  }

  /**
   * Reads one record that holds a quote, field by field. A quote opens a
   * quoted value only at the start of a field; elsewhere it is text.
   */
  private cutQuoted(input: string, start: number, last: boolean): Cut | null {
    const values: string[] = []
    const cut: Cut = {
      values,
      endAt: input.length,
      endLength: 1,
      strayQuote: false,
      unclosed: false,
    }
    let at = start
    for (;;) {
      if (input.charCodeAt(at) === QUOTE) {
        const next = this.closeQuote(input, at, last, cut)
        if (next === UNFINISHED) return UNFINISHED

        if (input[next] === this.delimiter) {
          at = next + 1
          continue
        }

        const endAt = this.breakFrom(input, next, last)
        if (endAt === UNFINISHED_AT) return UNFINISHED

        cut.endAt = endAt
        cut.endLength = this.breakLength
        return cut
      }

      const endAt = this.breakFrom(input, at, last)
      if (endAt === UNFINISHED_AT) return UNFINISHED

      const endLength = this.breakLength
      const delimiter = input.indexOf(this.delimiter, at)
      if (delimiter !== -1 && delimiter < endAt) {
        values.push(input.slice(at, delimiter))
        at = delimiter + 1
        continue
      }

      values.push(input.slice(at, endAt))
      cut.endAt = endAt
      cut.endLength = endLength
      return cut
    }
  }

  /**
   * Reads the quoted value opening at `open` into `cut`; returns where what
   * follows it starts (a delimiter, a line break, or the text's end).
   */
  private closeQuote(
    input: string,
    open: number,
    last: boolean,
    cut: Cut,
  ): number | null {
    const length = input.length
    let search = open + 1
    for (;;) {
      const close = input.indexOf('"', search)
      if (close === -1 || close === length - 1) {
        if (!last) return UNFINISHED

        cut.unclosed = close === -1
        cut.values.push(
          close === -1
            ? input.slice(open + 1)
            : unquote(input.slice(open + 1, close)),
        )
        return length
      }

      if (input.charCodeAt(close + 1) === QUOTE) {
        search = close + 2
        continue
      }

      const after = this.afterBlanks(input, close + 1)
      if (after === UNFINISHED && !last) return UNFINISHED

      if (after !== UNFINISHED && this.endsValue(input, after)) {
        cut.values.push(unquote(input.slice(open + 1, close)))
        return after
      }

      // Text after a closing quote: the quote is part of the value.
      cut.strayQuote = true
      search = close + 1
    }
  }

  /** A delimiter, a line break or the end of the text is at `at`. */
  private endsValue(input: string, at: number): boolean {
    if (at >= input.length || input[at] === this.delimiter) return true

    const code = input.charCodeAt(at)
    return code === LF || code === CR
  }

  /**
   * Skips blanks between a closing quote and the delimiter or line break
   * after it (Papa Parse allows them). Null when neither is in the text.
   */
  private afterBlanks(input: string, from: number): number | null {
    if (from === input.length || this.endsValue(input, from)) return from

    const delimiter = input.indexOf(this.delimiter, from)
    const endAt = this.breakFrom(input, from, true)
    if (delimiter === -1 && endAt >= input.length) return UNFINISHED

    const upTo = delimiter !== -1 && delimiter < endAt ? delimiter : endAt
    return input.slice(from, upTo).trim() === '' ? upTo : from
  }
}

function unquote(text: string): string {
  return text.includes('"') ? text.replaceAll('""', '"') : text
}
