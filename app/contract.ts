/**
 * The single list of what the renderer may ask the main process and which
 * events it receives. The preload builds one method per request from
 * REQUEST_NAMES; the main process registers one validated handler per
 * request. A misspelt name is a compile error on both sides.
 */
import type { CsvColumn, CsvLayout, CsvRecord } from './csv/csv-types.ts'
import type { Problem, ProblemCode, ProblemSeverity } from './check/problem.ts'
import type { CrmField, CrmModule } from './fields/crm-field.ts'
import type { ImportMapping } from './mapping/import-mapping.ts'
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

/** What the Check step shows after every row was checked. */
export interface CheckSummary {
  fileId: string
  rowCount: number
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
  values: string[]
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

/** Every request: its payload and its answer. */
export interface Requests {
  /** The current connection. */
  getConnection: { request: null; response: ConnectionInfo }
  /** Signs in to Zoho in the system browser; answers once it is done. */
  connectZoho: { request: ZohoSignInRequest; response: ConnectionInfo }
  /** Signs in to Zoho with a grant code pasted from a Self Client. */
  connectSelfClient: {
    request: ZohoSignInRequest & { code: string }
    response: ConnectionInfo
  }
  /** Stops waiting for the consent page. */
  cancelConnect: { request: null; response: null }
  /** Switches between LocalCRM and the saved Zoho org. */
  useConnection: {
    request: { kind: 'localcrm' | 'zoho' }
    response: ConnectionInfo
  }
  /** Revokes and forgets the saved Zoho org; LocalCRM takes over. */
  disconnectZoho: { request: null; response: ConnectionInfo }
  /** Forgets cached org, modules and fields of the current connection. */
  refreshMetadata: { request: null; response: null }
  /** Modules that bulk write can import into. */
  listModules: { request: null; response: CrmModule[] }
  /** Fields of one module, with layout-required flags applied. */
  listFields: { request: { module: string }; response: CrmField[] }
  /** Opens a file on disk (Electron gives dropped files a path). */
  openFilePath: { request: { path: string }; response: FileSummary }
  /** Opens a file that has no path (browser mode, in-memory files). */
  openFileBytes: {
    request: { name: string; bytes: Uint8Array }
    response: FileSummary
  }
  /** Mappings used lately, newest first, to offer for a file of the same shape. */
  listRecentMappings: { request: null; response: RecentMapping[] }
  /** Remembers a mapping for files with these headers. */
  rememberMapping: {
    request: { headers: string[]; mapping: SavedMapping }
    response: null
  }
  /** Checks every row of an open file against a mapping. */
  checkImport: {
    request: { fileId: string; mapping: ImportMapping }
    response: CheckSummary
  }
  /** A page of the Check grid, read from the file with the user's fixes. */
  listRows: {
    request: {
      fileId: string
      offset: number
      limit: number
      filter: RowFilter
    }
    response: RowPage
  }
  /** Changes one cell and checks its row again at once. */
  editCell: {
    request: { fileId: string; row: number; column: number; value: string }
    response: { row: GridRow; summary: CheckSummary }
  }
  /** Excludes rows (listed, or all matching a filter) or takes them back. */
  excludeRows: {
    request: {
      fileId: string
      rows: number[] | null
      filter: RowFilter | null
      excluded: boolean
    }
    response: CheckSummary
  }
  /** What a transform would do to a column, without doing it. */
  previewTransform: {
    request: { fileId: string; column: number; transform: TransformId }
    response: ColumnTransformPreview
  }
  /** Applies a transform to a column and checks every row again. */
  applyTransform: {
    request: { fileId: string; column: number; transform: TransformId }
    response: CheckSummary
  }
  /** Starts sending an open file to the CRM. */
  startImport: {
    request: {
      fileId: string
      mapping: ImportMapping
      /** Send rows with blocking problems anyway and let Zoho skip them. */
      sendRowsWithErrors: boolean
    }
    response: RunView
  }
  /** The current state of a run. */
  getRun: { request: { runId: string }; response: RunView }
  /** The skipped-rows report of a finished run. */
  getReport: { request: { runId: string }; response: ReportView }
  /**
   * The skipped rows as CSV: `spreadsheet` (default) in the file's own
   * columns plus line and reason, formula cells neutralised; `reimport`
   * exactly as in the file.
   */
  exportSkipped: {
    request: { runId: string; format?: 'spreadsheet' | 'reimport' }
    response: ExportedFile
  }
  /** Every run on record, newest first. */
  listRuns: { request: null; response: RunView[] }
  /**
   * Makes a new file of a run's skipped and excluded rows (their original
   * lines remembered) and checks it with the run's mapping, for fixing and
   * sending again; the new run links to the old one.
   */
  /** Continues a run that paused (the CRM unreachable) without a restart. */
  resumeRun: { request: { runId: string }; response: RunView }
  openSkippedRows: {
    request: { runId: string }
    response: {
      file: FileSummary
      fields: CrmField[]
      mapping: ImportMapping
      summary: CheckSummary
    }
  }
}

/** Every event the main process sends to the renderer. */
export interface Events {
  fileProgress: FileProgress
  runProgress: RunView
  /** The connection changed (connecting, connected, switched, failed). */
  connection: ConnectionInfo
  /** Browser mode only: open this consent page (Electron opens it itself). */
  openExternal: { url: string }
}

export type RequestName = keyof Requests
export type EventName = keyof Events

/** The request names, in one list the preload and the main process share. */
export const REQUEST_NAMES = [
  'getConnection',
  'connectZoho',
  'connectSelfClient',
  'cancelConnect',
  'useConnection',
  'disconnectZoho',
  'refreshMetadata',
  'listModules',
  'listFields',
  'openFilePath',
  'openFileBytes',
  'listRecentMappings',
  'rememberMapping',
  'checkImport',
  'listRows',
  'editCell',
  'excludeRows',
  'previewTransform',
  'applyTransform',
  'startImport',
  'getRun',
  'getReport',
  'exportSkipped',
  'listRuns',
  'openSkippedRows',
  'resumeRun',
] as const satisfies readonly RequestName[]

/** The event names, likewise. */
export const EVENT_NAMES = [
  'fileProgress',
  'runProgress',
  'connection',
  'openExternal',
] as const satisfies readonly EventName[]

/** An expected failure, as it crosses the process boundary. */
export interface IpcError {
  code: string
  message: string
}

/** Every answer is a value: the result, or an error to show the user. */
export type IpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: IpcError }

/** The object the preload puts on `window.bulkwright`. */
export type BulkwrightApi = {
  [K in RequestName]: (
    request: Requests[K]['request'],
  ) => Promise<IpcResult<Requests[K]['response']>>
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(
    event: E,
    listener: (payload: Events[E]) => void,
  ): () => void
  /** Opens a dropped or picked file: by path when it has one, else by bytes. */
  openFile(file: File): Promise<IpcResult<FileSummary>>
}

/** Compile-time check that both lists name every member. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const contractIsComplete: Exact<
  (typeof REQUEST_NAMES)[number],
  RequestName
> &
  Exact<(typeof EVENT_NAMES)[number], EventName> = true
