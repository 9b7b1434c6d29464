import type { FileSummary } from '../../../app/contract.ts'

/** How many of the preview rows leave a column empty. */
export interface ColumnStats {
  empty: number
  of: number
}

/** Empty cells per column in the rows the File step read first. */
export function columnStats(file: FileSummary): Map<number, ColumnStats> {
  const stats = new Map<number, ColumnStats>()
  for (const column of file.columns) {
    let empty = 0
    for (const record of file.preview) {
      if ((record.values[column.index] ?? '').trim() === '') empty++
    }

    stats.set(column.index, { empty, of: file.preview.length })
  }

  return stats
}
