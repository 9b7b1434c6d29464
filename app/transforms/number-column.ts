import { lineList } from './date-column.ts'
import { keep, refuse, type ValueTransform } from './value-transform.ts'

/** The decimal mark of a column: `.` (1,234.5) or `,` (1.234,5). */
export type DecimalMark = '.' | ','

/** What a column's numbers say about their decimal mark. */
export interface NumberInference {
  status: 'clear' | 'ambiguous' | 'conflicting'
  decimalMark: DecimalMark | null
  pointLines: number[]
  commaLines: number[]
  explanation: string
}

const SYMBOLS = /[\s\u00a0\u202f'’$€£¥₹%]|\b(?:USD|EUR|GBP|CHF|JPY|INR)\b/gi

/** The value with currency signs, spaces and percent removed. */
function bare(value: string): string {
  return value.trim().replace(SYMBOLS, '')
}

/** What one value proves about its decimal mark, if anything. */
export function provenMark(value: string): DecimalMark | null {
  const text = bare(value).replace(/^[(+-]|\)$/g, '')
  const lastPoint = text.lastIndexOf('.')
  const lastComma = text.lastIndexOf(',')
  if (lastPoint !== -1 && lastComma !== -1) {
    return lastPoint > lastComma ? '.' : ','
  }

  const mark = lastPoint !== -1 ? '.' : lastComma !== -1 ? ',' : null
  if (!mark) return null

  const groups = text.split(mark)
  // 1,234,567 or 1.234.567: a repeated mark groups thousands.
  if (groups.length > 2) return mark === '.' ? ',' : '.'

  // 1,5 or 12.75: not three digits after the mark, so it is the decimal one.
  return (groups[1] ?? '').length === 3 ? null : mark
}

/** Collects evidence per column, streaming; names lines that disagree. */
export class NumberEvidence {
  private point: number[] = []
  private comma: number[] = []

  add(value: string, line: number): void {
    const mark = provenMark(value)
    if (mark === '.' && this.point.length < 10) this.point.push(line)
    if (mark === ',' && this.comma.length < 10) this.comma.push(line)
  }

  /** Adds what a later part of the same column found. */
  absorb(later: NumberEvidence): void {
    for (const line of later.point) {
      if (this.point.length < 10) this.point.push(line)
    }

    for (const line of later.comma) {
      if (this.comma.length < 10) this.comma.push(line)
    }
  }

  result(): NumberInference {
    const base = { pointLines: this.point, commaLines: this.comma }
    if (this.point.length && this.comma.length) {
      return {
        ...base,
        status: 'conflicting',
        decimalMark: null,
        explanation: `Some numbers use a decimal point (${lineList(this.point)}) and others a decimal comma (${lineList(this.comma)}); fix one group by hand.`,
      }
    }

    if (this.point.length || this.comma.length) {
      const mark: DecimalMark = this.point.length ? '.' : ','
      return {
        ...base,
        status: 'clear',
        decimalMark: mark,
        explanation: `The decimal mark is “${mark}” (line ${(this.point[0] ?? this.comma[0]) as number}).`,
      }
    }

    return {
      ...base,
      status: 'ambiguous',
      decimalMark: null,
      explanation: 'No value shows which mark is the decimal one; choose it.',
    }
  }
}

/** Numbers to Zoho's form: no thousands marks or symbols, `.` as decimal. */
export function numberTransform(decimalMark: DecimalMark): ValueTransform {
  const thousands = decimalMark === '.' ? /,/g : /\./g
  return {
    description: `Numbers lose thousands marks and currency signs; the decimal mark “${decimalMark}” becomes “.”`,
    apply(value) {
      if (value.trim() === '') return keep('')

      let text = bare(value)
      const negative = /^\(.*\)$/.test(text) || text.startsWith('-')
      text = text.replace(/^[(+-]|\)$/g, '').replace(thousands, '')
      if (decimalMark === ',') text = text.replace(',', '.')

      if (!/^\d+(\.\d+)?$/.test(text)) {
        return refuse(`“${value}” is not a number in this column’s format.`)
      }

      return keep(negative ? `-${text}` : text)
    },
  }
}
