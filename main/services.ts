import { warmReader } from './import/warm-reader.ts'
import { join } from 'node:path'
import type {
  EventName,
  Events,
  FileSummary,
  RunView,
} from '../app/contract.ts'
import type { CrmField } from '../app/fields/crm-field.ts'
import type { JobLimits } from '../app/plan/plan-jobs.ts'
import { createConnectionManager } from './connection/connection-manager.ts'
import type { CrmConnection } from './connection/crm-connection.ts'
import { perConnection } from './connection/per-connection.ts'
import { fileVault } from './oauth/file-vault.ts'
import type { TokenVault } from './oauth/vault.ts'
import { checkImport, onCheckProgress } from './import/check-file.ts'
import { useCheckWorker } from './engine/worker-url.ts'
import { countRows } from './import/count-rows.ts'
import { OpenFiles } from './import/open-files.ts'
import { RecentMappings } from './import/recent-mappings.ts'
import * as grid from './import/row-grid.ts'
import { RunStore } from './import/run-store.ts'
import { createRunHandlers } from './runs/run-handlers.ts'
import { RunService } from './runs/run-service.ts'
import type { RequestHandlers } from './ipc/register-handlers.ts'
import { startLocalCrm, type LocalCrm } from './localcrm/local-crm.ts'
import { createLogger } from './log/logger.ts'
import { UserFacingError } from './user-facing-error.ts'

const log = createLogger('app')

/** How the main process's services are set up. */
export interface ServicesOptions {
  /** The app's data folder: LocalCRM's records, runs, received files. */
  dataDir: string
  /** LocalCRM's processing pace; tests pass 0. */
  localCrmMsPerRow?: number
  /** Job polling: first wait and longest wait, in milliseconds. */
  pollMs?: { first: number; max: number }
  /** Rows per job and CSV budget (tests make them small to get many jobs). */
  jobLimits?: JobLimits
  /** Where Zoho refresh tokens are kept (default: the 0600 test-file vault). */
  vault?: TokenVault
  /** Opens Zoho's consent page (default: asks the renderer to open it). */
  openExternal?: (url: string) => Promise<void>
  /** Browser mode and tests only: Zoho sign-ins go to the LocalCRM. */
  zohoAccountsOverride?: 'localcrm'
  /** The check worker script (browser mode: the built one in dist). */
  checkWorker?: URL
}

/** Sends an event to the renderer. */
export type EventSender = <E extends EventName>(
  event: E,
  payload: Events[E],
) => void

/** The services behind the contract, and how to stop them. */
export interface Services {
  handlers: RequestHandlers
  /** Where events go; the IPC binding sets it. */
  setEventSender(sender: EventSender): void
  localCrmUrl: string
  close(): Promise<void>
}

