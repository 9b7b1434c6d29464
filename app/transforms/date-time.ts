import { type DayMonthOrder, dateParts, isoFromParts } from './date-parts.ts'
import { keep, refuse, type ValueTransform } from './value-transform.ts'

const TIME =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

const formats = new Map<string, Intl.DateTimeFormat>()

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formats.set(zone, format)
  }

  return format
}

/** Minutes east of UTC that an IANA zone (or a "+02:00" offset) has at an instant. */
export function zoneOffsetMinutes(zone: string, utcMillis: number): number {
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3])
    return fixed[1] === '-' ? -minutes : minutes
  }

  if (zone === 'UTC' || zone === 'Z') return 0

  const parts = zoneFormat(zone).formatToParts(new Date(utcMillis))
  const get = (type: string): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0)
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return Math.round((wall - utcMillis) / 60000)
}

/** True when the zone name is one the platform knows (or a fixed offset). */
export function isKnownZone(zone: string): boolean {
  try {
    zoneOffsetMinutes(zone, 0)
    return true
  } catch {
    return false
  }
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/**
 * Date-times to ISO 8601 with an offset, as Zoho wants them. Values without
 * an offset are read in the one time zone the user chose for the column.
 */
export function dateTimeTransform(
  order: DayMonthOrder | null,
  zone: string,
): ValueTransform {
  return {
    description: `Date-times become yyyy-MM-ddTHH:mm:ss±HH:mm (time zone ${zone} where none is given)`,
    apply(value) {
      if (value.trim() === '') return keep('')

      const parts = dateParts(value)
      const date = parts ? isoFromParts(parts, order) : null
      const time = TIME.exec(parts?.rest || '00:00')
      if (!parts || !date || !time) {
        return refuse(
          `“${value}” is not a date-time this column’s format can read.`,
        )
      }

      let hour = Number(time[1])
      const meridiem = time[4]?.toLowerCase()
      if (meridiem && (hour < 1 || hour > 12)) {
        return refuse(`“${value}” has an hour that does not fit AM/PM.`)
      }

      if (meridiem === 'pm' && hour < 12) hour += 12
      if (meridiem === 'am' && hour === 12) hour = 0

      const minute = Number(time[2])
      const second = Number(time[3] ?? 0)
      if (hour > 23 || minute > 59 || second > 59) {
        return refuse(`“${value}” has a time that does not exist.`)
      }

      const [y, m, d] = date.split('-').map(Number) as [number, number, number]
      const wall = Date.UTC(y, m - 1, d, hour, minute, second)
      const given = time[5]
      const offset = given
        ? given.toUpperCase() === 'Z'
          ? 0
          : zoneOffsetMinutes(given, wall)
        : zoneOffsetMinutes(zone, wall - zoneOffsetMinutes(zone, wall) * 60000)
      const pad = (n: number): string => String(n).padStart(2, '0')
      return keep(
        `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset)}`,
      )
    },
  }
}
