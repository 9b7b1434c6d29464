/** How much a problem matters. */
export type ProblemSeverity = 'error' | 'warning'

/**
 * Literal codes of the problems the reader and checker find. Each has a
 * sentence in the problem's `message`; the code is for filters and tests.
 */
export type ProblemCode =
  | 'FIELD_COUNT'
  | 'ENCODING'
  | 'MANDATORY_MISSING'
  | 'MANDATORY_NOT_MAPPED'
  | 'TOO_LONG'
  | 'INVALID_EMAIL'
  | 'INVALID_PHONE'
  | 'INVALID_NUMBER'
  | 'INVALID_DATE'
  | 'INVALID_DATETIME'
  | 'INVALID_BOOLEAN'
  | 'INVALID_URL'
  | 'UNKNOWN_PICKLIST_VALUE'
  | 'INVALID_LOOKUP'
  | 'DUPLICATE_IN_FILE'
  | 'FIND_BY_MISSING'
  | 'LIMIT_EXCEEDED'
  | 'AMBIGUOUS_DATE'
  | 'MALFORMED_QUOTES'
  | 'HEADER_LINE'
  | 'EMPTY_COLUMN'
  | 'NO_DATA'
  | 'INVALID_VALUE'
  | 'UNKNOWN_FIELD'
  | 'NOT_CSV'
  | 'LINE_BREAKS'
  | 'DUPLICATE_HEADER'
  | 'MISSING_HEADER'

/** One thing that is wrong with a cell, a row or the file. */
export interface Problem {
  /** 0-based data row, or null for a problem of the whole file or a column. */
  row: number | null
  /** 1-based physical line where the record starts, or null. */
  line: number | null
  /** 1-based physical line where the record ends. */
  endLine: number | null
  /** 0-based CSV column, or null. */
  column: number | null
  /** The column as the user saw it (header text), or '' for none. */
  columnName: string
  /** API name of the CRM field concerned, or null. */
  field: string | null
  /** The raw cell value ('' when not about a cell). */
  value: string
  code: ProblemCode
  severity: ProblemSeverity
  /** A sentence that names the file line and column and says what is wrong. */
  message: string
  /** What would fix it, when something would. */
  fix: string | null
}
