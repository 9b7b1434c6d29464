import { writeJobCsv } from '../plan/job-file.ts'

/**
 * Spreadsheets run cells that start with these as formulas, also after
 * leading spaces or line breaks, and in their full-width forms (＝ ＋ －
 * ＠), which some spreadsheets fold to the ASCII signs.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/

/** A CSV export and what was done to it. */
export interface CsvExport {
  fileName: string
  content: string
  /** What was changed to keep a spreadsheet safe, if anything. */
  note: string | null
}

/** Makes a cell safe to open in a spreadsheet; null when it needs nothing. */
export function neutraliseCell(cell: string): string | null {
  return FORMULA_START.test(cell) ? `'${cell}` : null
}

/** Rows of cells, each made spreadsheet-safe; counts what changed. */
export function neutraliseRows(rows: readonly string[][]): {
  rows: string[][]
  changed: number
} {
  let changed = 0
  const safe = rows.map((row) =>
    row.map((cell) => {
      const fixed = neutraliseCell(cell)
      if (fixed === null) return cell

      changed += 1
      return fixed
    }),
  )
  return { rows: safe, changed }
}

/** The sentence a report shows about neutralised cells. */
export function neutralisedNote(changed: number): string | null {
  if (changed === 0) return null

  return (
    `${changed.toLocaleString('en')} ${changed === 1 ? 'cell starts' : 'cells start'} ` +
    'with =, +, -, @ (after spaces too, or in full-width form), a tab or a ' +
    'carriage return; the spreadsheet export puts ' +
    'an apostrophe before each so that a spreadsheet shows it as text instead ' +
    'of running it as a formula. The re-import export keeps them as they were.'
  )
}

/** The skipped rows for reading: original columns, the line and the reason, spreadsheet-safe. */
export function spreadsheetExport(
  baseName: string,
  columns: readonly string[],
  rows: readonly { values: string[]; line: number; reason: string }[],
): CsvExport {
  const table = rows.map((row) => [
    ...columns.map((_, i) => row.values[i] ?? ''),
    String(row.line),
    row.reason,
  ])
  const safe = neutraliseRows([
    [...columns, 'Line in file', 'Reason'],
    ...table,
  ])
  const [headers, ...body] = safe.rows
  return {
    fileName: `${baseName}-skipped.csv`,
    content: writeJobCsv(headers!, body),
    note: neutralisedNote(safe.changed),
  }
}

/** The skipped rows exactly as in the file, to fix and import again. */
export function reimportExport(
  baseName: string,
  columns: readonly string[],
  rows: readonly { values: string[] }[],
): CsvExport {
  return {
    fileName: `${baseName}-skipped-for-reimport.csv`,
    content: writeJobCsv(
      [...columns],
      rows.map((row) => columns.map((_, i) => row.values[i] ?? '')),
    ),
    note:
      'Cells are exactly as in your file (not made spreadsheet-safe); import ' +
      'this file again rather than opening it in a spreadsheet.',
  }
}
