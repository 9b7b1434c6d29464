import JSZip from 'jszip'
import Papa from 'papaparse'
import { writeAtomic } from './json-file.ts'
import type { RowOutcome } from './row-processor.ts'
import type { FieldMapping } from './types.ts'

/** The columns of the input echoed in the result: the first three mapped. */
export function echoedColumns(mappings: FieldMapping[]): number[] {
  return mappings
    .map((m) => m.index)
    .filter((i): i is number => i !== null)
    .slice(0, 3)
}

/** The result CSV's name inside the ZIP: `<Module>-<input name>`. */
export function resultCsvName(module: string, csvName: string): string {
  const base = csvName.split('/').pop() ?? csvName
  return `${module}-${base}`
}

/**
 * Writes the result ZIP of a job: one CSV with the first three mapped
 * input columns, then STATUS, RECORD_ID and ERRORS, one line per input
 * row in input order.
 */
export async function writeResultZip(
  path: string,
  csvName: string,
  header: string[],
  columns: number[],
  rows: string[][],
  outcomes: RowOutcome[],
): Promise<void> {
  const lines: string[][] = [
    [...columns.map((i) => header[i] ?? ''), 'STATUS', 'RECORD_ID', 'ERRORS'],
  ]
  rows.forEach((row, n) => {
    const outcome = outcomes[n]
    lines.push([
      ...columns.map((i) => row[i] ?? ''),
      outcome?.status ?? 'UNPROCESSED',
      outcome?.recordId ?? '',
      outcome?.errors ?? '',
    ])
  })
  const zip = new JSZip()
  zip.file(csvName, Papa.unparse(lines, { newline: '\n' }))
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 1 },
  })
  await writeAtomic(path, bytes)
}
