import type { Problem, ProblemCode } from '../../app/check/problem.ts'

/**
 * The rows of one kind of problem in one column, found since the worker's
 * last message, ascending: what the grid's state needs, without sentences
 * or values.
 */
export interface ProblemGroup {
  /** -1 when the problem is not about one column. */
  column: number
  code: ProblemCode
  severity: Problem['severity']
  rows: Int32Array
  lines: Int32Array
}

/**
 * Problems found by the worker since its last message. The first ones and
 * those only a whole-file pass can find come in full (`full`); the rest as
 * row numbers grouped by column and kind, so that a file with millions of
 * problems crosses threads as a few typed arrays.
 */
export interface ProblemBatch {
  full: Problem[]
  groups: ProblemGroup[]
}

/** One problem as a batch's groups give it back. */
export interface CompactProblem {
  row: number
  line: number
  column: number
  code: ProblemCode
  severity: Problem['severity']
}

interface Growing {
  column: number
  code: ProblemCode
  severity: Problem['severity']
  rows: number[]
  lines: number[]
}

/** Collects a worker's problems into batches to post. */
export class ProblemBatcher {
  private full: Problem[] = []
  private groups = new Map<string, Growing>()
  private held = 0
  private fullSent = 0

  /**
   * @param keepFull problems sent in full, counted over the whole check
   * @param alwaysFull codes always sent in full (the grid shows their text)
   */
  constructor(
    private readonly keepFull: number,
    private readonly alwaysFull: ReadonlySet<ProblemCode>,
  ) {}

  /** Problems waiting to be sent. */
  get size(): number {
    return this.held
  }

  add(problem: Problem): void {
    this.held++
    if (
      problem.row === null ||
      this.fullSent < this.keepFull ||
      this.alwaysFull.has(problem.code)
    ) {
      this.full.push(problem)
      this.fullSent++
      return
    }

    const column = problem.column ?? -1
    const key = `${column}|${problem.code}|${problem.severity}`
    let group = this.groups.get(key)
    if (group === undefined) {
      group = {
        column,
        code: problem.code,
        severity: problem.severity,
        rows: [],
        lines: [],
      }
      this.groups.set(key, group)
    }

    group.rows.push(problem.row)
    group.lines.push(problem.line ?? 0)
  }

  /** The batch so far, and a fresh start for the next one. */
  take(): ProblemBatch {
    const batch: ProblemBatch = {
      full: this.full,
      groups: [...this.groups.values()].map((group) => ({
        ...group,
        rows: Int32Array.from(group.rows),
        lines: Int32Array.from(group.lines),
      })),
    }
    this.full = []
    this.groups = new Map()
    this.held = 0
    return batch
  }
}

/** The buffers of a batch, to transfer rather than copy. */
export function transferable(batch: ProblemBatch): ArrayBuffer[] {
  return batch.groups.flatMap((group) => [
    group.rows.buffer as ArrayBuffer,
    group.lines.buffer as ArrayBuffer,
  ])
}

/** Calls `each` for every problem a batch holds as row numbers. */
export function forEachCompact(
  batch: ProblemBatch,
  each: (problem: CompactProblem) => void,
): void {
  for (const group of batch.groups) {
    for (let i = 0; i < group.rows.length; i++) {
      each({
        row: group.rows[i] as number,
        line: group.lines[i] as number,
        column: group.column,
        code: group.code,
        severity: group.severity,
      })
    }
  }
}
