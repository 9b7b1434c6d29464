import type { Problem } from '../check/problem.ts'
import type { DateEvidence } from './date-column.ts'
import type { NumberInference } from './number-column.ts'

/** The column a whole-column finding is about. */
export interface ColumnRef {
  column: number
  columnName: string
  field: string | null
}

function columnProblem(
  ref: ColumnRef,
  line: number | null,
  code: Problem['code'],
  message: string,
  fix: string | null,
): Problem {
  return {
    row: null,
    line,
    endLine: line,
    column: ref.column,
    columnName: ref.columnName,
    field: ref.field,
    value: '',
    code,
    severity: 'error',
    message,
    fix,
  }
}

/**
 * A date column whose order is ambiguous or conflicting, reported at the
 * line that conflicts (the first value proving the order seen later).
 */
export function dateColumnProblem(
  ref: ColumnRef,
  evidence: DateEvidence,
): Problem | null {
  const inference = evidence.result()
  if (inference.status === 'clear') return null

  if (inference.status === 'ambiguous') {
    const line = inference.ambiguousLines[0] ?? null
    return columnProblem(
      ref,
      line,
      'AMBIGUOUS_DATE',
      `Column “${ref.columnName}”: no date shows whether the day or the month comes first (line ${inference.ambiguousLines.join(', ')}), so none is converted.`,
      'Choose day-first or month-first for this column.',
    )
  }

  const dmy = inference.dayFirstLines[0] as number
  const mdy = inference.monthFirstLines[0] as number
  const later = dmy > mdy ? 'dmy' : 'mdy'
  const line = Math.max(dmy, mdy)
  const earlier = Math.min(dmy, mdy)
  const name = (order: 'dmy' | 'mdy'): string =>
    order === 'dmy' ? 'day-first' : 'month-first'
  return columnProblem(
    ref,
    line,
    'AMBIGUOUS_DATE',
    `Line ${line}, column “${ref.columnName}”: “${evidence.examples[later]}” can only be ${name(later)}, but line ${earlier} (“${evidence.examples[later === 'dmy' ? 'mdy' : 'dmy']}”) can only be ${name(later === 'dmy' ? 'mdy' : 'dmy')}; the column mixes both orders, so no date is guessed.`,
    `Rewrite the ${name(later)} dates (${inference.dayFirstLines.length && later === 'dmy' ? `line ${inference.dayFirstLines.join(', ')}` : `line ${inference.monthFirstLines.join(', ')}`}) or the others as yyyy-MM-dd.`,
  )
}

/** A number column whose decimal mark conflicts, reported at the later line. */
export function numberColumnProblem(
  ref: ColumnRef,
  inference: NumberInference,
): Problem | null {
  if (inference.status !== 'conflicting') return null

  const line = Math.max(
    inference.pointLines[0] as number,
    inference.commaLines[0] as number,
  )
  return columnProblem(
    ref,
    line,
    'INVALID_NUMBER',
    `Column “${ref.columnName}”: ${inference.explanation}`,
    'Write every number of the column with the same decimal mark.',
  )
}
