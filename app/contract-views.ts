/**
 * The shapes that cross between the processes: what the renderer is shown of
 * connections, files, checks, runs and reports. `contract.ts` lists the
 * requests and events that carry them.
 */
import type { CsvColumn, CsvLayout, CsvRecord } from './csv/csv-types.ts'
import type { Problem, ProblemCode, ProblemSeverity } from './check/problem.ts'
import type { SavedMapping } from './mapping/saved-mapping.ts'
import type { OutcomeCounts } from './results/row-outcome.ts'
import type {
  DataCentreCode,
  ZohoEnvironment,
} from './connection/data-centres.ts'

/** Which CRM the app talks to, as the renderer may know it (never a token). */
export interface ConnectionInfo {
  kind: 'localcrm' | 'zoho'
  state: 'connected' | 'connecting' | 'error'
  orgName: string | null
  /** e.g. "LocalCRM on this computer" or "Zoho EU, production". */
  description: string
  message: string | null
  /** The Zoho connection kept for one-click switching, if any. */
  savedZoho: SavedZohoInfo | null
  /** How a Zoho refresh token is kept (session-only: lost on quit). */
  tokenStorage: 'encrypted' | 'session-only' | 'test-file'
}

/** A Zoho org Bulkwright can switch to without signing in again. */
export interface SavedZohoInfo {
  orgName: string
  dataCentre: DataCentreCode
  environment: ZohoEnvironment
}

/** What the Connect screen sends to sign in to Zoho (never a token). */
export interface ZohoSignInRequest {
  dataCentre: DataCentreCode
  environment: ZohoEnvironment
  clientId: string
  /** Empty when the client type has none. */
  clientSecret: string
}

/** A CSV column with what the Map step shows of it. */
export interface ColumnSummary extends CsvColumn {
  samples: string[]
}

/** What the File step learns from the first bytes of a file. */
export interface FileSummary {
  fileId: string
  name: string
  size: number
  layout: CsvLayout
  columns: ColumnSummary[]
  preview: CsvRecord[]
  /** Problems of the file itself (encoding, header, field counts in the preview). */
  problems: Problem[]
}

/** Sent while a file is counted in the background. */
export interface FileProgress {
  fileId: string
  rowsRead: number
  done: boolean
}

/** How far the whole-file check has got. */
export interface CheckProgressView {
  rowsChecked: number
  bytesRead: number
  bytesTotal: number | null
  /** Every row is checked; until then the import cannot start. */
  done: boolean
  /** Why the check stopped before the end, when it failed. */
  failure: string | null
  /** Rows in the file, once counted (the grid pages over them); else null. */
  rowsInFile: number | null
}

/** What the Check step shows; it fills in while the rows are checked. */
export interface CheckSummary {
  fileId: string
  /** Rows in the file (the rows checked so far while they are not counted). */
  rowCount: number
  progress: CheckProgressView
  rowsWithErrors: number
  rowsWithWarnings: number
  /** Problems that block the import whatever the rows say. */
  mappingProblems: Problem[]
  byCode: Partial<Record<ProblemCode, number>>
  byColumn: Record<string, number>
  /** The first problems in file order (the grid pages through the rest). */
  problems: Problem[]
  problemCount: number
  plan: { jobs: number; credits: number; rowsToSend: number }
  /** Rows the user excluded on the Check step. */
  rowsExcluded: number
  /** Problem counts per column and kind, for the summary and filters. */
  byColumnAndCode: ColumnProblemCount[]
  /** Column transforms applied on the Check step. */
  transforms: { column: number; transform: TransformId }[]
  /** Cells the user edited. */
  editedCells: number
}

/** How many problems of one kind one column has. */
export interface ColumnProblemCount {
  column: number | null
  columnName: string
  code: ProblemCode
  count: number
  /** Of `count`, those in rows the user excluded (they are not sent). */
  inExcludedRows: number
}

