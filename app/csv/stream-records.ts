import type { Problem } from '../check/problem.ts'
import { ChunkDecoder, detectBom } from './decode-bytes.ts'
import type { ByteSource, CsvLayout, CsvRecord } from './csv-types.ts'
import { EncodingWatch } from './encoding-watch.ts'
import { LeftOutColumns } from './header-columns.ts'
import { HEAD_BYTES } from './read-head-bytes.ts'
import {
  fieldCountProblem,
  fileProblem,
  lineBreakProblem,
} from './read-problems.ts'
import {
  type LineBreak,
  RecordSplitter,
  type SplitFault,
  detectLineBreak,
} from './record-splitter.ts'

/** How records are handed out, and where reading problems go. */
export interface ReadOptions {
  /** Records per yielded batch (default 2,000). */
  batchSize?: number
  /**
   * Receives problems found while reading: rows with the wrong field count,
   * quoting faults, bytes invalid in the encoding.
   */
  onProblem?: (problem: Problem) => void
  /** Told how many bytes of the file have been read so far (for progress). */
  onBytes?: (bytesRead: number) => void
  /**
   * The source is one part of a larger file, read by itself (a check split
   * across threads); see FilePart.
   */
  part?: FilePart
}

/** Where a part of a file lies, for reading it on its own. */
export interface FilePart {
  /**
   * The physical line the part starts on and the header's field count, for
   * a later part: all its records are data. Null for the first part.
   */
  later: { firstLine: number; fieldCount: number } | null
  /** The part ends before the file does, just after a line feed. */
  endsEarly: boolean
  /**
   * Told at the end whether the part's text ended exactly where a record
   * ended (else the part was cut inside a quoted value), and which line
   * break the part took for its own (a later part judges it from its own
   * first lines, not from the file's head).
   */
  onEnd?: (clean: boolean, lineBreak: LineBreak) => void
}

/**
 * Bytes decoded and split at a time. Small pieces keep each batch of
 * records short-lived, so the garbage collector frees them cheaply.
 */
const SLICE_BYTES = 64 * 1024

function faultProblem(name: string, fault: SplitFault): Problem {
  if (fault.kind === 'InvalidQuotes') {
    return fileProblem(
      'MALFORMED_QUOTES',
      'warning',
      `Line ${fault.line} of ${name} has text after the closing quote of a value; it was kept as written.`,
      'A quote inside a quoted value must be doubled ("").',
      { line: fault.line },
    )
  }

  return fileProblem(
    'MALFORMED_QUOTES',
    'error',
    `A quote opened on line ${fault.line} of ${name} is never closed, so the rest of the file cannot be split into rows.`,
    'Close the quote (or double the quote if it is part of the value) and read the file again.',
    { line: fault.line },
  )
}