/** Starts LocalCRM, connects to it and returns the handlers of every request. */
export async function createServices(
  options: ServicesOptions,
): Promise<Services> {
  let localCrm: LocalCrm | null = null
  let connectionError: string | null = null
  try {
    localCrm = await startLocalCrm({
      dataDir: join(options.dataDir, 'localcrm'),
      ...(options.localCrmMsPerRow === undefined
        ? {}
        : { msPerRow: options.localCrmMsPerRow }),
    })
  } catch (error) {
    connectionError = error instanceof Error ? error.message : String(error)
    log.error('could not start or connect to LocalCRM', error)
  }
  let send: EventSender = () => {}
  onCheckProgress((summary) => send('checkProgress', summary))
  useCheckWorker(options.checkWorker ?? null)
  const connections = await createConnectionManager({
    localCrm,
    localCrmError: connectionError,
    dataDir: options.dataDir,
    vault: options.vault ?? fileVault(join(options.dataDir, 'secrets')),
    openExternal:
      options.openExternal ?? (async (url) => send('openExternal', { url })),
    ...(options.zohoAccountsOverride && localCrm
      ? { accountsOverride: localCrm.url }
      : {}),
    onChange: (info) => send('connection', info),
  })

  const files = new OpenFiles(join(options.dataDir, 'received'))
  // While the user looks at the File step; see warm-reader.ts.
  setTimeout(() => {
    warmReader().catch((error: unknown) =>
      log.warn(`could not warm the reader: ${String(error)}`),
    )
  }, 200).unref()
  const recent = new RecentMappings(
    join(options.dataDir, 'mappings', 'recent.json'),
  )
  const connected = (): CrmConnection => connections.current()

  const countInBackground = (summary: FileSummary): FileSummary => {
    void countRows(files.get(summary.fileId), (progress) =>
      send('fileProgress', progress),
    ).catch((error: unknown) =>
      log.warn(`could not count rows: ${String(error)}`),
    )
    return summary
  }

  // Fields are cached per connection by its client (refreshMetadata).
  const fieldsOf = async (
    module: string,
    connection = connected(),
  ): Promise<CrmField[]> => {
    const modules = await connection.client.listModules()
    if (!modules.some((m) => m.apiName === module)) {
      throw new UserFacingError(
        'UNKNOWN_MODULE',
        `The CRM has no module called ${module}. Choose one of: ` +
          `${modules.map((m) => m.apiName).join(', ')}.`,
      )
    }
    return connection.client.listFields(module)
  }

  // Each connection has its own runs folder, run service and handlers.
  const workspaces = perConnection((connection) => {
    const store = new RunStore(join(connection.workDir, 'runs'))
    const runService = new RunService({
      store,
      connection: () => ({
        client: connection.client,
        zgid: connection.org.zgid,
      }),
      pollMs: options.pollMs ?? { first: 1000, max: 15_000 },
      ...(options.jobLimits ? { limits: options.jobLimits } : {}),
      onProgress: (view: RunView) => send('runProgress', view),
    })
    // Runs a previous start left unfinished continue now.
    void runService.resumeUnfinished()
    const fieldsHere = (module: string) => fieldsOf(module, connection)
    return {
      runService,
      handlers: createRunHandlers({
        runs: runService,
        store,
        files,
        fieldsOf: fieldsHere,
      }),
    }
  })
  const runs = () => workspaces.of(connected()).handlers
  if (connections.info().state === 'connected') runs()

  const handlers: RequestHandlers = {
    getConnection: async () => connections.info(),
    connectZoho: (request) => connections.connectZoho(request),
    connectSelfClient: (request) => connections.connectSelfClient(request),
    cancelConnect: async () => (connections.cancelConnect(), null),
    useConnection: ({ kind }) => connections.use(kind),
    disconnectZoho: () => connections.disconnectZoho(),
    refreshMetadata: async () => (connections.refreshMetadata(), null),
    listModules: async () => connected().client.listModules(),
    listFields: async ({ module }) => fieldsOf(module),
    openFilePath: async ({ path }) =>
      countInBackground(await files.openPath(path)),
    reopenFile: async ({ fileId, layout }) =>
      countInBackground(await files.reopen(fileId, layout)),
    openFileBytes: async ({ name, bytes }) =>
      countInBackground(await files.openBytes(name, bytes)),
    listRecentMappings: async () => recent.list(),
    rememberMapping: async (entry) => recent.remember(entry).then(() => null),
    checkImport: async ({ fileId, mapping, background }) =>
      checkImport(
        files.get(fileId),
        { fields: await fieldsOf(mapping.module), mapping },
        background,
      ),
    listRows: async ({ fileId, ...page }) =>
      grid.listRows(files.get(fileId), page),
    editCell: async ({ fileId, ...cell }) =>
      grid.editCell(files.get(fileId), cell),
    excludeRows: async ({ fileId, ...rows }) =>
      grid.excludeRows(files.get(fileId), rows),
    previewTransform: async ({ fileId, ...choice }) =>
      grid.previewTransform(files.get(fileId), choice),
    applyTransform: async ({ fileId, ...choice }) =>
      grid.applyTransform(files.get(fileId), choice),
    undoTransform: async ({ fileId, column }) =>
      grid.undoTransform(files.get(fileId), { column }),
    startImport: (request) => runs().startImport(request),
    getRun: (request) => runs().getRun(request),
    getReport: (request) => runs().getReport(request),
    exportSkipped: (request) => runs().exportSkipped(request),
    listRuns: (request) => runs().listRuns(request),
    openSkippedRows: (request) => runs().openSkippedRows(request),
    resumeRun: (request) => runs().resumeRun(request),
  }

  return {
    handlers,
    setEventSender(sender) {
      send = sender
    },
    localCrmUrl: localCrm?.url ?? '',
    close: async () => {
      await connections.close()
      await Promise.all(workspaces.all().map((w) => w.runService.stop()))
      await localCrm?.close()
    },
  }
}
