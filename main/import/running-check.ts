import type { CheckProgressView, CheckSummary } from '../../app/contract.ts'
import type { Problem } from '../../app/check/problem.ts'
import { checkMapping, type CheckInput } from '../../app/check/check-rows.ts'
import { plainFixes } from '../engine/plain-fixes.ts'
import {
  type CheckRunResult,
  runCheckInWorker,
} from '../engine/run-check-in-worker.ts'
import { createLogger } from '../log/logger.ts'
import type {
  CheckEnd,
  CheckListener,
  CheckRequest,
  FileCheck,
} from './check-file.ts'
import { CheckFindings } from './check-findings.ts'
import { CheckState } from './check-state.ts'
import { summarise } from './check-summary.ts'
import { fixesFor, type FileFixes } from './file-fixes.ts'
import type { OpenFile } from './open-files.ts'

const log = createLogger('check')

/** Summaries sent while a check runs, at most one per this many ms. */
const SUMMARY_EVERY_MS = 250

/** The full input of the row checker for a file. */
export function checkInputOf(file: OpenFile, input: CheckRequest): CheckInput {
  return { ...input, fileName: file.name, columns: file.head.columns }
}

/** A check as it stands at one moment; its summary is the check's own. */
class CheckMoment implements FileCheck {
  readonly keptProblems: Problem[]
  readonly fixes: FileFixes
  readonly state: CheckState
  readonly input: CheckRequest
  readonly mappingProblems: Problem[]
  readonly progress: CheckProgressView
  readonly ended: Promise<CheckEnd>

  constructor(private readonly check: RunningCheck) {
    this.keptProblems = check.findings.kept
    this.fixes = check.fixes
    this.state = check.state
    this.input = check.input
    this.mappingProblems = check.mappingProblems
    this.progress = check.progress
    this.ended = check.ended
  }

  get summary(): CheckSummary {
    return this.check.summary
  }

  set summary(next: CheckSummary) {
    this.check.summary = next
  }

  get problems(): Problem[] {
    return this.check.findings.all()
  }

  get rowCount(): number {
    return this.check.gridRows()
  }
}

/** One check of one file, from its start in the worker to its end. */
export class RunningCheck {
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
    private readonly tell: CheckListener,
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

    const view = new CheckMoment(this)
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
    this.tell(this.summary)
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
