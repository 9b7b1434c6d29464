import type { Problem } from '../../app/check/problem.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import type { ProblemBatch } from '../engine/problem-batch.ts'
import type { CheckState } from './check-state.ts'
import { CompactErrors } from './compact-errors.ts'
import type { OpenFile } from './open-files.ts'

/**
 * The problems of a running check as its batches arrive: every one goes
 * into the grid's state; the first ones are kept in full, and past them each
 * further row's first blocking problem in compact form, for the run's
 * reasons. Cell values beyond the kept problems are never held.
 */
export class CheckFindings {
  /**
   * Problems kept in full. Past this, each row's first error is kept in a
   * compact form: holding a million full problems (their sentences) costs
   * more time in garbage collection than the whole check.
   */
  static readonly KEPT_IN_FULL = 100_000

  readonly kept: Problem[] = []
  private readonly beyond = new CompactErrors()
  private withError = new Uint8Array(1024)
  private expanded: Problem[] | null = null
  private readonly names: Map<number, string>
  private readonly fields: Map<number, string>

  constructor(
    file: OpenFile,
    mapping: ImportMapping,
    private readonly state: CheckState,
  ) {
    this.names = new Map(file.head.columns.map((c) => [c.index, c.name]))
    this.fields = new Map(
      mapping.fields.flatMap((f) =>
        f.column === null ? [] : [[f.column, f.apiName] as const],
      ),
    )
  }

  /** Takes in one batch from the worker. */
  receive(batch: ProblemBatch): void {
    this.expanded = null
    for (const problem of batch.full) this.keep(problem)

    for (const group of batch.groups) {
      this.state.addGroup(group)
      if (group.severity !== 'error') continue

      const { column, code, rows, lines } = group
      const names = () => ({
        columnName: this.names.get(column) ?? '',
        field: this.fields.get(column) ?? null,
      })
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as number
        if (this.firstError(row)) {
          this.beyond.addParts(row, lines[i] as number, column, code, names)
        }
      }
    }
  }

  /** The kept problems, then the compact first errors of further rows. */
  all(): Problem[] {
    this.expanded ??=
      this.beyond.size === 0
        ? this.kept
        : [...this.kept, ...this.beyond.expand()]
    return this.expanded
  }

  private keep(problem: Problem): void {
    this.state.add(problem)
    const first =
      problem.severity === 'error' &&
      problem.row !== null &&
      this.firstError(problem.row)
    if (this.kept.length < CheckFindings.KEPT_IN_FULL) this.kept.push(problem)
    else if (first) this.beyond.add(problem)
  }

  /** True the first time a row is seen with an error. */
  private firstError(row: number): boolean {
    if (row >= this.withError.length) {
      const grown = new Uint8Array(Math.max(row + 1, this.withError.length * 2))
      grown.set(this.withError)
      this.withError = grown
    }

    if (this.withError[row] === 1) return false

    this.withError[row] = 1
    return true
  }
}
