/** Value shapes Zoho accepts, one predicate per data type (§3.7). */

const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\].]{2,}$/
// The scheme in any case, spelt out: a case-insensitive expression is
// slower, and this runs on every web address of million-row files.
const URL_LIKE =
  /^([hH][tT][tT][pP][sS]?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(:\d+)?([/?#]\S*)?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([+-]([01]\d|2[0-3]):[0-5]\d|Z)$/
const RECORD_ID = /^\d{1,19}$/

/** A syntactically valid email address. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value)
}

/**
 * Digits with an optional leading `+`, nothing else: the rule in Zoho's
 * documentation that LocalCRM applies too. Spaces, dots, dashes and brackets
 * are problems the phone transform removes.
 */
export function isPhone(value: string): boolean {
  // A character loop: this runs on every phone cell of million-row files.
  const start = value.charCodeAt(0) === 43 ? 1 : 0
  if (value.length === start) return false

  for (let i = start; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }

  return true
}

/** A web address, with or without `http(s)://`. */
export function isUrl(value: string): boolean {
  return URL_LIKE.test(value)
}

/** A real calendar date written `yyyy-MM-dd`. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false

  const [year, month, day] = match.slice(1).map(Number) as [
    number,
    number,
    number,
  ]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** ISO 8601 date-time with seconds and an offset, e.g. 2024-05-01T09:30:00+02:00. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value)
  return match !== null && isIsoDate(match[1] as string)
}

/** A Zoho record id (a long digit string). */
export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value)
}

/** A test for whole numbers of at most `digits` digits. */
export function integerTest(digits: number): (value: string) => boolean {
  const shape = new RegExp(`^-?\\d{1,${digits}}$`)
  return (value) => shape.test(value)
}

/** A test for numbers within `whole` digits before and `fraction` after the point. */
export function decimalTest(
  whole: number,
  fraction: number,
): (value: string) => boolean {
  const tail = fraction > 0 ? `(\\.\\d{1,${fraction}})?` : ''
  const shape = new RegExp(`^-?\\d{1,${whole}}${tail}$`)
  return (value) => shape.test(value)
}
