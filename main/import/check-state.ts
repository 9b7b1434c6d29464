import type {
  CellProblem,
  ColumnProblemCount,
  RowFilter,
} from '../../app/contract.ts'
import type {
  Problem,
  ProblemCode,
  ProblemSeverity,
} from '../../app/check/problem.ts'
import type { CsvColumn } from '../../app/csv/csv-types.ts'
import { CONTEXT_CODES } from '../engine/context-codes.ts'
import type { ProblemGroup } from '../engine/problem-batch.ts'

/** Bits of a row's flag byte. */
const ERROR = 1
const WARNING = 2

/** Only the parts of a problem the grid shows. */
export function cellProblem(problem: Problem): CellProblem {
  return {
    column: problem.column,
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    fix: problem.fix,
  }
}

const keyOf = (column: number | null, code: ProblemCode) =>
  `${column ?? -1}|${code}`

/**
 * What the check found, kept compactly for every row of a file of any
 * size: a flag byte per row, the rows of each column-and-kind pair, the
 * problems only a whole-file pass can see (duplicates, broken records), and
 * the rows the user re-checked after an edit. Cell values are not kept.
 * It fills in as the check's batches arrive; `rowCount` is the rows so far.
 */
/** A column's count of one kind of problem, over every row. */
type CountedProblems = Omit<ColumnProblemCount, 'inExcludedRows'>

export class CheckState {
  private flags = new Uint8Array(1024)
  private readonly lists = new Map<string, number[]>()
  private readonly counts = new Map<string, CountedProblems>()
  private readonly context = new Map<number, Problem[]>()
  /** Problems of rows checked again after an edit; they replace the lists. */
  readonly overrides = new Map<number, CellProblem[]>()
  rowCount = 0
  problemCount = 0

  constructor(private readonly columns: CsvColumn[]) {}

  private flag(row: number, bits: number): void {
    if (row >= this.flags.length) {
      const grown = new Uint8Array(Math.max(row + 1, this.flags.length * 2))
      grown.set(this.flags)
      this.flags = grown
    }

    this.flags[row] = (this.flags[row] ?? 0) | bits
  }

  private count(
    problem: { column: number | null; code: ProblemCode },
    by: number,
  ): void {
    const key = keyOf(problem.column, problem.code)
    const entry = this.counts.get(key) ?? {
      column: problem.column,
      columnName:
        this.columns.find((c) => c.index === problem.column)?.name ?? '',
      code: problem.code,
      count: 0,
    }
    entry.count += by
    this.problemCount += by
    if (entry.count > 0) this.counts.set(key, entry)
    else this.counts.delete(key)
  }

  /** Records a problem found by the whole-file pass. */
  add(problem: Problem): void {
    if (!this.addFound(problem, problem.severity)) return

    if (CONTEXT_CODES.has(problem.code) && problem.row !== null) {
      const kept = this.context.get(problem.row) ?? []
      kept.push(problem)
      this.context.set(problem.row, kept)
    }
  }

  /**
   * Records the rows the check worker found with one kind of problem in
   * one column (rows the user edited meanwhile are left out).
   */
  addGroup(group: ProblemGroup): void {
    const column = group.column === -1 ? null : group.column
    const key = keyOf(column, group.code)
    const bits = group.severity === 'error' ? ERROR : WARNING
    let rows = this.lists.get(key)
    if (rows === undefined) {
      rows = []
      this.lists.set(key, rows)
    }

    let added = 0
    const edited = this.overrides.size > 0
    for (const row of group.rows) {
      if (edited && this.overrides.has(row)) continue

      this.flag(row, bits)
      if (rows[rows.length - 1] !== row) rows.push(row)
      added++
    }

    this.count({ column, code: group.code }, added)
  }

  /**
   * Counts, flags and lists a problem; false when it is left out because
   * the user edited its row while the check ran (the edit's re-check of the
   * row stands).
   */
  private addFound(
    problem: { row: number | null; column: number | null; code: ProblemCode },
    severity: ProblemSeverity,
  ): boolean {
    if (problem.row !== null && this.overrides.has(problem.row)) return false

    this.count(problem, 1)
    if (problem.row === null) return true

    this.flag(problem.row, severity === 'error' ? ERROR : WARNING)
    const key = keyOf(problem.column, problem.code)
    let rows = this.lists.get(key)
    if (rows === undefined) {
      rows = []
      this.lists.set(key, rows)
    }

    if (rows[rows.length - 1] !== problem.row) rows.push(problem.row)
    return true
  }

