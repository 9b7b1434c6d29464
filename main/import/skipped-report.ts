import type { ExportedFile, ReportRow, ReportView } from '../../app/contract.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import { writeJobCsv } from '../../app/plan/job-file.ts'
import type { OpenFile } from './open-files.ts'
import type { RunRecord } from './run-store.ts'

/** Builds the report of a run: every skipped or excluded row with its values. */
export async function buildReport(
  run: RunRecord,
  file: OpenFile,
): Promise<ReportView> {
  const wanted = new Map(
    run.outcomes
      .filter(
        (outcome) => outcome.kind === 'skipped' || outcome.kind === 'excluded',
      )
      .map((outcome) => [outcome.row, outcome]),
  )
  const rows: ReportRow[] = []

  for await (const records of readCsvRecords(file.source, file.head.layout)) {
    for (const record of records) {
      const outcome = wanted.get(record.row)
      if (outcome === undefined) continue
      rows.push({
        row: record.row,
        line: record.line,
        kind: outcome.kind === 'excluded' ? 'excluded' : 'skipped',
        values: record.values,
        reason: outcome.reason ?? 'No reason given.',
      })
    }
  }

  return {
    runId: run.view.runId,
    fileName: run.view.fileName,
    columns: file.head.columns.map((column) => column.name),
    counts: run.view.counts,
    rows,
  }
}

/** Spreadsheets run cells that start with these as formulas. */
const FORMULA_START = /^[=+\-@\t\r]/

/** Makes a cell safe to open in a spreadsheet; says whether it changed it. */
function neutralise(cell: string): { text: string; changed: boolean } {
  return FORMULA_START.test(cell)
    ? { text: `'${cell}`, changed: true }
    : { text: cell, changed: false }
}

/** The skipped rows as CSV: the file's own columns, its line, and the reason. */
export function exportSkippedCsv(report: ReportView): ExportedFile {
  let changed = 0
  const rows = report.rows.map((row) =>
    [...row.values, String(row.line), row.reason].map((cell) => {
      const safe = neutralise(cell)
      if (safe.changed) changed += 1
      return safe.text
    }),
  )
  const headers = [...report.columns, 'Line in file', 'Reason']
  const base = report.fileName.replace(/\.csv$/i, '')

  return {
    fileName: `${base}-skipped.csv`,
    content: writeJobCsv(headers, rows),
    note:
      changed === 0
        ? null
        : `${changed} cells started with =, +, -, @, tab or carriage return; ` +
          'each got a leading apostrophe so that a spreadsheet shows it as text ' +
          'instead of running it as a formula.',
  }
}
