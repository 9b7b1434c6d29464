import { createReadStream } from 'node:fs'
import { ChunkDecoder, detectBom } from '../../app/csv/decode-bytes.ts'
import type { CsvEncoding, CsvRecord } from '../../app/csv/csv-types.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import {
  detectLineBreak,
  RecordSplitter,
  type LineBreak,
} from '../../app/csv/record-splitter.ts'
import { nodeAscii } from '../files/node-ascii.ts'
import { createLogger } from '../log/logger.ts'
import type { OpenFile } from './open-files.ts'

const log = createLogger('grid')

/** Bytes read per step while indexing; one checkpoint per step. */
const STEP_BYTES = 256 * 1024

/** Rows this close to the start are read from the start, index or not. */
const FROM_START_ROWS = 2000

/** Where a record starts: its byte offset, data row and physical line. */
interface Checkpoint {
  byte: number
  row: number
  line: number
}

function byteLength(text: string, encoding: CsvEncoding): number {
  if (encoding === 'utf-8') return Buffer.byteLength(text, 'utf8')

  return encoding === 'windows-1252' ? text.length : text.length * 2
}

function isBlank(values: string[]): boolean {
  return values.length === 1 && values[0] === ''
}

/**
 * A sparse index of record starts in a file on disk, so that the grid can
 * read any page of rows by seeking, without holding the rows in memory: one
 * checkpoint (byte, row, line) every 256 KB, about 500 for a 124 MB file.
 * Built once in the background; pages before it is done read what is built.
 */
export class RowIndex {
  private readonly checkpoints: Checkpoint[] = []
  private lineBreak: LineBreak = '\n'
  /** Byte offsets cannot be trusted (bytes invalid in the encoding). */
  private unreliable = false
  private built = false
  readonly ready: Promise<void>

  constructor(
    private readonly file: OpenFile,
    private readonly stepBytes = STEP_BYTES,
  ) {
    this.ready = this.build().catch((error: unknown) => {
      this.unreliable = true
      log.error('row index failed; pages are read from the start', error)
    })
  }

  private async build(): Promise<void> {
    const { layout } = this.file.head
    const started = Date.now()
    const stream = createReadStream(this.file.path, {
      highWaterMark: this.stepBytes,
    })
    let decoder: ChunkDecoder | null = null
    // The same splitter as the reader's, so that rows are counted alike
    // (mixed line breaks included).
    let splitter: RecordSplitter | null = null
    let early = ''
    let earlyAscii = true
    let offset = 0
    let row = 0
    let fieldCount = -1

    for await (const raw of stream) {
      const chunk = raw as Buffer
      if (decoder === null) {
        const bom = layout.hadBom ? detectBom(chunk) : null
        offset = bom?.length ?? 0
        decoder = new ChunkDecoder(layout.encoding, offset, nodeAscii)
      }

      let text = decoder.decode(chunk)
      let ascii = decoder.lastAscii
      if (layout.encoding === 'utf-8' && decoder.invalidChunks > 0) {
        this.unreliable = true
        break
      }

      if (splitter === null) {
        early += text
        earlyAscii &&= ascii
        if (!/\n|\r[^\n]/.test(early)) continue

        this.lineBreak = detectLineBreak(early)
        splitter = new RecordSplitter(layout.delimiter, this.lineBreak)
        text = early
        ascii = earlyAscii
        early = ''
      }

      if (fieldCount !== -1) {
        this.checkpoints.push({ byte: offset, row, line: splitter.lineAhead })
      }

      const fed = splitter.unconsumed + text
      for (const record of splitter.push(text, false, ascii)) {
        if (fieldCount === -1) {
          if (record.line >= layout.headerLine && !isBlank(record.values)) {
            fieldCount = record.values.length
          }

          continue
        }

        if (fieldCount === 1 || !isBlank(record.values)) row++
      }

      const consumed = fed.slice(0, fed.length - splitter.unconsumed.length)
      offset += byteLength(consumed, layout.encoding)
    }

    this.built = true
    log.info(
      `indexed ${row} rows in ${Date.now() - started} ms, ${this.checkpoints.length} checkpoints`,
    )
  }