/** A problem as a grid cell shows it. */
export interface CellProblem {
  column: number | null
  code: ProblemCode
  severity: ProblemSeverity
  message: string
  fix: string | null
}

/** One row of the Check grid: the values as they will be sent. */
export interface GridRow {
  row: number
  /** 1-based line of the file where the record starts. */
  line: number
  values: string[]
  /** Columns whose cell the user edited. */
  edited: number[]
  excluded: boolean
  problems: CellProblem[]
}

/** Which rows the grid shows. */
export interface RowFilter {
  onlyProblems: boolean
  column: number | null
  code: ProblemCode | null
}

/** A page of grid rows and how many rows match the filter. */
export interface RowPage {
  offset: number
  total: number
  rows: GridRow[]
}

/** Column transforms the Check step offers. */
export type TransformId =
  | 'trim'
  | 'phone-drop-extension'
  | 'date-dmy'
  | 'date-mdy'
  | 'number-comma'
  | 'number-dot'
  | 'checkbox'
  | 'picklist'

/** What a column transform would change, before it is applied. */
export interface ColumnTransformPreview {
  description: string
  changed: { row: number; line: number; before: string; after: string }[]
  failed: { row: number; line: number; value: string; reason: string }[]
  changedCount: number
  failedCount: number
  unchangedCount: number
}

/** How a run stands, sent as it moves. */
export interface RunView {
  runId: string
  fileName: string
  module: string
  state: 'running' | 'finished' | 'failed'
  startedAt: string
  jobs: JobView[]
  counts: OutcomeCounts
  creditsSpent: number
  /** What went wrong and what to do, when state is failed. */
  message: string | null
  /** Rows planned for jobs (the rows of the file minus the excluded). */
  rowsToSend: number
  /** When the run ended, or null while it runs. */
  finishedAt: string | null
  /** The run whose skipped rows this run sends again, if any. */
  previousRunId: string | null
}

/** One Zoho bulk write job within a run. */
export interface JobView {
  index: number
  jobId: string | null
  state:
    | 'waiting'
    | 'uploading'
    | 'creating'
    | 'queued'
    | 'running'
    | 'downloading'
    | 'done'
    | 'failed'
  rows: number
  processed: number
  added: number
  updated: number
  skipped: number
  /** What happened to this job and what to do, when it did not go well. */
  message: string | null
}

/** One skipped or excluded row with the user's own values. */
export interface ReportRow {
  row: number
  line: number
  kind: 'skipped' | 'excluded'
  /** The values sent (or, for a row not sent, as the user left them). */
  values: string[]
  /** Columns changed in Bulkwright (edit or transform): what the file had. */
  changed: { column: number; original: string }[]
  reason: string
  /** The reason without this row's particulars, for grouping and filtering. */
  group: string
}

/** The skipped-rows report of a finished run. */
export interface ReportView {
  runId: string
  fileName: string
  columns: string[]
  counts: OutcomeCounts
  rows: ReportRow[]
  module: string
  startedAt: string
  state: RunView['state']
  /** Each job with its own counts (added + updated + skipped = its rows). */
  jobs: JobView[]
  /** Skipped and excluded rows per reason, the most frequent first. */
  reasons: { group: string; count: number }[]
  /** The run this one re-ran, and the run that re-ran this one. */
  previousRunId: string | null
  nextRunId: string | null
  /** Cells a spreadsheet would run as formulas (the CSV export neutralises them). */
  formulaCells: number
  /** Something the user should know about this report (e.g. the file changed). */
  notice: string | null
}

/** A file the renderer offers for saving. */
export interface ExportedFile {
  fileName: string
  content: string
  /** What the export did to keep a spreadsheet safe, if anything. */
  note: string | null
}

/** A mapping remembered for the next file with the same set of headers. */
export interface RecentMapping {
  headers: string[]
  savedAt: string
  mapping: SavedMapping
}
