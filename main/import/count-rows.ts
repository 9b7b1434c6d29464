import type { FileProgress } from '../../app/contract.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import { createLogger } from '../log/logger.ts'
import type { OpenFile } from './open-files.ts'

const log = createLogger('files')

/** Progress is sent at most this often. */
const EVERY_ROWS = 50_000

/**
 * Counts a file's records in the background after its first rows are
 * shown, reporting progress as it goes. The answer is kept on the file.
 */
export async function countRows(
  file: OpenFile,
  report: (progress: FileProgress) => void,
): Promise<number> {
  let rowsRead = 0
  let next = EVERY_ROWS
  for await (const batch of readCsvRecords(file.source, file.head.layout)) {
    rowsRead += batch.length
    if (rowsRead >= next) {
      report({ fileId: file.fileId, rowsRead, done: false })
      next = rowsRead + EVERY_ROWS
    }
  }

  file.rowCount = rowsRead
  report({ fileId: file.fileId, rowsRead, done: true })
  log.info(`counted ${rowsRead} rows`)
  return rowsRead
}
