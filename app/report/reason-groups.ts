import type { RowOutcome } from '../results/row-outcome.ts'

/** How many rows share one reason. */
export interface ReasonCount {
  group: string
  count: number
}

/** Check codes in words, for rows that were not sent. */
const CHECK_WORDS: Record<string, string> = {
  MANDATORY_MISSING: 'a required value is missing',
  TOO_LONG: 'a value is too long',
  INVALID_EMAIL: 'not a valid email address',
  INVALID_PHONE: 'not a valid phone number',
  INVALID_NUMBER: 'not a valid number',
  INVALID_DATE: 'not a valid date',
  INVALID_DATETIME: 'not a valid date and time',
  INVALID_BOOLEAN: 'not a yes/no value',
  INVALID_URL: 'not a valid web address',
  UNKNOWN_PICKLIST_VALUE: 'not one of the allowed values',
  INVALID_LOOKUP: 'does not point at a record',
  DUPLICATE_IN_FILE: 'the same value is earlier in the file',
  FIND_BY_MISSING: 'the value used to find the record is empty',
  AMBIGUOUS_DATE: 'the date could be read two ways',
  FIELD_COUNT: 'the line has the wrong number of fields',
}

/**
 * The reason a row is grouped under: the same words for every row with the
 * same kind of problem in the same field, without any row's own values.
 */
export function reasonGroup(
  outcome: RowOutcome,
  label: (apiName: string) => string = (name) => name,
): string {
  const first = outcome.errors[0]
  if (first === undefined) return outcome.reason ?? 'No reason given.'

  if (outcome.kind === 'excluded') {
    const fields = first.fields.filter(Boolean).map(label).join(', ')
    const words = CHECK_WORDS[first.code] ?? first.code.toLowerCase()
    return `Not sent: ${fields ? `${fields}: ` : ''}${words}`
  }

  return outcome.reason ?? first.code
}

/** Rows per reason, the most frequent first (ties in name order). */
export function countReasons(groups: Iterable<string>): ReasonCount[] {
  const counts = new Map<string, number>()
  for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1)
  return [...counts]
    .map(([group, count]) => ({ group, count }))
    .sort((a, b) => b.count - a.count || a.group.localeCompare(b.group))
}
