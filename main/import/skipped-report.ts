import type { ExportedFile, ReportRow, ReportView } from '../../app/contract.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import { countReasons, reasonGroup } from '../../app/report/reason-groups.ts'
import {
  neutraliseCell,
  reimportExport,
  spreadsheetExport,
} from '../../app/report/spreadsheet-safe.ts'
import type { RowOutcome } from '../../app/results/row-outcome.ts'
import { fileChange } from '../runs/fingerprint.ts'
import type { OpenFile } from './open-files.ts'
import type { RunRecord, RunStore } from './run-store.ts'
import {
  changedCells,
  loadRunFixes,
  valuesFromJobCells,
} from './sent-values.ts'

/** Rows a report sends to the screen; exports always hold every row. */
export const MAX_REPORT_ROWS = 20_000

/** What a report needs besides the run. */
export interface ReportDeps {
  store: RunStore
  openFile(path: string, name: string): Promise<OpenFile>
  /** The run that re-ran this one's skipped rows, if any. */
  nextRunId(runId: string): Promise<string | null>
}

/** The rows of a run that did not make it: excluded, then each job's skipped. */
export async function notImported(
  run: RunRecord,
  store: RunStore,
): Promise<RowOutcome[]> {
  const runId = run.view.runId
  const outcomes = await store.loadOutcomes(runId, 'excluded')
  for (let index = 0; index < run.jobs.length; index++) {
    if (run.jobs[index]!.phase !== 'ended') continue

    const job = await store.loadOutcomes(runId, `job-${index + 1}`)
    outcomes.push(...job.filter((outcome) => outcome.kind === 'skipped'))
  }
  return outcomes.sort((a, b) => a.row - b.row)
}

async function readValues(
  run: RunRecord,
  rows: ReadonlySet<number>,
  deps: ReportDeps,
): Promise<{ columns: string[]; values: Map<number, string[]> } | string> {
  const change = await fileChange(run.file)
  if (change !== null) return change

  const file = await deps.openFile(run.file.path, run.file.name)
  const values = new Map<number, string[]>()
  for await (const records of readCsvRecords(file.source, file.head.layout)) {
    for (const record of records) {
      if (rows.has(record.row)) values.set(record.row, record.values)
    }
  }
  return { columns: file.head.columns.map((c) => c.name), values }
}

/**
 * The cells each skipped row was sent with, read from the job files of the
 * jobs they went in (one job in memory at a time).
 */
async function sentCells(
  run: RunRecord,
  rows: ReadonlySet<number>,
  store: RunStore,
): Promise<Map<number, string[]>> {
  const cells = new Map<number, string[]>()
  for (let index = 0; index < run.jobs.length; index++) {
    // Once every skipped row is found, later jobs need not be read.
    if (cells.size === rows.size) break

    const sent = await store.loadJobRows(run.view.runId, index)
    for (const row of sent ?? []) {
      if (rows.has(row.row)) cells.set(row.row, row.cells)
    }
  }
  return cells
}

/**
 * Each row's values as Zoho received them (skipped rows) or as the user
 * left them on the Check step (excluded rows), with the file's own values
 * where they differ: a fix and re-run starts from what was refused.
 */
async function valuesAsSent(
  run: RunRecord,
  outcomes: readonly RowOutcome[],
  file: Map<number, string[]>,
  store: RunStore,
): Promise<Map<number, Pick<ReportRow, 'values' | 'changed'>>> {
  const skipped = new Set(
    outcomes.filter((o) => o.kind !== 'excluded').map((o) => o.row),
  )
  const cells = await sentCells(run, skipped, store)
  const fixes = await loadRunFixes(store, run.view.runId)
  const result = new Map<number, Pick<ReportRow, 'values' | 'changed'>>()
  for (const outcome of outcomes) {
    const original = file.get(outcome.row)
    if (original === undefined) continue

    const sent = cells.get(outcome.row)
    const values = sent
      ? valuesFromJobCells(original, sent, run.columns)
      : fixes.apply({
          row: outcome.row,
          line: outcome.line,
          endLine: outcome.line,
          values: original,
        }).values
    result.set(outcome.row, { values, changed: changedCells(original, values) })
  }
  return result
}

/** Builds the report of a run: counts, reasons, and every row not imported. */
export async function buildReport(
  run: RunRecord,
  deps: ReportDeps,
  maxRows = MAX_REPORT_ROWS,
): Promise<ReportView> {
  const label = (name: string) => run.labels[name] ?? name
  const outcomes = await notImported(run, deps.store)
  const shown = outcomes.slice(0, maxRows)
  const source = await readValues(run, new Set(shown.map((o) => o.row)), deps)
  const known = typeof source === 'string' ? null : source
  const asSent = known
    ? await valuesAsSent(run, shown, known.values, deps.store)
    : new Map<number, Pick<ReportRow, 'values' | 'changed'>>()
  const rows: ReportRow[] = shown.map((outcome) => ({
    row: outcome.row,
    line: outcome.line,
    kind: outcome.kind === 'excluded' ? 'excluded' : 'skipped',
    values: asSent.get(outcome.row)?.values ?? [],
    changed: asSent.get(outcome.row)?.changed ?? [],
    reason: outcome.reason ?? 'No reason given.',
    group: reasonGroup(outcome, label),
  }))
  const notices = [
    typeof source === 'string'
      ? `${source} The rows' own values cannot be shown; their lines and reasons can.`
      : null,
    outcomes.length > maxRows
      ? `The first ${maxRows.toLocaleString('en')} of ${outcomes.length.toLocaleString('en')} rows are shown; the exports hold them all.`
      : null,
  ].filter((n) => n !== null)

  return {
    runId: run.view.runId,
    fileName: run.view.fileName,
    module: run.view.module,
    startedAt: run.view.startedAt,
    state: run.view.state,
    columns: known?.columns ?? [],
    counts: run.view.counts,
    jobs: run.view.jobs,
    rows,
    reasons: countReasons(outcomes.map((o) => reasonGroup(o, label))),
    previousRunId: run.view.previousRunId,
    nextRunId: await deps.nextRunId(run.view.runId),
    formulaCells: rows.reduce(
      (sum, row) =>
        sum + row.values.filter((v) => neutraliseCell(v) !== null).length,
      0,
    ),
    notice: notices.length > 0 ? notices.join(' ') : null,
  }
}

/** The export's column that names the values changed in Bulkwright. */
export const CHANGED_COLUMN = 'Changed in Bulkwright (the file had)'

/** What the file had where a row's values were changed, in words. */
function changedNote(report: ReportView, row: ReportRow): string {
  return row.changed
    .map(
      ({ column, original }) =>
        `${report.columns[column] ?? `column ${column + 1}`}: ${original === '' ? '(empty)' : original}`,
    )
    .join('; ')
}

/**
 * The skipped rows as a file, with the values that were sent: spreadsheet-
 * safe with reasons (and what the file had where a value was changed), or
 * raw for re-import.
 */
export function exportSkipped(
  report: ReportView,
  format: 'spreadsheet' | 'reimport' = 'spreadsheet',
): ExportedFile {
  const base = report.fileName.replace(/\.csv$/i, '')
  if (format === 'reimport')
    return reimportExport(base, report.columns, report.rows)

  if (!report.rows.some((row) => row.changed.length > 0))
    return spreadsheetExport(base, report.columns, report.rows)

  return spreadsheetExport(
    base,
    [...report.columns, CHANGED_COLUMN],
    report.rows.map((row) => ({
      ...row,
      values: [
        ...report.columns.map((_, i) => row.values[i] ?? ''),
        changedNote(report, row),
      ],
    })),
  )
}
