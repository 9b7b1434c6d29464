import type { Problem, ProblemCode, ProblemSeverity } from '../check/problem.ts'
import { describeLinesAtStart } from '../check/describe-place.ts'

/** A problem of the file itself (not of a cell), placed on its lines. */
export function fileProblem(
  code: ProblemCode,
  severity: ProblemSeverity,
  message: string,
  fix: string | null,
  place: { line: number; endLine?: number; row?: number } | null = null,
): Problem {
  return {
    row: place?.row ?? null,
    line: place?.line ?? null,
    endLine: place ? (place.endLine ?? place.line) : null,
    column: null,
    columnName: '',
    field: null,
    value: '',
    code,
    severity,
    message,
    fix,
  }
}

/**
 * A record with more or fewer fields than the header, with both counts.
 * Extra fields that are all empty (a trailing delimiter) only warn: no
 * value is lost, and the message still says so.
 */
export function fieldCountProblem(
  fileName: string,
  record: { row: number; line: number; endLine: number; values: string[] },
  expected: number,
): Problem {
  const found = record.values.length
  const place = describeLinesAtStart(record.line, record.endLine)
  const emptyExtra =
    found > expected && record.values.slice(expected).every((v) => v === '')
  if (emptyExtra) {
    return fileProblem(
      'FIELD_COUNT',
      'warning',
      `${place} of ${fileName} has ${found} ${found === 1 ? 'field' : 'fields'} but the header has ${expected}; the extra ${found - expected === 1 ? 'field is' : 'fields are'} empty and left out.`,
      'Remove the trailing delimiters from the row if you want the warning gone.',
      record,
    )
  }

  return fileProblem(
    'FIELD_COUNT',
    'error',
    `${place} of ${fileName} has ${found} ${found === 1 ? 'field' : 'fields'} but the header has ${expected}.`,
    found > expected
      ? 'A value probably contains the delimiter: put that value in double quotes, or exclude the row.'
      : 'Add the missing values (or delimiters) to the row, or exclude it.',
    record,
  )
}
