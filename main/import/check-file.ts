import type { CheckProgressView, CheckSummary } from '../../app/contract.ts'
import type { Problem } from '../../app/check/problem.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { CheckState } from './check-state.ts'
import type { FileFixes } from './file-fixes.ts'
import type { OpenFile } from './open-files.ts'
import { rowIndexFor } from './row-index.ts'
import { RunningCheck } from './running-check.ts'

export { summarise } from './check-summary.ts'
export { checkInputOf } from './running-check.ts'

/** What a check is given: the module's fields and the user's mapping. */
export interface CheckRequest {
  fields: CrmField[]
  mapping: ImportMapping
}

/**
 * A check of every row of an open file, run in a worker and filling in as
 * it goes; kept for the grid, the run and the report. Each object is one
 * moment of the check: `latestCheck` gives a new one once more rows are in,
 * so that what the grid derives from it (filtered rows) is never stale.
 */
export interface FileCheck {
  summary: CheckSummary
  /**
   * The first problems in full, then each further row's first blocking
   * problem (in shorter words), so that no row with an error is missed.
   */
  readonly problems: Problem[]
  /** The problems kept in full, in file order. */
  readonly keptProblems: Problem[]
  /** Rows of the grid: every row of the file once they are known. */
  readonly rowCount: number
  /** The user's edits, transforms and exclusions, applied to every read. */
  readonly fixes: FileFixes
  /** Per-row findings for the grid and its filters. */
  readonly state: CheckState
  readonly input: CheckRequest
  readonly mappingProblems: Problem[]
  readonly progress: CheckProgressView
  /** Settles when the check has ended; see `CheckEnd`. */
  readonly ended: Promise<CheckEnd>
}

/** How a check ended: every row checked, replaced by a newer one, or not. */
export type CheckEnd =
  | { ok: true; check: FileCheck }
  | { ok: false; code: 'REPLACED'; newer: FileCheck }
  | { ok: false; code: 'CANNOT_READ' | 'WORKER_FAILED'; message: string }

/** Hears every check's summary as it fills in (the contract's event). */
export type CheckListener = (summary: CheckSummary) => void

let listener: CheckListener = () => {}

/** Sets who hears the summaries of running checks. */
export function onCheckProgress(next: CheckListener): void {
  listener = next
}

const latest = new Map<string, RunningCheck>()

/** The last check of an open file, as it stands now, for the grid. */
export function latestCheck(fileId: string): FileCheck | undefined {
  return latest.get(fileId)?.now()
}

/**
 * Starts checking every row of a file in a worker, with the user's fixes
 * applied, and answers at once: the check fills in as the worker reports.
 * A check of the same file still running is cancelled.
 */
export function startCheck(file: OpenFile, input: CheckRequest): FileCheck {
  const check = new RunningCheck(file, input, (summary) => listener(summary))
  latest.get(file.fileId)?.replace(check)
  latest.set(file.fileId, check)
  check.start()
  // The grid's index of the file: started now, so that pages far into the
  // file can be read while the check runs (the first pages need none).
  rowIndexFor(file)
  return check.now()
}

/**
 * Checks every row of a file and answers once every row is checked. When
 * a newer check replaces this one, answers with the newer one's end.
 */
export async function checkFile(
  file: OpenFile,
  input: CheckRequest,
): Promise<FileCheck> {
  let check = startCheck(file, input)
  for (;;) {
    const end = await check.ended
    if (end.ok) return end.check

    if (end.code !== 'REPLACED')
      throw new UserFacingError(end.code, end.message)

    check = end.newer
  }
}

/** The check behind the Check step: at once (`background`) or at its end. */
export async function checkImport(
  file: OpenFile,
  input: CheckRequest,
  background = false,
): Promise<CheckSummary> {
  if (background) return startCheck(file, input).summary

  return (await checkFile(file, input)).summary
}
