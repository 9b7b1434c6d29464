import {
  type DayMonthOrder,
  dateParts,
  isoFromParts,
  provenOrder,
} from './date-parts.ts'
import { keep, refuse, type ValueTransform } from './value-transform.ts'

/** What a whole column's dates say about their day/month order. */
export interface DateInference {
  /** `clear`: one order fits every value; else the user must decide. */
  status: 'clear' | 'ambiguous' | 'conflicting'
  order: DayMonthOrder | null
  /** Lines (first few) whose values prove day-first or month-first. */
  dayFirstLines: number[]
  monthFirstLines: number[]
  /** Lines whose values fit both orders (first few). */
  ambiguousLines: number[]
  /** Lines whose values are not dates at all (first few). */
  invalidLines: number[]
  /** Why the order was chosen, or what the user must decide. */
  explanation: string
}

const KEEP_LINES = 10

/**
 * Collects evidence from a column's values as they stream by (constant
 * memory), then tells the order, or names the lines that conflict.
 */
export class DateEvidence {
  private dayFirst: number[] = []
  private monthFirst: number[] = []
  /** The first value proving each order, for messages. */
  readonly examples: { dmy: string | null; mdy: string | null } = {
    dmy: null,
    mdy: null,
  }
  private either: number[] = []
  private invalid: number[] = []
  private counts = { dayFirst: 0, monthFirst: 0, either: 0, dotted: 0 }

  add(value: string, line: number): void {
    if (value.trim() === '') return

    const parts = dateParts(value)
    if (!parts) {
      note(this.invalid, line)
      return
    }

    const proven = provenOrder(parts)
    if (proven === 'dmy' || proven === 'mdy') this.examples[proven] ??= value

    if (proven === 'dmy') {
      this.counts.dayFirst++
      note(this.dayFirst, line)
    } else if (proven === 'mdy') {
      this.counts.monthFirst++
      note(this.monthFirst, line)
    } else if (proven === 'either') {
      this.counts.either++
      if (parts.kind === 'year-last' && parts.separator === '.') {
        this.counts.dotted++
      }
      note(this.either, line)
    }
  }

  /**
   * Adds what a later part of the same column found (a copy made by a
   * worker thread will do: only the fields are read).
   */
  absorb(later: DateEvidence): void {
    for (const line of later.dayFirst) note(this.dayFirst, line)
    for (const line of later.monthFirst) note(this.monthFirst, line)
    for (const line of later.either) note(this.either, line)
    for (const line of later.invalid) note(this.invalid, line)
    this.examples.dmy ??= later.examples.dmy
    this.examples.mdy ??= later.examples.mdy
    this.counts.dayFirst += later.counts.dayFirst
    this.counts.monthFirst += later.counts.monthFirst
    this.counts.either += later.counts.either
    this.counts.dotted += later.counts.dotted
  }

  result(): DateInference {
    const base = {
      dayFirstLines: this.dayFirst,
      monthFirstLines: this.monthFirst,
      ambiguousLines: this.either,
      invalidLines: this.invalid,
    }
    const { dayFirst, monthFirst, either, dotted } = this.counts
    if (dayFirst > 0 && monthFirst > 0) {
      return {
        ...base,
        status: 'conflicting',
        order: null,
        explanation: `The column mixes day-first dates (${lineList(this.dayFirst)}) and month-first dates (${lineList(this.monthFirst)}); fix one group by hand.`,
      }
    }

    if (dayFirst > 0 || monthFirst > 0) {
      const order = dayFirst > 0 ? 'dmy' : 'mdy'
      const lines = dayFirst > 0 ? this.dayFirst : this.monthFirst
      return {
        ...base,
        status: 'clear',
        order,
        explanation: `Read as ${order === 'dmy' ? 'day-first' : 'month-first'}: line ${lines[0]} has a day above 12 in that place.`,
      }
    }

    if (either > 0 && dotted === either) {
      // Dates written with dots are day-first wherever they are used.
      return {
        ...base,
        status: 'clear',
        order: 'dmy',
        explanation:
          'Read as day-first: dates written with dots are day-first by convention.',
      }
    }

    if (either > 0) {
      return {
        ...base,
        status: 'ambiguous',
        order: null,
        explanation: `No value shows whether the day or the month comes first (e.g. line ${this.either[0]}); choose the order.`,
      }
    }

    return {
      ...base,
      status: 'clear',
      order: null,
      explanation: 'Every date has the year first.',
    }
  }
}

/** "line 4" or "lines 2, 5". */
export function lineList(lines: readonly number[]): string {
  return `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`
}

function note(lines: number[], line: number): void {
  if (lines.length < KEEP_LINES) lines.push(line)
}

/** Converts a column's dates to yyyy-MM-dd under a day/month order. */
export function dateTransform(order: DayMonthOrder | null): ValueTransform {
  const name =
    order === 'dmy'
      ? 'day-first'
      : order === 'mdy'
        ? 'month-first'
        : 'year-first'
  return {
    description: `Dates (${name}) become yyyy-MM-dd`,
    apply(value) {
      if (value.trim() === '') return keep('')

      const parts = dateParts(value)
      const iso = parts && !parts.rest ? isoFromParts(parts, order) : null
      if (iso) return keep(iso)

      if (parts && !parts.rest && order === null) {
        return refuse(
          `“${value}” could be day-first or month-first; choose the order.`,
        )
      }

      return refuse(`“${value}” is not a date this column’s format can read.`)
    },
  }
}
