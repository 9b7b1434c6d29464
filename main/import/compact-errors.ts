import type { Problem, ProblemCode } from '../../app/check/problem.ts'

/**
 * The first blocking problem of many rows, without their sentences: row,
 * line, column and kind in plain arrays. Expanded into problems only when a
 * run needs the reasons.
 */
export class CompactErrors {
  private readonly rows: number[] = []
  private readonly lines: number[] = []
  private readonly columns: number[] = []
  private readonly codes: ProblemCode[] = []
  private readonly names = new Map<number, string>()
  private readonly fields = new Map<number, string | null>()

  get size(): number {
    return this.rows.length
  }

  add(problem: Problem): void {
    this.addParts(
      problem.row ?? -1,
      problem.line ?? 0,
      problem.column ?? -1,
      problem.code,
      () => ({ columnName: problem.columnName, field: problem.field }),
    )
  }

  /**
   * The same from its parts (column -1 for none); `names` is asked once
   * per column.
   */
  addParts(
    row: number,
    line: number,
    column: number,
    code: ProblemCode,
    names: () => { columnName: string; field: string | null },
  ): void {
    this.rows.push(row)
    this.lines.push(line)
    this.columns.push(column)
    this.codes.push(code)
    if (!this.names.has(column)) {
      const named = names()
      this.names.set(column, named.columnName)
      this.fields.set(column, named.field)
    }
  }

  /** The problems again, with a shorter sentence than the checker's. */
  expand(): Problem[] {
    return this.rows.map((row, i) => {
      const column = this.columns[i] as number
      const name = this.names.get(column) ?? ''
      const code = this.codes[i] as ProblemCode
      const line = this.lines[i] as number
      return {
        row,
        line,
        endLine: line,
        column: column === -1 ? null : column,
        columnName: name,
        field: this.fields.get(column) ?? null,
        value: '',
        code,
        severity: 'error',
        message: `Line ${line}${name ? `, column “${name}”` : ''}: the value is not accepted (${code.toLowerCase().replace(/_/g, ' ')}).`,
        fix: 'Correct it in the file, or fix it on the Check step.',
      }
    })
  }
}