  /** The last checkpoint at or before a row, or null for "from the start". */
  private checkpointFor(row: number): Checkpoint | null {
    if (this.unreliable) return null

    let low = 0
    let high = this.checkpoints.length - 1
    let found: Checkpoint | null = null
    while (low <= high) {
      const middle = (low + high) >> 1
      const point = this.checkpoints[middle] as Checkpoint
      if (point.row <= row) {
        found = point
        low = middle + 1
      } else {
        high = middle - 1
      }
    }

    return found
  }

  /**
   * Reads the records of the given rows (ascending), seeking to the
   * nearest checkpoint for each run of nearby rows.
   */
  async readRows(rows: number[]): Promise<Map<number, CsvRecord>> {
    const found = new Map<number, CsvRecord>()
    let at = 0
    while (at < rows.length) {
      const first = rows[at] as number
      let start = this.checkpointFor(first)
      const nearStart = start === null && first < FROM_START_ROWS
      if (!this.built && start === this.last() && !nearStart) {
        // The index has not reached this row yet.
        await this.ready
        start = this.checkpointFor(first)
      }

      const next = this.checkpoints.find((p) => p.row > first)
      const stopBefore = next?.row ?? Infinity
      const group: number[] = []
      while (at < rows.length && (rows[at] as number) < stopBefore) {
        group.push(rows[at] as number)
        at++
      }

      await this.readGroup(start, group, found)
    }

    return found
  }

  private last(): Checkpoint | null {
    return this.checkpoints[this.checkpoints.length - 1] ?? null
  }

  private async readGroup(
    start: Checkpoint | null,
    group: number[],
    found: Map<number, CsvRecord>,
  ): Promise<void> {
    const wanted = new Set(group)
    const lastRow = group[group.length - 1] as number
    for await (const batch of this.recordsFrom(start)) {
      for (const record of batch) {
        if (wanted.has(record.row)) found.set(record.row, record)
      }

      if ((batch[batch.length - 1]?.row ?? -1) >= lastRow) return
    }
  }

  private async *recordsFrom(
    start: Checkpoint | null,
  ): AsyncIterable<CsvRecord[]> {
    const { layout } = this.file.head
    if (start === null) {
      yield* readCsvRecords(this.file.source, layout, { batchSize: 500 })
      return
    }

    const decoder = new ChunkDecoder(layout.encoding, 0, nodeAscii)
    const splitter = new RecordSplitter(layout.delimiter, this.lineBreak)
    let row = start.row
    const stream = createReadStream(this.file.path, {
      start: start.byte,
      highWaterMark: 64 * 1024,
    })
    const number = (records: CsvRecord[]): CsvRecord[] => {
      const out: CsvRecord[] = []
      for (const record of records) {
        // As the reader: a blank line is a record only in a one-column file.
        if (this.file.head.fieldCount > 1 && isBlank(record.values)) continue

        out.push({
          row: row++,
          line: start.line - 1 + record.line,
          endLine: start.line - 1 + record.endLine,
          values: record.values,
          plain: record.plain,
        })
      }

      return out
    }

    try {
      for await (const chunk of stream) {
        const text = decoder.decode(chunk as Buffer)
        yield number(splitter.push(text, false, decoder.lastAscii))
      }

      yield number(splitter.push(decoder.decode(null), true))
    } finally {
      stream.destroy()
    }
  }
}

const indexes = new Map<string, RowIndex>()

/** The row index of an open file, started on first use. */
export function rowIndexFor(file: OpenFile): RowIndex {
  let index = indexes.get(file.fileId)
  if (index === undefined) {
    index = new RowIndex(file)
    indexes.set(file.fileId, index)
  }

  return index
}
