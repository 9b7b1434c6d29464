import { formatDate, formatDateTime, parseDate } from './date-format.ts'
import type { FieldMeta } from './seed/field-builder.ts'

/** Zoho's default patterns when a mapping gives no `format`. */
export const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd'
/** ISO-8601 with offset, per Kaizen #13. */
export const DEFAULT_DATETIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ssXXX"

/** A cell turned into the value to store, or refused (`INVALID_DATA`). */
export type CellValue = { ok: true; value: unknown } | { ok: false }

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/
/** The reference: phone numbers are digits, with an optional leading `+`. */
const PHONE = /^\+?\d+$/
const URL_LIKE =
  /^(https?:\/\/)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i
const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/

const ok = (value: unknown): CellValue => ({ ok: true, value })
const refused: CellValue = { ok: false }

/**
 * Checks one non-empty cell against its field's data type and length (the
 * table in the reference, §3.7) and converts it to the stored value.
 * Lookups and owners are resolved elsewhere.
 */
export function checkCell(
  field: FieldMeta,
  text: string,
  format: string | null,
): CellValue {
  switch (field.data_type) {
    case 'text':
    case 'textarea':
    case 'picklist':
      return text.length <= field.length ? ok(text) : refused
    case 'email':
      return text.length <= field.length && EMAIL.test(text)
        ? ok(text)
        : refused
    case 'phone':
      return text.length <= field.length && PHONE.test(text)
        ? ok(text)
        : refused
    case 'website':
      return text.length <= field.length && URL_LIKE.test(text)
        ? ok(text)
        : refused
    case 'multiselectpicklist':
      return checkMultiSelect(field, text)
    case 'date':
      return checkDate(text, format ?? DEFAULT_DATE_FORMAT, false)
    case 'datetime':
      return checkDate(text, format ?? DEFAULT_DATETIME_FORMAT, true)
    case 'integer':
    case 'bigint':
      return checkInteger(field, text)
    case 'double':
    case 'currency':
    case 'percent':
      return checkDecimal(field, text)
    case 'boolean':
      return checkBoolean(text)
    default:
      return ok(text)
  }
}

function checkMultiSelect(field: FieldMeta, text: string): CellValue {
  const values = text
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '')
  return text.length <= field.length ? ok(values) : refused
}

function checkDate(text: string, format: string, withTime: boolean): CellValue {
  const parts = parseDate(text, format)
  if (!parts) return refused

  return ok(withTime ? formatDateTime(parts) : formatDate(parts))
}

function checkInteger(field: FieldMeta, text: string): CellValue {
  const trimmed = text.trim()
  if (!INTEGER.test(trimmed)) return refused

  const digits = trimmed.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '')
  if (digits.length > field.length) return refused

  return ok(
    field.data_type === 'bigint' ? trimmed.replace(/^\+/, '') : Number(trimmed),
  )
}

function checkDecimal(field: FieldMeta, text: string): CellValue {
  const match = DECIMAL.exec(text.trim())
  if (!match) return refused

  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '')
  const fraction = match[2] ?? ''
  if (whole.length > field.length) return refused

  const places = field.decimal_place ?? 2
  const value = Number(text.trim())
  if (field.data_type === 'currency') {
    // Currency rounds to its precision (rounding_option "normal").
    return ok(Math.round(value * 10 ** places) / 10 ** places)
  }
  return fraction.length <= places ? ok(value) : refused
}

function checkBoolean(text: string): CellValue {
  const lower = text.trim().toLowerCase()
  if (lower === 'true') return ok(true)
  if (lower === 'false') return ok(false)

  return refused
}
