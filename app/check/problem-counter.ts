import type { ProblemCode, ProblemSeverity } from './problem.ts'

/** The counts a check summary keeps. */
export interface ProblemCounts {
  problemCount: number
  errorCount: number
  warningCount: number
  countsByCode: Record<string, number>
}

/**
 * Counts problems without building them, for files with more problems
 * than anyone reads: each kind (code and severity) gets a numbered slot
 * once, and a problem found is one increment of its slot.
 */
export class ProblemCounter {
  private readonly slots = new Map<string, number>()
  private readonly kinds: { code: ProblemCode; severity: ProblemSeverity }[] =
    []
  private counts = new Float64Array(8)

  /** The slot of a kind of problem, numbered on first use. */
  slotOf(code: ProblemCode, severity: ProblemSeverity): number {
    const key = `${code} ${severity}`
    let slot = this.slots.get(key)
    if (slot === undefined) {
      slot = this.kinds.length
      this.slots.set(key, slot)
      this.kinds.push({ code, severity })
      if (slot >= this.counts.length) {
        const larger = new Float64Array(this.counts.length * 2)
        larger.set(this.counts)
        this.counts = larger
      }
    }

    return slot
  }

  add(slot: number): void {
    this.counts[slot] = (this.counts[slot] as number) + 1
  }

  /** Adds what was counted to `into` and starts again from zero. */
  drainInto(into: ProblemCounts): void {
    this.kinds.forEach(({ code, severity }, slot) => {
      const count = this.counts[slot] as number
      if (count === 0) return

      into.problemCount += count
      if (severity === 'error') into.errorCount += count
      else into.warningCount += count
      into.countsByCode[code] = (into.countsByCode[code] ?? 0) + count
    })
    this.counts.fill(0)
  }
}