  /** Whole-file problems of a row that a re-check of the row alone keeps. */
  contextOf(row: number, editedColumns: number[] = []): CellProblem[] {
    return (this.context.get(row) ?? [])
      .filter(
        (p) =>
          p.code !== 'DUPLICATE_IN_FILE' ||
          !editedColumns.includes(p.column ?? -1),
      )
      .map(cellProblem)
  }

  /**
   * Replaces a row's problems after an edit; counts follow. A row the
   * running check has not reached yet had nothing counted to take back.
   */
  replaceRow(row: number, before: CellProblem[], after: CellProblem[]): void {
    if (row < this.rowCount || this.overrides.has(row)) {
      before.forEach((p) => this.count(p, -1))
    }

    after.forEach((p) => this.count(p, 1))
    this.flag(row, 0)
    this.flags[row] =
      (after.some((p) => p.severity === 'error') ? ERROR : 0) |
      (after.some((p) => p.severity === 'warning') ? WARNING : 0)
    this.overrides.set(row, after)
  }

  /**
   * Rows with an error, and rows with only warnings, leaving out the rows
   * given. Runs over the flag bytes: summaries of a running check call it
   * several times a second on a million rows.
   */
  rowsFlagged(leftOut: ReadonlySet<number>): {
    rowsWithErrors: number
    rowsWithWarnings: number
  } {
    let rowsWithErrors = 0
    let rowsWithWarnings = 0
    const flags = this.flags
    const end = Math.min(this.rowCount, flags.length)
    for (let row = 0; row < end; row++) {
      const bits = flags[row] as number
      if (bits === 0) continue

      if (bits & ERROR) rowsWithErrors++
      else rowsWithWarnings++
    }

    for (const row of leftOut) {
      if (row >= end) continue

      const bits = flags[row] as number
      if (bits & ERROR) rowsWithErrors--
      else if (bits & WARNING) rowsWithWarnings--
    }

    return { rowsWithErrors, rowsWithWarnings }
  }

  hasError(row: number): boolean {
    return ((this.flags[row] ?? 0) & ERROR) !== 0
  }

  hasWarning(row: number): boolean {
    return ((this.flags[row] ?? 0) & WARNING) !== 0
  }

  /**
   * Problem counts per column and kind, with how many of each are in the
   * rows left out; largest count in the rows kept first.
   */
  byColumnAndCode(leftOut: ReadonlySet<number>): ColumnProblemCount[] {
    const kept = (entry: ColumnProblemCount) =>
      entry.count - entry.inExcludedRows
    return [...this.counts]
      .map(([key, entry]) => ({
        ...entry,
        inExcludedRows:
          leftOut.size === 0 ? 0 : this.countLeftOut(key, entry, leftOut),
      }))
      .sort((a, b) => kept(b) - kept(a))
  }

  /**
   * Rows left out that have the problem of `key`: a pass over its rows,
   * only when rows are left out. Rows edited since are judged by their
   * problems after the edit.
   */
  private countLeftOut(
    key: string,
    entry: CountedProblems,
    leftOut: ReadonlySet<number>,
  ): number {
    let count = 0
    for (const row of this.lists.get(key) ?? []) {
      if (leftOut.has(row) && !this.overrides.has(row)) count++
    }

    for (const [row, problems] of this.overrides) {
      if (!leftOut.has(row)) continue

      count += problems.filter(
        (p) => p.column === entry.column && p.code === entry.code,
      ).length
    }

    return Math.min(count, entry.count)
  }

  /** The rows a filter shows, ascending. */
  matching(filter: RowFilter): number[] {
    const all = !filter.onlyProblems && filter.column === null && !filter.code
    if (all) return []

    const mark = new Uint8Array(this.rowCount)
    if (filter.column === null && filter.code === null) {
      for (let row = 0; row < this.rowCount; row++) {
        if ((this.flags[row] ?? 0) !== 0) mark[row] = 1
      }
    } else {
      for (const [key, rows] of this.lists) {
        const [column, code] = key.split('|')
        if (filter.column !== null && Number(column) !== filter.column) continue

        if (filter.code !== null && code !== filter.code) continue

        for (const row of rows) mark[row] = 1
      }
    }

    for (const [row, problems] of this.overrides) {
      mark[row] = problems.some(
        (p) =>
          (filter.column === null || p.column === filter.column) &&
          (filter.code === null || p.code === filter.code),
      )
        ? 1
        : 0
    }

    const rows: number[] = []
    for (let row = 0; row < this.rowCount; row++) if (mark[row]) rows.push(row)
    return rows
  }
}
