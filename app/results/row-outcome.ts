/** The four ends a source row can come to. Exactly one per row. */
export type OutcomeKind = 'added' | 'updated' | 'skipped' | 'excluded'

/** One error Zoho reported for a row, split out of the ERRORS column. */
export interface ZohoRowError {
  /** e.g. `MANDATORY_NOT_FOUND`, `INVALID_DATA`, `DUPLICATE_DATA`. */
  code: string
  /** The field API names (or column headers) the code names. */
  fields: string[]
}

/** What happened to one row of the user's file. */
export interface RowOutcome {
  /** 0-based data row of the source file. */
  row: number
  /** 1-based physical line of the source file. */
  line: number
  kind: OutcomeKind
  recordId: string | null
  errors: ZohoRowError[]
  /** A plain-language reason, for skipped and excluded rows. */
  reason: string | null
}

/** Counts that add up to the rows of the file. */
export interface OutcomeCounts {
  added: number
  updated: number
  skipped: number
  excluded: number
  total: number
}
