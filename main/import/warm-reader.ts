import { readCsvHead, readCsvRecords } from '../../app/csv/read-csv.ts'
import { textSource } from '../../app/csv/read-head-bytes.ts'
import { createLogger } from '../log/logger.ts'

const log = createLogger('files')

/** A made-up file with what real ones hold: quotes, accents, blanks. */
function sampleText(rows: number): string {
  const lines = ['Id,Name,Company,Email,Phone,Note']
  for (let i = 0; i < rows; i++) {
    const company = i % 3 === 0 ? `"Lane, Hale and Co ${i}"` : `Firm ${i}`
    const note = i % 11 === 0 ? `"said ""yes""\nthen left"` : `Zoë ${i}`
    lines.push(
      `${i},Person ${i},${company},p${i}@example.org,+44 20 7946 ${i},${note}`,
    )
  }

  return lines.join('\r\n') + '\r\n'
}

/**
 * Reads a small made-up file once, so that the reader's code is compiled
 * and optimised before the user drops the first real one: the first rows
 * of a big file then show in about half the time. Runs in the background
 * at start; it touches no file and keeps nothing.
 */
export async function warmReader(): Promise<void> {
  const started = Date.now()
  const source = textSource('warm-up.csv', sampleText(4000), 64 * 1024)
  const head = await readCsvHead(source, { previewRows: 200 })
  let rows = 0
  for await (const batch of readCsvRecords(source, head.layout)) {
    rows += batch.length
  }

  log.debug(
    `reader warmed on ${rows} made-up rows in ${Date.now() - started} ms`,
  )
}
