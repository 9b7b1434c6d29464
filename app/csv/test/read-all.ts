import type { Problem } from '../../check/problem.ts'
import type { ByteSource, CsvLayout, CsvRecord } from '../csv-types.ts'
import { readCsvHead, readCsvRecords } from '../read-csv.ts'

/** Reads a source as the app does: its head, every record, every problem. */
export async function readAll(source: ByteSource, layout?: Partial<CsvLayout>) {
  const head = await readCsvHead(source, layout ? { layout } : {})
  const records: CsvRecord[] = []
  const problems: Problem[] = []
  for await (const batch of readCsvRecords(source, head.layout, {
    onProblem: (problem) => problems.push(problem),
  })) {
    for (const record of batch) records.push(record)
  }

  return { head, records, problems }
}
