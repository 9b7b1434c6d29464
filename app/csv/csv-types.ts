/**
 * What reading a CSV file produces. The reader lives in this folder; these
 * shapes are what every other part of the program sees of a file.
 */

/** Text encodings the reader can decode. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** Field separators the reader detects or accepts. */
export type CsvDelimiter = ',' | ';' | '\t' | '|' | ':'

/** How a file is laid out, detected from its first bytes and lines. */
export interface CsvLayout {
  encoding: CsvEncoding
  /** A byte-order mark was found and removed. */
  hadBom: boolean
  delimiter: CsvDelimiter
  /** 1-based physical line of the header row. */
  headerLine: number
}

/** One column as the user sees it. */
export interface CsvColumn {
  /** 0-based position in the file's records. */
  index: number
  /** The header text, or "Column N (no header)". */
  name: string
  /** The header cell was empty. */
  headerless: boolean
}

/** One data record of the file. */
export interface CsvRecord {
  /** 0-based position among the data records (header excluded). */
  row: number
  /** 1-based physical line where the record starts, header included. */
  line: number
  /** 1-based physical line where the record ends (> line when quoted text spans lines). */
  endLine: number
  /** The cell texts, exactly as in the file (no trimming, no type conversion). */
  values: string[]
  /**
   * Set by the reader to the very `values` array when every value is ASCII
   * with no quote, comma or line feed, so that it goes into a job CSV as it
   * is. A copy of the record with changed values no longer matches it.
   */
  plain?: string[] | null
}

/**
 * A source of bytes for the reader. Pure: the main process adapts a file on
 * disk to it, tests adapt a string or a Uint8Array.
 */
export interface ByteSource {
  /** A name for messages, usually the file name. */
  name: string
  /** Total size in bytes, when known. */
  size: number | null
  /** Yields the bytes from the start, in chunks. */
  chunks(): AsyncIterable<Uint8Array>
  /** The platform's fast way with ASCII bytes, when it has one. */
  ascii?: AsciiBytes
}

/**
 * Most CSV files are plain ASCII. Where the platform can tell so natively
 * (Node's `buffer.isAscii`), such bytes skip the decoder and the reader's
 * search for other characters: a fifth of the cost of reading them.
 */
export interface AsciiBytes {
  /** True when every byte is below 0x80. */
  isAscii(bytes: Uint8Array): boolean
  /** The text of bytes `isAscii` accepted, one character a byte. */
  text(bytes: Uint8Array): string
}
