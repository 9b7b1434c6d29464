import type { Problem } from '../check/problem.ts'
import { ChunkDecoder, detectBom, isValidUtf8 } from './decode-bytes.ts'
import type {
  ByteSource,
  CsvColumn,
  CsvEncoding,
  CsvLayout,
  CsvRecord,
} from './csv-types.ts'
import { detectDelimiter, detectHeaderLine } from './detect-layout.ts'
import { buildColumns } from './header-columns.ts'
import { encodingNotes } from './encoding-notes.ts'
import {
  type EncodingSample,
  classifyEncodingLines,
} from './encoding-samples.ts'
import {
  type LineBreak,
  detectLineBreak,
  hasOnlyBreak,
  unifyLineBreaks,
} from './line-breaks.ts'
import { HEAD_BYTES, readHeadBytes } from './read-head-bytes.ts'
import { fileProblem, lineBreakProblem } from './read-problems.ts'
import { RecordSplitter } from './record-splitter.ts'

export {
  type FilePart,
  readCsvRecords,
  type ReadOptions,
} from './stream-records.ts'

/** What the first bytes of a file show: enough for the File and Map steps. */
export interface CsvHead {
  layout: CsvLayout
  columns: CsvColumn[]
  preview: CsvRecord[]
  problems: Problem[]
  /** Fields in the header record (columns may be fewer: empty ones drop). */
  fieldCount: number
  /** Cells shown both ways when the file was not valid UTF-8. */
  encodingSamples: EncodingSample[]
}

/** The text with all line breaks outside quotes alike, to judge its layout. */
function alikeBreaks(text: string, lineBreak: LineBreak): string {
  if (hasOnlyBreak(text, lineBreak)) return text

  return unifyLineBreaks(text, lineBreak, null, 1, { count: 0, first: [] })
}

function chooseEncoding(
  bytes: Uint8Array,
  complete: boolean,
  picked: CsvEncoding | undefined,
): { encoding: CsvEncoding; bomLength: number; fellBack: boolean } {
  const bom = detectBom(bytes)
  if (bom && (!picked || picked === bom.encoding)) {
    return { encoding: bom.encoding, bomLength: bom.length, fellBack: false }
  }

  if (picked) return { encoding: picked, bomLength: 0, fellBack: false }

  if (isValidUtf8(bytes, complete)) {
    return { encoding: 'utf-8', bomLength: 0, fellBack: false }
  }

  // Mostly UTF-8 with a few lines from elsewhere: read as UTF-8, so that
  // most values are right and the few lines that are not are named.
  const lines = classifyEncodingLines(bytes, complete, Infinity)
  if (lines.utf8.length > lines.other.length) {
    return { encoding: 'utf-8', bomLength: 0, fellBack: false }
  }

  return { encoding: 'windows-1252', bomLength: 0, fellBack: true }
}

/** NUL bytes never occur in text files other than UTF-16. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0)
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03
}

function emptyHead(
  name: string,
  message: string,
  code: 'NO_DATA' | 'NOT_CSV' = 'NO_DATA',
): CsvHead {
  return {
    layout: { encoding: 'utf-8', hadBom: false, delimiter: ',', headerLine: 1 },
    columns: [],
    preview: [],
    problems: [
      fileProblem(
        code,
        'error',
        message,
        code === 'NOT_CSV'
          ? 'Export the data as CSV (comma- or semicolon-separated text) and choose that file.'
          : `Export the data again from its source and choose ${name} once more.`,
      ),
    ],
    fieldCount: 0,
    encodingSamples: [],
  }
}

function isBlank(record: CsvRecord): boolean {
  return record.values.length === 1 && record.values[0] === ''
}

/** Detects encoding, delimiter, header line; returns columns and the first rows. */
export async function readCsvHead(
  source: ByteSource,
  options: { layout?: Partial<CsvLayout>; previewRows?: number } = {},
): Promise<CsvHead> {
  const name = source.name
  const { bytes, complete } = await readHeadBytes(source, HEAD_BYTES)
  if (bytes.length === 0) {
    return emptyHead(name, `${name} is empty: it holds no header and no rows.`)
  }

  const picked = chooseEncoding(bytes, complete, options.layout?.encoding)
  if (!picked.encoding.startsWith('utf-16') && looksBinary(bytes)) {
    return emptyHead(
      name,
      `${name} is not a CSV file: it holds binary data${isZip(bytes) ? ' (it is a ZIP archive)' : ''}.`,
      'NOT_CSV',
    )
  }

  const decoder = new ChunkDecoder(picked.encoding, picked.bomLength)
  const text = decoder.decode(bytes) + (complete ? decoder.decode(null) : '')
  const lineBreak = detectLineBreak(text)
  const delimiter =
    options.layout?.delimiter ??
    detectDelimiter(alikeBreaks(text, lineBreak), lineBreak)
  const splitter = new RecordSplitter(delimiter, lineBreak)
  const all = splitter.push(text, complete)
  const otherBreaks = splitter.takeOtherBreaks()
  const records = all.filter((record) => !isBlank(record))
  const suggested = detectHeaderLine(records.slice(0, 40))
  const headerLine = options.layout?.headerLine ?? suggested
  const header = records.find((record) => record.line >= headerLine)
  if (!header) {
    return emptyHead(name, `${name} has no header line.`)
  }

  const layout: CsvLayout = {
    encoding: picked.encoding,
    hadBom: picked.bomLength > 0,
    delimiter,
    headerLine: header.line,
  }
  const problems: Problem[] = []
  const body = (header.values.length > 1 ? records : all).filter(
    (record) => record.line > header.line,
  )
  const preview = body
    .slice(0, options.previewRows ?? 50)
    .map((record, row) => ({ ...record, row }))
  const columns = buildColumns(name, header, body, problems)
  const encoding = encodingNotes({
    name,
    bytes,
    complete,
    encoding: picked.encoding,
    delimiter,
    columns,
    fellBack: picked.fellBack,
    damaged: decoder.invalidChunks > 0,
  })
  problems.push(...encoding.problems)

  if (otherBreaks.count > 0) {
    problems.push(
      lineBreakProblem(
        name,
        lineBreak,
        otherBreaks,
        complete ? 'whole' : 'head',
      ),
    )
  }

  if (header.line > 1 && options.layout?.headerLine === undefined) {
    problems.push(
      fileProblem(
        'HEADER_LINE',
        'warning',
        `The lines above line ${header.line} of ${name} look like a title or are blank, so line ${header.line} is taken as the header.`,
        'If another line holds the column names, choose it as the header line.',
        { line: header.line },
      ),
    )
  }

  if (body.length === 0 && complete) {
    problems.push(
      fileProblem(
        'NO_DATA',
        'error',
        `${name} has a header on line ${header.line} but no data rows below it.`,
        'Export the file again with its rows, or pick another file.',
      ),
    )
  }

  return {
    layout,
    columns,
    preview,
    problems,
    fieldCount: header.values.length,
    encodingSamples: encoding.samples,
  }
}
