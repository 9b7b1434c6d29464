import type { Problem, ProblemCode, ProblemSeverity } from '../check/problem.ts'
import { describeLinesAtStart } from '../check/describe-place.ts'
import {
  LINE_BREAK_NAMES,
  type LineBreak,
  type OtherBreaks,
} from './line-breaks.ts'

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

/** "line 3", "lines 3 and 8", "lines 3, 8 and 12". */
export function listLines(lines: number[]): string {
  const words = lines.map(String)
  const last = words.pop() ?? ''
  const list = words.length > 0 ? `${words.join(', ')} and ${last}` : last
  return `${lines.length === 1 ? 'line' : 'lines'} ${list}`
}

/**
 * A note (not an error) on lines ending in another line break than the
 * rest of the file; `part` says which part of the file was looked at.
 */
export function lineBreakProblem(
  fileName: string,
  main: LineBreak,
  found: OtherBreaks,
  part: 'whole' | 'head' | 'beyond-head',
): Problem {
  const lines = found.first.map((entry) => entry.line)
  const kinds = [
    ...new Set(found.first.map((e) => LINE_BREAK_NAMES[e.lineBreak])),
  ]
  const listed = listLines(lines)
  const where = {
    whole: '',
    head: ' in the first part of the file',
    'beyond-head': ' past the first part of the file',
  }[part]
  const more =
    found.count > lines.length ? ` (${found.count} lines in all${where})` : ''
  const before = part === 'beyond-head' ? 'Further into the file, ' : ''
  const subject = before
    ? listed
    : listed.charAt(0).toUpperCase() + listed.slice(1)
  return fileProblem(
    'LINE_BREAKS',
    'warning',
    `${before}${subject}${more} of ${fileName} ${lines.length === 1 ? 'ends' : 'end'} in ${kinds.join(' or ')} while its other lines end in ${LINE_BREAK_NAMES[main]}; each of those line breaks still ends a row.`,
    'Nothing is lost. If a row looks cut in two, the value meant to span lines needs double quotes; saving the file again from a spreadsheet or text editor makes its line breaks alike.',
    { line: lines[0] ?? 1 },
  )
}
