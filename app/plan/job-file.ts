import type { CsvRecord } from '../csv/csv-types.ts'
import type { CrmField } from '../fields/crm-field.ts'
import type { ImportMapping } from '../mapping/import-mapping.ts'

/** One entry of `field_mappings` in the create-job request (§3.2). */
export interface JobFieldMapping {
  api_name: string
  index?: number
  find_by?: string
  format?: string
  default_value?: { value: string }
}

/** The job CSV's columns and the field mappings that point at them. */
export interface JobColumns {
  headers: string[]
  fieldMappings: JobFieldMapping[]
  /** For each job column, the source column it copies (null: default only). */
  sources: (number | null)[]
  /** For each job column, the value used when the source cell is empty. */
  defaults: (string | null)[]
}

/** Changes a cell on its way into the job CSV (column transforms). */
export type CellTransform = (apiName: string, value: string) => string

/**
 * Orders the mapped fields so that the three columns Zoho echoes back in its
 * result identify the row: the find_by field first, then unique fields, then
 * mandatory ones, then the rest in mapping order.
 */
export function jobColumns(
  mapping: ImportMapping,
  fields: CrmField[],
): JobColumns {
  const byName = new Map(fields.map((field) => [field.apiName, field]))
  const rank = (apiName: string): number => {
    const field = byName.get(apiName)
    if (apiName === mapping.findBy) return 0

    if (field?.unique) return 1

    return field?.mandatory ? 2 : 3
  }
  const ordered = mapping.fields
    .map((entry, position) => ({ entry, position }))
    .sort(
      (a, b) =>
        rank(a.entry.apiName) - rank(b.entry.apiName) ||
        a.position - b.position,
    )
    .map(({ entry }) => entry)

  return {
    headers: ordered.map((entry) => entry.apiName),
    fieldMappings: ordered.map((entry, index) => {
      const field = byName.get(entry.apiName)
      const result: JobFieldMapping = { api_name: entry.apiName, index }
      if (entry.lookupFindBy) result.find_by = entry.lookupFindBy

      if (field?.dataType === 'date') result.format = 'yyyy-MM-dd'

      if (entry.defaultValue !== null) {
        result.default_value = { value: entry.defaultValue }
      }

      return result
    }),
    sources: ordered.map((entry) => entry.column),
    defaults: ordered.map((entry) => entry.defaultValue),
  }
}

/** The cell values Zoho receives for one record, in the job CSV's column order (defaults applied). */
export function jobRow(
  record: CsvRecord,
  _mapping: ImportMapping,
  columns: JobColumns,
  transform?: CellTransform,
): string[] {
  const cells: string[] = new Array(columns.sources.length)
  for (let i = 0; i < cells.length; i++) {
    const source = columns.sources[i]
    let value = source == null ? '' : (record.values[source] ?? '')
    if (transform) value = transform(columns.headers[i] as string, value)

    if (value === '') value = columns.defaults[i] ?? ''

    cells[i] = value
  }

  return cells
}

const NEEDS_QUOTES = /[",\r\n]/

/** One CSV cell, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One CSV line (without its line break). */
export function csvLine(cells: string[]): string {
  // A lone empty cell would make a blank line, which readers skip.
  if (cells.length === 1 && cells[0] === '') return '""'

  return cells.map(csvCell).join(',')
}

/** UTF-8, comma, quoted where needed, CRLF line ends (RFC 4180). */
export function writeJobCsv(headers: string[], rows: string[][]): string {
  const lines = [csvLine(headers)]
  for (const row of rows) lines.push(csvLine(row))
  return lines.join('\r\n') + '\r\n'
}

const SLOW_CELL = /[",\r\n\u0080-\uffff]/

/**
 * UTF-8 size of a record's line in the job CSV (line break included),
 * computed without building the line: the planner calls it for every row.
 */
export function jobRowBytes(
  record: { values: string[]; plain?: string[] | null },
  columns: JobColumns,
  transform?: CellTransform,
): number {
  const count = columns.sources.length
  // Commas between cells and CRLF at the end.
  let bytes = count + 1
  if (!transform && record.plain === record.values && count > 1) {
    return bytes + plainRowBytes(record.values, columns)
  }

  for (let i = 0; i < count; i++) {
    const source = columns.sources[i]
    let value = source == null ? '' : (record.values[source] ?? '')
    if (transform) value = transform(columns.headers[i] as string, value)

    if (value === '') value = columns.defaults[i] ?? ''

    // A lone empty cell is written as "" (see csvLine).
    if (count === 1 && value === '') bytes += 2

    bytes += SLOW_CELL.test(value) ? slowCellBytes(value) : value.length
  }

  return bytes
}

/**
 * Bytes of a row whose values the reader found plain (ASCII, no quote,
 * comma or line feed): each is its length; defaults are measured in full.
 */
function plainRowBytes(values: string[], columns: JobColumns): number {
  let bytes = 0
  const { sources, defaults } = columns
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]
    const length = source == null ? 0 : (values[source]?.length ?? 0)
    if (length > 0) {
      bytes += length
      continue
    }

    const fallback = defaults[i] ?? ''
    if (fallback !== '') {
      bytes += SLOW_CELL.test(fallback)
        ? slowCellBytes(fallback)
        : fallback.length
    }
  }

  return bytes
}

const encoder = new TextEncoder()
const NON_ASCII = /[\u0080-\uffff]/
const QUOTE = /"/g

/** Bytes of a cell that needs quotes or holds non-ASCII text. */
function slowCellBytes(value: string): number {
  const length = NON_ASCII.test(value)
    ? encoder.encode(value).length
    : value.length
  if (!NEEDS_QUOTES.test(value)) return length

  return length + 2 + (value.match(QUOTE)?.length ?? 0)
}
