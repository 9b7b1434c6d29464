/** Date and time parts read from one cell. */
export interface DateParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Offset from UTC in minutes, when the cell carried one. */
  offset: number | null
}

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]

/** Regex source and group name for each Java pattern token LocalCRM reads. */
const TOKENS: [RegExp, string, string][] = [
  [/^yyyy/, '(?<year>\\d{4})', 'year'],
  [/^yy/, '(?<yy>\\d{2})', 'yy'],
  [/^MMM/, '(?<mon>[A-Za-z]{3})', 'mon'],
  [/^MM?/, '(?<month>\\d{1,2})', 'month'],
  [/^dd?/, '(?<day>\\d{1,2})', 'day'],
  [/^[Hh][Hh]?/, '(?<hour>\\d{1,2})', 'hour'],
  [/^mm?/, '(?<minute>\\d{1,2})', 'minute'],
  [/^ss?/, '(?<second>\\d{1,2})', 'second'],
  [/^S+/, '\\d+', ''],
  [/^a/, '(?<ampm>[AaPp][Mm])', 'ampm'],
  [/^(XXX|ZZZ|Z|X+)/, '(?<offset>Z|[+-]\\d{2}:?\\d{2})', 'offset'],
]

const cache = new Map<string, RegExp>()

/** Compiles a Java-style date pattern (`MM/dd/yyyy`, `yyyy-MM-dd'T'HH:mm:ssXXX`). */
function compile(pattern: string): RegExp {
  const hit = cache.get(pattern)
  if (hit) return hit

  let source = ''
  let rest = pattern
  while (rest.length > 0) {
    const quoted = /^'([^']*)'/.exec(rest)
    if (quoted) {
      source += escape(quoted[1] ?? '')
      rest = rest.slice(quoted[0].length)
      continue
    }
    const token = TOKENS.find(([re]) => re.test(rest))
    if (token) {
      const length = token[0].exec(rest)?.[0].length ?? 1
      source += token[1]
      rest = rest.slice(length)
      continue
    }
    source += escape(rest[0] ?? '')
    rest = rest.slice(1)
  }
  const re = new RegExp(`^${source}$`)
  cache.set(pattern, re)
  return re
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Reads a cell with a pattern; undefined when it does not fit or is no real date. */
export function parseDate(
  text: string,
  pattern: string,
): DateParts | undefined {
  const groups = compile(pattern).exec(text.trim())?.groups
  if (!groups) return undefined

  const year = groups.year
    ? Number(groups.year)
    : groups.yy
      ? 2000 + Number(groups.yy)
      : 1970
  const month = groups.mon
    ? MONTHS.indexOf(groups.mon.toLowerCase()) + 1
    : Number(groups.month ?? 1)
  let hour = Number(groups.hour ?? 0)
  if (groups.ampm) {
    const pm = groups.ampm.toLowerCase() === 'pm'
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  const parts: DateParts = {
    year,
    month,
    day: Number(groups.day ?? 1),
    hour,
    minute: Number(groups.minute ?? 0),
    second: Number(groups.second ?? 0),
    offset: groups.offset ? parseOffset(groups.offset) : null,
  }
  return isReal(parts) ? parts : undefined
}

function parseOffset(text: string): number {
  if (text === 'Z') return 0

  const digits = text.replace(':', '')
  const sign = digits.startsWith('-') ? -1 : 1
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)))
}

function isReal(p: DateParts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1) return false
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return false

  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()
  return p.day <= days
}

const two = (n: number) => String(n).padStart(2, '0')

/** `yyyy-MM-dd`, the way the Records API returns dates. */
export function formatDate(p: DateParts): string {
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`
}

/** ISO-8601 with offset, the way the Records API returns date-times. */
export function formatDateTime(p: DateParts): string {
  const offset = p.offset ?? 0
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${formatDate(p)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
}