/** Streams every data record (header excluded) in batches, in file order. */
export async function* readCsvRecords(
  source: ByteSource,
  layout: CsvLayout,
  options: ReadOptions = {},
): AsyncIterable<CsvRecord[]> {
  const name = source.name
  const report = options.onProblem ?? (() => {})
  const batchSize = options.batchSize ?? 500
  let decoder: ChunkDecoder | null = null
  let splitter: RecordSplitter | null = null
  const later = options.part?.later ?? null
  const endsEarly = options.part?.endsEarly ?? false
  // A later part lies wholly past what the head read.
  const headBytes = later ? 0 : HEAD_BYTES
  let fieldCount = later ? later.fieldCount : -1
  let row = 0
  let faultsSeen = 0
  let batch: CsvRecord[] = []
  let early = ''
  let earlyAscii = true
  let bytesRead = 0
  let wholeBytes = 0
  // Records past what the head read; notes about the head's part are its own.
  let pastHead = false
  let leftOut: LeftOutColumns | null = null
  const watch = new EncodingWatch(name, layout.encoding)

  const take = (records: CsvRecord[]): void => {
    for (const record of records) {
      if (record.line < layout.headerLine) continue

      if (fieldCount === -1) {
        fieldCount = record.values.length
        leftOut = new LeftOutColumns(name, record)
        watch.setHeader(record.values)
        continue
      }

      // A blank line is no record, except in a one-column file, where it
      // is an empty value (a writer may have written it as "").
      if (
        fieldCount > 1 &&
        record.values.length === 1 &&
        record.values[0] === ''
      ) {
        continue
      }

      record.row = row++
      if (record.values.length !== fieldCount) {
        report(fieldCountProblem(name, record, fieldCount))
      }

      if (leftOut && !leftOut.done) {
        if (pastHead) leftOut.check(record, report)
        else leftOut.seenInHead(record)
      }

      batch.push(record)
    }

    if (pastHead) watch.sawRecords(records, report)
  }

  const notice = (): void => {
    if (!decoder || !splitter) return

    while (faultsSeen < splitter.faults.length) {
      report(faultProblem(name, splitter.faults[faultsSeen++] as SplitFault))
    }
  }

  for await (const whole of source.chunks()) {
    // The head (readCsvHead) read whole chunks up to HEAD_BYTES and noted
    // what it saw there; notes from here on cover only what lies beyond.
    const inHead = wholeBytes < headBytes
    wholeBytes += whole.length
    for (let at = 0; at < whole.length; at += SLICE_BYTES) {
      const chunk = whole.subarray(at, at + SLICE_BYTES)
      bytesRead += chunk.length
      options.onBytes?.(bytesRead)
      if (!decoder) {
        const bom = layout.hadBom && !later ? detectBom(chunk) : null
        decoder = new ChunkDecoder(
          layout.encoding,
          bom?.length ?? 0,
          source.ascii,
        )
      }

      const damagedBefore = decoder.invalidChunks
      let text = decoder.decode(chunk)
      let ascii = decoder.lastAscii
      if (!inHead && !ascii) {
        watch.sawText(text, decoder.invalidChunks > damagedBefore)
      }

      if (!splitter) {
        // The line break is judged on the same text as the head judged it
        // (all of the head), once that text holds a whole one.
        early += text
        earlyAscii &&= ascii
        const headRead =
          wholeBytes >= headBytes && at + SLICE_BYTES >= whole.length
        if (inHead && !headRead) continue

        if (!/\n|\r[^\n]/.test(early)) continue

        splitter = new RecordSplitter(
          layout.delimiter,
          detectLineBreak(early),
          later?.firstLine,
        )
        text = early
        ascii = earlyAscii
        early = ''
      }

      pastHead = !inHead
      take(splitter.push(text, false, ascii))
      if (inHead) splitter.takeOtherBreaks()

      notice()
      if (splitter.overflowed) {
        // The reason is reported; the rows read so far still go out.
        if (batch.length > 0) yield batch
        return
      }

      if (batch.length >= batchSize) {
        yield batch
        batch = []
      }
    }
  }

  if (decoder) {
    const damagedBefore = decoder.invalidChunks
    const rest = early + decoder.decode(null)
    splitter ??= new RecordSplitter(
      layout.delimiter,
      detectLineBreak(rest),
      later?.firstLine,
    )
    pastHead = wholeBytes >= headBytes
    // A file that ends inside a character is damaged at its very end.
    if (pastHead) watch.sawText(rest, decoder.invalidChunks > damagedBefore)

    take(splitter.push(rest, !endsEarly))
    options.part?.onEnd?.(!splitter.unfinished, splitter.lineBreak)
    notice()
    watch.finish(report)
    const otherBreaks = splitter.takeOtherBreaks()
    if (otherBreaks.count > 0 && wholeBytes >= headBytes) {
      report(
        lineBreakProblem(name, splitter.lineBreak, otherBreaks, 'beyond-head'),
      )
    }
  }

  if (batch.length > 0) yield batch
}
