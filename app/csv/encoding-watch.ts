import type { Problem } from '../check/problem.ts'
import type { CsvEncoding, CsvRecord } from './csv-types.ts'
import { fileProblem, listLines } from './read-problems.ts'

/**
 * Windows-1252 characters of the bytes 0x80–0x9F (as the Encoding Standard
 * maps them), for turning text read as Windows-1252 back into its bytes.
 */
const HIGH_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/** A UTF-8 continuation byte (0x80–0xBF) read as Windows-1252 or Latin-1. */
const TAIL = `[\\u0080-\\u00BF${HIGH_1252}]`

/** A whole multi-byte UTF-8 character read as Windows-1252. */
const UTF8_AS_1252 = new RegExp(
  `[\\u00C2-\\u00DF]${TAIL}|[\\u00E0-\\u00EF]${TAIL}{2}|[\\u00F0-\\u00F4]${TAIL}{3}`,
)

/** Damaged lines named one by one; the rest are counted. */
const NAMED_LINES = 10

/** Text read as Windows-1252, read again as the UTF-8 its bytes hold. */
function asUtf8(text: string): string {
  const bytes = Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0)
    const high = HIGH_1252.indexOf(char)
    return code <= 0xff ? code : high === -1 ? 0x3f : 0x80 + high
  })
  return new TextDecoder('utf-8').decode(bytes)
}

/**
 * Watches the text past the head for a mix of encodings the head could
 * not see: UTF-8 characters in a file read as Windows-1252 (a warning at
 * the end), and bytes invalid in UTF-8 (an error on each line, since those
 * characters would arrive as "�"). The text is searched natively; records
 * are looked at only when their text had a hit.
 */
export class EncodingWatch {
  private header: string[] = []
  /** Pushes whose records are still to be looked at (a hit's record may end in the next). */
  private looking = 0
  private utf8Lines: number[] = []
  private utf8Count = 0
  private utf8Sample = ''
  private damagedCount = 0
  private damagedTexts = 0

  constructor(
    private readonly fileName: string,
    private readonly encoding: CsvEncoding,
  ) {}

  /** The header record, to name columns. */
  setHeader(values: string[]): void {
    this.header = values
  }

  /** Text decoded past the head; `damaged` when it held invalid bytes. */
  sawText(text: string, damaged: boolean): void {
    const suspect =
      damaged || (this.encoding === 'windows-1252' && UTF8_AS_1252.test(text))
    if (suspect) this.looking = 2

    if (damaged) this.damagedTexts++
  }

  /** The records split from that text (and the push after it). */
  sawRecords(records: CsvRecord[], report: (problem: Problem) => void) {
    if (this.looking === 0) return

    this.looking--
    for (const record of records) {
      if (record.row === -1) continue

      const column = record.values.findIndex((value) =>
        this.encoding === 'windows-1252'
          ? UTF8_AS_1252.test(value)
          : value.includes('\uFFFD'),
      )
      if (column === -1) continue

      if (this.encoding === 'windows-1252') this.noteUtf8(record, column)
      else this.noteDamage(record, column, report)
    }
  }

  private columnName(index: number): string {
    const header = (this.header[index] ?? '').trim()
    return header ? `column “${header}”` : `column ${index + 1}`
  }

  private noteUtf8(record: CsvRecord, column: number): void {
    this.utf8Count++
    if (this.utf8Lines.length >= 3) return

    this.utf8Lines.push(record.line)
    if (this.utf8Sample) return

    const value = record.values[column] ?? ''
    this.utf8Sample = `line ${record.line}, ${this.columnName(column)}: “${value}” (as UTF-8: “${asUtf8(value)}”)`
  }

  private noteDamage(
    record: CsvRecord,
    column: number,
    report: (problem: Problem) => void,
  ): void {
    this.damagedCount++
    if (this.damagedCount > NAMED_LINES) return

    report(
      fileProblem(
        'ENCODING',
        'error',
        `Line ${record.line} of ${this.fileName} has bytes that are not valid ${this.encoding} in ${this.columnName(column)}: “${record.values[column]}”; those characters would arrive as “�”.`,
        'The file may mix encodings: save it again as CSV UTF-8, or pick the encoding most of it was saved in (Windows-1252 is the usual one for spreadsheets saved on Windows).',
        record,
      ),
    )
  }

  /** The notes only the whole file shows, once it has been read. */
  finish(report: (problem: Problem) => void): void {
    if (this.utf8Count > 0) {
      const more =
        this.utf8Count > this.utf8Lines.length
          ? ` (${this.utf8Count} lines in all)`
          : ''
      report(
        fileProblem(
          'ENCODING',
          // Values read in the wrong encoding must not reach the CRM quietly.
          'error',
          `Further into the file, ${listLines(this.utf8Lines)}${more} of ${this.fileName} ${this.utf8Lines.length === 1 ? 'holds' : 'hold'} UTF-8 text, which shows the wrong characters when read as Windows-1252 (${this.utf8Sample}): the file mixes two encodings.`,
          'Open the file in the program that made it and save it again as CSV UTF-8.',
          { line: this.utf8Lines[0] as number },
        ),
      )
    }

    if (this.damagedTexts > 0 && this.damagedCount === 0) {
      // The damage sits in no record looked at (a value spanning far).
      report(
        fileProblem(
          'ENCODING',
          'error',
          `${this.fileName} has bytes that are not valid ${this.encoding} past its first part; those characters would arrive as “�”.`,
          'Save the file again as CSV UTF-8, or pick the encoding it was saved in.',
        ),
      )
    }

    if (this.damagedCount > NAMED_LINES) {
      report(
        fileProblem(
          'ENCODING',
          'error',
          `In all, ${this.damagedCount} lines of ${this.fileName} past its first part have bytes that are not valid ${this.encoding}; those characters would arrive as “�”.`,
          'Save the file again as CSV UTF-8, or pick the encoding it was saved in.',
        ),
      )
    }
  }
}
