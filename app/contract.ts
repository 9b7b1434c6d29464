/**
 * The single list of what the renderer may ask the main process and which
 * events it receives. The preload builds one method per request from
 * REQUEST_NAMES; the main process registers one validated handler per
 * request. A misspelt name is a compile error on both sides.
 */
import type { CsvLayout } from './csv/csv-types.ts'
import type { CrmField, CrmModule } from './fields/crm-field.ts'
import type { ImportMapping } from './mapping/import-mapping.ts'
import type { SavedMapping } from './mapping/saved-mapping.ts'
import type {
  ConnectionInfo,
  ZohoSignInRequest,
  FileSummary,
  FileProgress,
  CheckSummary,
  GridRow,
  RowFilter,
  RowPage,
  TransformId,
  ColumnTransformPreview,
  RunView,
  ReportView,
  ExportedFile,
  RecentMapping,
} from './contract-views.ts'

export type * from './contract-views.ts'

/** What the user may choose about how a file is read. */
export type FileLayoutChoice = Pick<
  CsvLayout,
  'encoding' | 'delimiter' | 'headerLine'
>

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
  /**
   * Reads an open file again with the encoding, delimiter or header line
   * the user picked; answers a new file (new id).
   */
  reopenFile: {
    request: { fileId: string; layout: Partial<FileLayoutChoice> }
    response: FileSummary
  }
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
  /**
   * Checks every row of an open file against a mapping, in a worker; a
   * newer check of the file cancels an older one. Answers at the end, or at
   * once with `background` (progress then comes as checkProgress events).
   */
  checkImport: {
    request: { fileId: string; mapping: ImportMapping; background?: boolean }
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
  /** Takes a column's transform back and checks every row again. */
  undoTransform: {
    request: { fileId: string; column: number }
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
  /** The summary as the check of a file goes on, and once it ends. */
  checkProgress: CheckSummary
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
  'reopenFile',
  'listRecentMappings',
  'rememberMapping',
  'checkImport',
  'listRows',
  'editCell',
  'excludeRows',
  'previewTransform',
  'applyTransform',
  'undoTransform',
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
  'checkProgress',
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
