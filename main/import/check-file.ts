import type { CheckProgressView, CheckSummary } from '../../app/contract.ts'
import type { Problem } from '../../app/check/problem.ts'
import { checkMapping, type CheckInput } from '../../app/check/check-rows.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { plainFixes } from '../engine/plain-fixes.ts'
import {
  type CheckRunResult,
  runCheckInWorker,
} from '../engine/run-check-in-worker.ts'
import { createLogger } from '../log/logger.ts'
import { UserFacingError } from '../user-facing-error.ts'
import { CheckFindings } from './check-findings.ts'
import { CheckState } from './check-state.ts'
import { summarise } from './check-summary.ts'
import { fixesFor, type FileFixes } from './file-fixes.ts'
import type { OpenFile } from './open-files.ts'
import { rowIndexFor } from './row-index.ts'

export { summarise } from './check-summary.ts'

const log = createLogger('check')

/** Summaries sent while a check runs, at most one per this many ms. */
const SUMMARY_EVERY_MS = 250

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

/** The full input of the row checker for a file. */
export function checkInputOf(file: OpenFile, input: CheckRequest): CheckInput {
  return { ...input, fileName: file.name, columns: file.head.columns }
}

/** One check of one file, from its start in the worker to its end. */
class RunningCheck {
  readonly fixes: FileFixes
  readonly state: CheckState
  readonly findings: CheckFindings
  readonly mappingProblems: Problem[]
  progress: CheckProgressView
  summary!: CheckSummary
  ended!: Promise<CheckEnd>
  private replacedBy: RunningCheck | null = null
  private cancel: () => void = () => {}
  private view: FileCheck | null = null
  private lastSent = 0
  private readonly started = Date.now()

  constructor(
    readonly file: OpenFile,
    readonly input: CheckRequest,
  ) {
    this.fixes = fixesFor(file.fileId)
    this.state = new CheckState(file.head.columns)
    this.findings = new CheckFindings(file, input.mapping, this.state)
    this.mappingProblems = checkMapping(checkInputOf(file, input))
    this.progress = {
      rowsChecked: 0,
      bytesRead: 0,
      bytesTotal: file.size,
      done: false,
      failure: null,
      rowsInFile: file.rowCount,
    }
  }

  /** Starts the worker; the summary so far is ready at once. */
  start(): void {
    const run = runCheckInWorker(
      {
        path: this.file.path,
        name: this.file.name,
        layout: this.file.head.layout,
        fields: this.input.fields,
        mapping: this.input.mapping,
        fixes: plainFixes(this.fixes),
        stream: { keepFull: CheckFindings.KEPT_IN_FULL },
      },
      {
        onProblems: (batch, progress) => {
          this.findings.receive(batch)
          this.state.rowCount = progress.rows
          this.progress = {
            ...this.progress,
            rowsChecked: progress.rows,
            bytesRead: progress.bytesRead,
          }
          this.changed(false)
        },
      },
    )
    this.cancel = run.cancel
    this.ended = run.result.then((result) => this.end(result))
    this.summary = summarise(this.file, this.now())
  }

  /** Stops the worker because a newer check of the file started. */
  replace(newer: RunningCheck): void {
    this.replacedBy = newer
    this.cancel()
  }

  /** This moment of the check, as the grid and the run see it. */
  now(): FileCheck {
    if (this.view !== null) return this.view

    const check = this
    const view: FileCheck = {
      get summary() {
        return check.summary
      },
      set summary(next) {
        check.summary = next
      },
      get problems() {
        return check.findings.all()
      },
      keptProblems: this.findings.kept,
      get rowCount() {
        return check.gridRows()
      },
      fixes: this.fixes,
      state: this.state,
      input: this.input,
      mappingProblems: this.mappingProblems,
      progress: this.progress,
      ended: this.ended,
    }
    this.view = view
    return view
  }

  /**
   * All rows once the check or the file's count knows them; before that
   * the first rows only, so that the grid's length changes once, not with
   * every batch.
   */
  gridRows(): number {
    if (this.progress.done) return this.state.rowCount

    return this.file.rowCount ?? this.file.head.preview.length
  }

  private changed(final: boolean): void {
    this.view = null
    if (!final && Date.now() - this.lastSent < SUMMARY_EVERY_MS) return

    this.lastSent = Date.now()
    this.progress = { ...this.progress, rowsInFile: this.gridRowsKnown() }
    this.summary = summarise(this.file, this.now())
    listener(this.summary)
  }

  private gridRowsKnown(): number | null {
    return this.progress.done ? this.state.rowCount : this.file.rowCount
  }

  private end(result: CheckRunResult): CheckEnd {
    if (this.replacedBy !== null) {
      return { ok: false, code: 'REPLACED', newer: this.replacedBy.now() }
    }

    if (!result.ok) {
      const code = result.code === 'CANCELLED' ? 'WORKER_FAILED' : result.code
      this.progress = { ...this.progress, failure: result.message }
      this.changed(true)
      log.warn(`check of a file stopped: ${code}`)
      return { ok: false, code, message: result.message }
    }

    this.state.rowCount = result.summary.rowCount
    this.progress = {
      ...this.progress,
      rowsChecked: result.summary.rowCount,
      bytesRead: this.progress.bytesTotal ?? this.progress.bytesRead,
      done: true,
    }
    this.changed(true)
    log.info(
      `checked ${this.state.rowCount} rows in ${Date.now() - this.started} ms: ` +
        `${this.state.problemCount} problems, ${this.summary.rowsWithErrors} rows with errors, ` +
        `${this.fixes.excluded.size} excluded`,
    )
    return { ok: true, check: this.now() }
  }
}

/**
 * Starts checking every row of a file in a worker, with the user's fixes
 * applied, and answers at once: the check fills in as the worker reports.
 * A check of the same file still running is cancelled.
 */
export function startCheck(file: OpenFile, input: CheckRequest): FileCheck {
  const check = new RunningCheck(file, input)
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
