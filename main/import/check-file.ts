import type { CheckSummary } from '../../app/contract.ts'
import type { Problem, ProblemCode } from '../../app/check/problem.ts'
import {
  checkMapping,
  createRowChecker,
  type CheckInput,
} from '../../app/check/check-rows.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { JOB_CREDITS, MAX_ROWS_PER_JOB } from '../../app/plan/zoho-limits.ts'
import { createLogger } from '../log/logger.ts'
import { CheckState } from './check-state.ts'
import { CompactErrors } from './compact-errors.ts'
import { fixesFor, type FileFixes } from './file-fixes.ts'
import type { OpenFile } from './open-files.ts'
import { rowIndexFor } from './row-index.ts'

const log = createLogger('check')

/**
 * Problems kept in full. Past this, each row's first error is kept in a
 * compact form: holding a million full problems (their sentences) costs
 * more time in garbage collection than the whole check.
 */
const MAX_KEPT_PROBLEMS = 100_000
/** Problems sent with the summary; the grid pages through the rest. */
const PROBLEMS_IN_SUMMARY = 500

/** The result of checking every row, kept for the grid, the run and the report. */
export interface FileCheck {
  summary: CheckSummary
  /**
   * The first problems in full, then each further row's first blocking
   * problem (in shorter words), so that no row with an error is missed.
   */
  readonly problems: Problem[]
  /** The problems kept in full, in file order. */
  keptProblems: Problem[]
  /** Rows with at least one blocking problem (before exclusions). */
  rowsWithErrors: Set<number>
  rowCount: number
  /** The user's edits, transforms and exclusions, applied to every read. */
  fixes: FileFixes
  /** Per-row findings for the grid and its filters. */
  state: CheckState
  input: { fields: CrmField[]; mapping: ImportMapping }
  mappingProblems: Problem[]
}

const latest = new Map<string, FileCheck>()

/** The last check of an open file, for the grid. */
export function latestCheck(fileId: string): FileCheck | undefined {
  return latest.get(fileId)
}

/** The full input of the row checker for a file. */
export function checkInputOf(
  file: OpenFile,
  input: { fields: CrmField[]; mapping: ImportMapping },
): CheckInput {
  return { ...input, fileName: file.name, columns: file.head.columns }
}

/** The summary as it stands, with exclusions and edits counted. */
export function summarise(file: OpenFile, check: FileCheck): CheckSummary {
  const { state, fixes } = check
  let rowsWithErrors = 0
  let rowsWithWarnings = 0
  for (let row = 0; row < state.rowCount; row++) {
    if (fixes.isExcluded(row)) continue

    if (state.hasError(row)) rowsWithErrors++
    else if (state.hasWarning(row)) rowsWithWarnings++
  }

  const byColumnAndCode = state.byColumnAndCode()
  const byCode: Partial<Record<ProblemCode, number>> = {}
  const byColumn: Record<string, number> = {}
  for (const entry of byColumnAndCode) {
    byCode[entry.code] = (byCode[entry.code] ?? 0) + entry.count
    const name = entry.columnName || '(file)'
    byColumn[name] = (byColumn[name] ?? 0) + entry.count
  }

  const rowsExcluded = fixes.excluded.size
  const rowsToSend = state.rowCount - rowsExcluded - rowsWithErrors
  const jobs = rowsToSend === 0 ? 0 : Math.ceil(rowsToSend / MAX_ROWS_PER_JOB)
  return {
    fileId: file.fileId,
    rowCount: state.rowCount,
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

/**
 * Reads the whole file once, with the user's fixes applied, and checks
 * every row against the mapping. Keeps per-row flags and lists, not values.
 */
export async function checkFile(
  file: OpenFile,
  input: { fields: CrmField[]; mapping: ImportMapping },
): Promise<FileCheck> {
  const started = Date.now()
  const full = checkInputOf(file, input)
  const fixes = fixesFor(file.fileId)
  const mappingProblems = checkMapping(full)
  const checker = createRowChecker(full)
  const state = new CheckState(file.head.columns)
  const problems: Problem[] = []
  const rowsWithErrors = new Set<number>()

  const beyond = new CompactErrors()
  const keep = (problem: Problem) => {
    const firstError =
      problem.severity === 'error' &&
      problem.row !== null &&
      !rowsWithErrors.has(problem.row)
    if (firstError) rowsWithErrors.add(problem.row as number)

    state.add(problem)
    if (problems.length < MAX_KEPT_PROBLEMS) problems.push(problem)
    else if (firstError) beyond.add(problem)
  }

  for await (const batch of readCsvRecords(file.source, file.head.layout, {
    onProblem: keep,
  })) {
    for (const record of batch) {
      state.rowCount += 1
      checker.check(fixes.apply(record)).forEach(keep)
    }
  }
  checker.finish().forEach(keep)
  // The grid's index of the file: built next, in the background; the first
  // pages of the grid do not need it.
  rowIndexFor(file)

  let all: Problem[] | null = null
  const check: FileCheck = {
    summary: null as unknown as CheckSummary,
    keptProblems: problems,
    get problems() {
      all ??= beyond.size === 0 ? problems : [...problems, ...beyond.expand()]
      return all
    },
    rowsWithErrors,
    rowCount: state.rowCount,
    fixes,
    state,
    input,
    mappingProblems,
  }
  check.summary = summarise(file, check)
  latest.set(file.fileId, check)
  log.info(
    `checked ${state.rowCount} rows in ${Date.now() - started} ms: ` +
      `${state.problemCount} problems, ${check.summary.rowsWithErrors} rows with errors, ` +
      `${fixes.excluded.size} excluded`,
  )
  return check
}
