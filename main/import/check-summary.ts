import type { CheckSummary } from '../../app/contract.ts'
import type { ProblemCode } from '../../app/check/problem.ts'
import { JOB_CREDITS, MAX_ROWS_PER_JOB } from '../../app/plan/zoho-limits.ts'
import type { FileCheck } from './check-file.ts'
import type { OpenFile } from './open-files.ts'

/** Problems sent with the summary; the grid pages through the rest. */
const PROBLEMS_IN_SUMMARY = 500

/**
 * The summary as it stands, with exclusions and edits counted; while the
 * check runs, over the rows checked so far.
 */
export function summarise(file: OpenFile, check: FileCheck): CheckSummary {
  const { state, fixes } = check
  const { rowsWithErrors, rowsWithWarnings } = state.rowsFlagged(fixes.excluded)

  const byColumnAndCode = state.byColumnAndCode(fixes.excluded)
  const byCode: Partial<Record<ProblemCode, number>> = {}
  const byColumn: Record<string, number> = {}
  for (const entry of byColumnAndCode) {
    byCode[entry.code] = (byCode[entry.code] ?? 0) + entry.count
    const name = entry.columnName || '(file)'
    byColumn[name] = (byColumn[name] ?? 0) + entry.count
  }

  const { progress } = check
  const rowCount = progress.done
    ? state.rowCount
    : (progress.rowsInFile ?? progress.rowsChecked)
  const rowsExcluded = fixes.excluded.size
  const rowsToSend = Math.max(0, rowCount - rowsExcluded - rowsWithErrors)
  const jobs = rowsToSend === 0 ? 0 : Math.ceil(rowsToSend / MAX_ROWS_PER_JOB)
  return {
    fileId: file.fileId,
    rowCount,
    progress,
    rowsWithErrors,
    rowsWithWarnings,
    mappingProblems: check.mappingProblems,
    byCode,
    byColumn,
    problems: check.keptProblems.slice(0, PROBLEMS_IN_SUMMARY),
    problemCount: state.problemCount,
    plan: { jobs, credits: jobs * JOB_CREDITS, rowsToSend },
    rowsExcluded,
    byColumnAndCode,
    transforms: [...fixes.transforms].map(([column, { id }]) => ({
      column,
      transform: id,
    })),
    editedCells: fixes.editedCells,
  }
}
