import { randomUUID } from 'node:crypto'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ColumnSummary, FileSummary } from '../../app/contract.ts'
import type { ByteSource, CsvLayout } from '../../app/csv/csv-types.ts'
import {
  readCsvHead,
  readCsvRecords,
  type CsvHead,
} from '../../app/csv/read-csv.ts'
import { fileByteSource } from '../files/file-byte-source.ts'
import {
  firstBytes,
  looksLikeZip,
  unzipSingleCsv,
} from '../files/unzip-single-csv.ts'
import { createLogger } from '../log/logger.ts'
import { UserFacingError } from '../user-facing-error.ts'

const log = createLogger('files')

/** Files larger than this are refused when they arrive as bytes over IPC. */
const MAX_BYTES_OVER_IPC = 512 * 1024 * 1024

/** Error codes meaning "this file cannot be read as a CSV". */
export const FILE_ERROR_CODES: ReadonlySet<string> = new Set([
  'FILE_NOT_FOUND',
  'EMPTY_FILE',
  'NOT_CSV',
  'NO_DATA_ROWS',
  'FILE_TOO_LARGE',
  'BAD_ZIP',
  'ZIP_NOT_ONE_CSV',
  'ZIP_TOO_LARGE',
])

/** A file the user opened, kept while the wizard works on it. */
export interface OpenFile {
  fileId: string
  path: string
  name: string
  size: number
  head: CsvHead
  source: ByteSource
  /** Known once the background count has finished. */
  rowCount: number | null
}

/** Reads on until the first data record; false when there is none. */
async function hasAnyRecord(
  source: ByteSource,
  head: CsvHead,
): Promise<boolean> {
  for await (const batch of readCsvRecords(source, head.layout)) {
    if (batch.length > 0) return true
  }
  return false
}

/** Refuses empty files and files that are plainly not text. */
async function refuseNonCsv(source: ByteSource, size: number): Promise<void> {
  if (size === 0) {
    throw new UserFacingError(
      'EMPTY_FILE',
      `${source.name} is empty. Choose a CSV file with a header line and rows.`,
    )
  }

  for await (const chunk of source.chunks()) {
    const head = chunk.subarray(0, 4096)
    const utf16 =
      (head[0] === 0xff && head[1] === 0xfe) ||
      (head[0] === 0xfe && head[1] === 0xff)
    if (!utf16 && head.includes(0)) {
      throw new UserFacingError(
        'NOT_CSV',
        `${source.name} is not a CSV file (it holds binary data). In your ` +
          'spreadsheet, use "Save as" or "Export" and choose CSV.',
      )
    }
    break
  }
}

function summarise(file: OpenFile): FileSummary {
  const columns: ColumnSummary[] = file.head.columns.map((column) => ({
    ...column,
    samples: file.head.preview
      .map((record) => record.values[column.index] ?? '')
      .filter((value) => value !== '')
      .slice(0, 3),
  }))

  return {
    fileId: file.fileId,
    name: file.name,
    size: file.size,
    layout: file.head.layout,
    columns,
    preview: file.head.preview,
    problems: file.head.problems,
  }
}

/** Opens CSV files and keeps them by id for the later steps. */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>()

  constructor(private readonly uploadDir: string) {}

  /**
   * Reads an open file again with the encoding, delimiter or header line
   * the user chose instead of the detected ones. It gets a new id, so that
   * nothing counted or checked under the old layout is mixed in.
   */
  async reopen(
    fileId: string,
    layout: Partial<CsvLayout>,
  ): Promise<FileSummary> {
    const old = this.get(fileId)
    const head = await readCsvHead(old.source, { layout })
    if (head.preview.length === 0 && !(await hasAnyRecord(old.source, head))) {
      throw new UserFacingError(
        'NO_DATA_ROWS',
        `Read that way, ${old.name} has no data rows. Choose another setting.`,
      )
    }

    const file: OpenFile = {
      ...old,
      fileId: randomUUID(),
      head,
      rowCount: null,
    }
    this.files.set(file.fileId, file)
    log.info(`reopened a file with ${head.columns.length} columns`)
    return summarise(file)
  }

  /** Opens a file on disk and reads its first rows. */
  async openPath(path: string, displayName?: string): Promise<FileSummary> {
    const info = await stat(path).catch(() => null)
    if (info === null || !info.isFile()) {
      const what = info?.isDirectory()
        ? 'it is a folder, not a file'
        : 'no such file'
      throw new UserFacingError(
        'FILE_NOT_FOUND',
        `Cannot open ${displayName ?? path}: ${what}. Check the path (or choose the file again).`,
      )
    }

    if (looksLikeZip(await firstBytes(path))) {
      return this.openZip(path, displayName ?? basename(path), info.size)
    }

    const source = await fileByteSource(path, displayName)
    await refuseNonCsv(source, info.size)
    const head = await readCsvHead(source)
    const unusable = head.problems.find(
      (problem) => problem.code === 'NO_DATA' || problem.code === 'NOT_CSV',
    )
    if (unusable) {
      // Blank lines only, a byte-order mark only: nothing to map.
      throw new UserFacingError(
        'NO_DATA_ROWS',
        `${unusable.message} ${unusable.fix ?? ''}`.trim(),
      )
    }

    // The head reads a bounded number of bytes: a first row longer than
    // that leaves the preview empty although the file has rows.
    if (head.preview.length === 0 && !(await hasAnyRecord(source, head))) {
      throw new UserFacingError(
        'NO_DATA_ROWS',
        `${source.name} has a header line but no data rows. Export the file ` +
          'again with its data, or choose another file.',
      )
    }
    const file: OpenFile = {
      fileId: randomUUID(),
      path,
      name: source.name,
      size: info.size,
      head,
      source,
      rowCount: null,
    }
    this.files.set(file.fileId, file)
    log.info(
      `opened a file of ${info.size} bytes, ${head.columns.length} columns, ` +
        `${head.problems.length} file problems`,
    )
    return summarise(file)
  }

  /** Opens the one CSV inside a ZIP, unpacked into the app's folder. */
  private async openZip(
    path: string,
    name: string,
    size: number,
  ): Promise<FileSummary> {
    await mkdir(this.uploadDir, { recursive: true })
    const target = join(this.uploadDir, `${randomUUID()}.csv`)
    const inner = await unzipSingleCsv(path, name, target, size)
    return this.openPath(target, `${inner} (from ${name})`)
  }

  /** Keeps bytes that have no path on disk in the app's folder, then opens them. */
  async openBytes(name: string, bytes: Uint8Array): Promise<FileSummary> {
    if (bytes.byteLength > MAX_BYTES_OVER_IPC) {
      throw new UserFacingError(
        'FILE_TOO_LARGE',
        `${name} is too large to open this way. Drop it from your disk instead.`,
      )
    }

    await mkdir(this.uploadDir, { recursive: true })
    const path = join(this.uploadDir, `${randomUUID()}.csv`)
    await writeFile(path, bytes)
    return this.openPath(path, name)
  }

  /** The open file with this id; a clear error when it is gone. */
  get(fileId: string): OpenFile {
    const file = this.files.get(fileId)
    if (file === undefined) {
      throw new UserFacingError(
        'FILE_CLOSED',
        'That file is no longer open. Drop it in again.',
      )
    }
    return file
  }
}
