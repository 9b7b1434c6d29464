import type { JobView } from '../../app/contract.ts'
import type { Problem } from '../../app/check/problem.ts'
import type { CsvRecord } from '../../app/csv/csv-types.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import { csvLine, jobRow } from '../../app/plan/job-file.ts'
import {
  utf8Length,
  ZOHO_JOB_LIMITS,
  type JobLimits,
} from '../../app/plan/plan-jobs.ts'
import type { SentRow } from '../../app/results/join-results.ts'
import type { RowOutcome } from '../../app/results/row-outcome.ts'
import type { FileCheck } from '../import/check-file.ts'
import type { OpenFile } from '../import/open-files.ts'
import type { RunStore } from '../import/run-store.ts'
import type { JobRecord, RunRecord } from './run-record.ts'

/** The user's fixes from the Check step, applied as rows are read. */
export interface RowFixes {
  /** The record with column transforms and edited cells applied. */
  apply(record: CsvRecord): CsvRecord
  /** The user excluded this row on the Check step. */
  isExcluded(row: number): boolean
}

/** The reason a row the user excluded shows in the report. */
export const EXCLUDED_BY_USER = 'Excluded by you on the Check step.'

/** The first blocking problem of each row that has one. */
function firstErrorByRow(problems: readonly Problem[]): Map<number, Problem> {
  const first = new Map<number, Problem>()
  for (const problem of problems) {
    if (problem.row === null || problem.severity !== 'error') continue

    if (!first.has(problem.row)) first.set(problem.row, problem)
  }
  return first
}

function excludedOutcome(
  row: number,
  line: number,
  problem: Problem,
): RowOutcome {
  return {
    row,
    line,
    kind: 'excluded',
    recordId: null,
    // The check's code stands in for Zoho's so that reasons group alike.
    errors: [
      { code: problem.code, fields: [problem.field ?? problem.columnName] },
    ],
    reason: `Not sent: ${problem.message}`,
  }
}

/** A job as the Run screen first shows it. */
export function waitingJob(index: number, rows: number): JobView {
  return {
    index,
    jobId: null,
    state: 'waiting',
    rows,
    processed: 0,
    added: 0,
    updated: 0,
    skipped: 0,
    message: null,
  }
}

/**
 * Reads the file once and fixes the whole run before anything is sent: the
 * excluded rows with their reasons, and each job's rows exactly as they will
 * go to the CRM, all on disk. A resumed run never needs to re-split the file.
 */
export async function planRun(
  run: RunRecord,
  file: OpenFile,
  check: FileCheck,
  store: RunStore,
  limits: JobLimits = ZOHO_JOB_LIMITS,
  fixes?: RowFixes,
): Promise<void> {
  const runId = run.view.runId
  const blocked = run.sendRowsWithErrors
    ? new Map<number, Problem>()
    : firstErrorByRow(check.problems)
  const headerBytes = utf8Length(csvLine(run.columns.headers)) + 2
  const excluded: RowOutcome[] = []
  const jobs: { view: JobView; record: JobRecord }[] = []
  let batch: SentRow[] = []
  let batchBytes = headerBytes

  const flush = async () => {
    if (batch.length === 0) return

    const index = jobs.length
    await store.saveJobRows(runId, index, batch)
    jobs.push({
      view: waitingJob(index, batch.length),
      record: {
        phase: 'planned',
        fileId: null,
        jobId: null,
        firstLine: batch[0]!.line,
      },
    })
    batch = []
    batchBytes = headerBytes
  }

  for await (const records of readCsvRecords(file.source, file.head.layout)) {
    for (const original of records) {
      const line = run.originalLines?.[original.row] ?? original.line
      if (fixes?.isExcluded(original.row)) {
        excluded.push({
          row: original.row,
          line,
          kind: 'excluded',
          recordId: null,
          errors: [],
          reason: EXCLUDED_BY_USER,
        })
        continue
      }

      const record = fixes ? fixes.apply(original) : original
      const problem = blocked.get(record.row)
      if (problem !== undefined) {
        excluded.push(excludedOutcome(record.row, line, problem))
        continue
      }

      const cells = jobRow(record, run.mapping, run.columns)
      const bytes = utf8Length(csvLine(cells)) + 2
      if (
        batch.length >= limits.maxRows ||
        batchBytes + bytes > limits.maxCsvBytes
      ) {
        await flush()
      }
      batch.push({ row: record.row, line, cells })
      batchBytes += bytes
    }
  }
  await flush()

  await store.saveOutcomes(runId, 'excluded', excluded)
  run.view.jobs = jobs.map((job) => job.view)
  run.jobs = jobs.map((job) => job.record)
  run.view.counts.excluded = excluded.length
  run.view.rowsToSend = jobs.reduce((sum, job) => sum + job.view.rows, 0)
  run.planned = true
  await store.save(run)
}
