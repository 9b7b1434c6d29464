import type { Problem, ProblemCode } from '../../app/check/problem.ts'

/** Numbers per problem in a batch's `cells`: row, line, column, code, error. */
const WIDTH = 5

/**
 * Problems found by the worker since its last message. The first ones and
 * those only a whole-file pass can find come in full (`full`); the rest as
 * five numbers each, without their sentence or value, so that a file with
 * a million problems crosses threads as a few typed arrays.
 */
export interface ProblemBatch {
  full: Problem[]
  /** Codes the numbers in `cells` point into. */
  codes: ProblemCode[]
  cells: Int32Array
}

/** One problem as the numbers of a batch give it back. */
export interface CompactProblem {
  row: number
  line: number
  /** -1 when the problem is not about one column. */
  column: number
  code: ProblemCode
  severity: Problem['severity']
}

/** Collects a worker's problems into batches to post. */
export class ProblemBatcher {
  private full: Problem[] = []
  private codes: ProblemCode[] = []
  private codeIndex = new Map<ProblemCode, number>()
  private cells: number[] = []
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
    return this.full.length + this.cells.length / WIDTH
  }

  add(problem: Problem): void {
    if (
      problem.row === null ||
      this.fullSent < this.keepFull ||
      this.alwaysFull.has(problem.code)
    ) {
      this.full.push(problem)
      this.fullSent++
      return
    }

    let code = this.codeIndex.get(problem.code)
    if (code === undefined) {
      code = this.codes.length
      this.codes.push(problem.code)
      this.codeIndex.set(problem.code, code)
    }

    this.cells.push(
      problem.row,
      problem.line ?? 0,
      problem.column ?? -1,
      code,
      problem.severity === 'error' ? 1 : 0,
    )
  }

  /** The batch so far, and a fresh start for the next one. */
  take(): ProblemBatch {
    const batch = {
      full: this.full,
      codes: this.codes,
      cells: Int32Array.from(this.cells),
    }
    this.full = []
    this.codes = []
    this.codeIndex = new Map()
    this.cells = []
    return batch
  }
}

/** Calls `each` for every problem a batch holds as numbers, in order. */
export function forEachCompact(
  batch: ProblemBatch,
  each: (problem: CompactProblem) => void,
): void {
  const { cells, codes } = batch
  for (let at = 0; at + WIDTH <= cells.length; at += WIDTH) {
    each({
      row: cells[at] as number,
      line: cells[at + 1] as number,
      column: cells[at + 2] as number,
      code: codes[cells[at + 3] as number] as ProblemCode,
      severity: cells[at + 4] === 1 ? 'error' : 'warning',
    })
  }
}
