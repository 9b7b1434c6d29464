import type { CheckSummary } from '../../app/contract.ts'
import type { Problem, ProblemCode } from '../../app/check/problem.ts'
import {
  checkMapping,
  createRowChecker,
  type CheckInput,
} from '../../app/check/check-rows.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import { JOB_CREDITS, MAX_ROWS_PER_JOB } from '../../app/plan/zoho-limits.ts'
import type { OpenFile } from './open-files.ts'

/** Problems kept for the grid; past this only counts are kept. */
const MAX_KEPT_PROBLEMS = 100_000
/** Problems sent with the summary; the grid asks for the rest. */
const PROBLEMS_IN_SUMMARY = 500

/** The result of checking every row, kept for the run and the report. */
export interface FileCheck {
  summary: CheckSummary
  problems: Problem[]
  /** Rows with at least one blocking problem. */
  rowsWithErrors: Set<number>
  rowCount: number
}

function tally(target: Record<string, number>, key: string): void {
  target[key] = (target[key] ?? 0) + 1
}

/** Reads the whole file once and checks every row against the mapping. */
export async function checkFile(
  file: OpenFile,
  input: Omit<CheckInput, 'fileName' | 'columns'>,
): Promise<FileCheck> {
  const full: CheckInput = {
    ...input,
    fileName: file.name,
    columns: file.head.columns,
  }
  const mappingProblems = checkMapping(full)
  const checker = createRowChecker(full)
  const problems: Problem[] = []
  const rowsWithErrors = new Set<number>()
  const rowsWithWarnings = new Set<number>()
  const byCode: Partial<Record<ProblemCode, number>> = {}
  const byColumn: Record<string, number> = {}
  let problemCount = 0
  let rowCount = 0

  const keep = (problem: Problem) => {
    problemCount += 1
    tally(byCode, problem.code)
    tally(byColumn, problem.columnName || '(file)')
    if (problem.row !== null) {
      const rows =
        problem.severity === 'error' ? rowsWithErrors : rowsWithWarnings
      rows.add(problem.row)
    }
    if (problems.length < MAX_KEPT_PROBLEMS) problems.push(problem)
  }

  for await (const batch of readCsvRecords(file.source, file.head.layout)) {
    for (const record of batch) {
      rowCount += 1
      checker.check(record).forEach(keep)
    }
  }
  checker.finish().forEach(keep)

  const rowsToSend = rowCount
  const jobs = Math.max(1, Math.ceil(rowsToSend / MAX_ROWS_PER_JOB))
  return {
    problems,
    rowsWithErrors,
    rowCount,
    summary: {
      fileId: file.fileId,
      rowCount,
      rowsWithErrors: rowsWithErrors.size,
      rowsWithWarnings: rowsWithWarnings.size,
      mappingProblems,
      byCode,
      byColumn,
      problems: problems.slice(0, PROBLEMS_IN_SUMMARY),
      problemCount,
      plan: { jobs, credits: jobs * JOB_CREDITS, rowsToSend },
    },
  }
}
