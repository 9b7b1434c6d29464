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

/** A record with more or fewer fields than the header, with both counts. */
export function fieldCountProblem(
  fileName: string,
  record: { row: number; line: number; endLine: number; values: string[] },
  expected: number,
): Problem {
  const found = record.values.length
  const place = describeLinesAtStart(record.line, record.endLine)
  const more = found > expected
  return fileProblem(
    'FIELD_COUNT',
    'error',
    `${place} of ${fileName} has ${found} fields but the header has ${expected}.`,
    more
      ? 'A value probably contains the delimiter: put that value in double quotes, or exclude the row.'
      : 'Add the missing values (or delimiters) to the row, or exclude it.',
    record,
  )
}
