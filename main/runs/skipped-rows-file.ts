import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeJobCsv } from '../../app/plan/job-file.ts'
import { buildReport, type ReportDeps } from '../import/skipped-report.ts'
import type { RunRecord } from '../import/run-store.ts'
import { UserFacingError } from '../user-facing-error.ts'

/** A file of one run's rows that were not imported, ready to check again. */
export interface SkippedRowsFile {
  path: string
  name: string
  /** The original file's line of each row of the new file. */
  originalLines: number[]
}

/**
 * Writes the skipped and excluded rows of a run, with the file's own header
 * and the values as sent (the user's edits and transforms included), into
 * the run's folder, remembering the line each row had, so that a re-run
 * starts from what the CRM refused and reports rows by their original lines.
 */
export async function writeSkippedRowsFile(
  run: RunRecord,
  deps: ReportDeps,
): Promise<SkippedRowsFile> {
  const report = await buildReport(run, deps, Number.POSITIVE_INFINITY)
  if (report.rows.length === 0) {
    throw new UserFacingError(
      'NOTHING_SKIPPED',
      'Every row of this run was imported; there is nothing to send again.',
    )
  }

  if (report.columns.length === 0) {
    throw new UserFacingError(
      'FILE_CHANGED',
      `${report.notice ?? 'The file has changed.'} Export the rows for ` +
        're-import from the report instead, fix them and open that file.',
    )
  }

  const folder = deps.store.runFolder(run.view.runId)
  await mkdir(folder, { recursive: true })
  const path = join(folder, `skipped-rows-${Date.now()}.csv`)
  await writeFile(
    path,
    writeJobCsv(
      report.columns,
      report.rows.map((row) =>
        report.columns.map((_, i) => row.values[i] ?? ''),
      ),
    ),
  )
  return {
    path,
    name: `${run.view.fileName.replace(/\.csv$/i, '')}-skipped-rows.csv`,
    originalLines: report.rows.map((row) => row.line),
  }
}
