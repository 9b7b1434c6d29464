import type { ProblemCode } from '../../../app/check/problem.ts'

const LABELS: Partial<Record<ProblemCode, string>> = {
  MANDATORY_MISSING: 'Required value missing',
  TOO_LONG: 'Too long',
  INVALID_EMAIL: 'Not an email address',
  INVALID_PHONE: 'Not a phone number',
  INVALID_NUMBER: 'Not a number',
  INVALID_DATE: 'Not a date',
  INVALID_DATETIME: 'Not a date and time',
  INVALID_BOOLEAN: 'Not yes/no',
  INVALID_URL: 'Not a web address',
  UNKNOWN_PICKLIST_VALUE: 'Not in the picklist',
  DUPLICATE_IN_FILE: 'Duplicate in the file',
  FIND_BY_MISSING: 'Nothing to find the record by',
  FIELD_COUNT: 'Wrong number of cells',
  MALFORMED_QUOTES: 'Broken quotes',
  AMBIGUOUS_DATE: 'Ambiguous date',
  ENCODING: 'Unreadable characters',
}

/** A kind of problem in words, for the summary and the filter. */
export function problemLabel(code: ProblemCode): string {
  return (
    LABELS[code] ??
    code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ')
  )
}
