/** Day and month order of dates written with the year last. */
export type DayMonthOrder = 'dmy' | 'mdy'

/** A date value taken apart, before its order is known. */
export type DateParts =
  | { kind: 'ymd'; year: number; month: number; day: number; rest: string }
  | {
      kind: 'year-last'
      first: number
      second: number
      year: number
      separator: string
      rest: string
    }

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](.*))?$/
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[T ](.*))?$/

/** Splits a date (optionally followed by a time, kept in `rest`). */
export function dateParts(value: string): DateParts | null {
  const text = value.trim()
  const ymd = YEAR_FIRST.exec(text)
  if (ymd) {
    return {
      kind: 'ymd',
      year: Number(ymd[1]),
      month: Number(ymd[2]),
      day: Number(ymd[3]),
      rest: ymd[4] ?? '',
    }
  }

  const last = YEAR_LAST.exec(text)
  if (!last) return null

  return {
    kind: 'year-last',
    first: Number(last[1]),
    second: Number(last[3]),
    separator: last[2] as string,
    year: Number(last[4]),
    rest: last[5] ?? '',
  }
}

/** What one value proves about the order: a part > 12 must be the day. */
export function provenOrder(parts: DateParts): DayMonthOrder | 'either' | null {
  if (parts.kind === 'ymd') return null

  if (parts.first > 12 && parts.second <= 12) return 'dmy'

  if (parts.second > 12 && parts.first <= 12) return 'mdy'

  return parts.first === parts.second ? null : 'either'
}

/** `yyyy-MM-dd` when the parts make a real date, else null. */
export function isoDate(
  year: number,
  month: number,
  day: number,
): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null
  }

  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
}

/** The ISO date of parsed parts under a day/month order. */
export function isoFromParts(
  parts: DateParts,
  order: DayMonthOrder | null,
): string | null {
  if (parts.kind === 'ymd') return isoDate(parts.year, parts.month, parts.day)

  const resolved = order ?? (parts.first === parts.second ? 'dmy' : null)
  if (!resolved) return null

  return resolved === 'dmy'
    ? isoDate(parts.year, parts.second, parts.first)
    : isoDate(parts.year, parts.first, parts.second)
}
