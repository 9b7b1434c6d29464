import { join } from 'node:path'
import type { EventName, Events, RunView } from '../app/contract.ts'
import type { CrmField } from '../app/fields/crm-field.ts'
import {
  connectLocalCrm,
  type CrmConnection,
} from './connection/local-connection.ts'
import { checkFile, type FileCheck } from './import/check-file.ts'
import { OpenFiles } from './import/open-files.ts'
import { RecentMappings } from './import/recent-mappings.ts'
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
  let connection: CrmConnection | null = null
  let connectionError: string | null = null
  try {
    localCrm = await startLocalCrm({
      dataDir: join(options.dataDir, 'localcrm'),
      ...(options.localCrmMsPerRow === undefined
        ? {}
        : { msPerRow: options.localCrmMsPerRow }),
    })
    connection = await connectLocalCrm(localCrm)
  } catch (error) {
    connectionError = error instanceof Error ? error.message : String(error)
    log.error('could not start or connect to LocalCRM', error)
  }

  const files = new OpenFiles(join(options.dataDir, 'received'))
  const store = new RunStore(join(options.dataDir, 'runs'))
  const checks = new Map<string, FileCheck>()
  const recent = new RecentMappings(
    join(options.dataDir, 'mappings', 'recent.json'),
  )
  const fieldCache = new Map<string, CrmField[]>()
  let send: EventSender = () => {}

  const connected = (): CrmConnection => {
    if (connection !== null) return connection
    throw new UserFacingError(
      'NOT_CONNECTED',
      `Not connected to a CRM${connectionError ? `: ${connectionError}` : '.'} Restart Bulkwright.`,
    )
  }

  const fieldsOf = async (module: string): Promise<CrmField[]> => {
    const cached = fieldCache.get(module)
    if (cached) return cached

    const modules = await connected().client.listModules()
    if (!modules.some((m) => m.apiName === module)) {
      throw new UserFacingError(
        'UNKNOWN_MODULE',
        `The CRM has no module called ${module}. Choose one of: ` +
          `${modules.map((m) => m.apiName).join(', ')}.`,
      )
    }
    const fields = await connected().client.listFields(module)
    fieldCache.set(module, fields)
    return fields
  }

  const runService = new RunService({
    store,
    connection: () => ({
      client: connected().client,
      zgid: connected().org.zgid,
    }),
    pollMs: options.pollMs ?? { first: 1000, max: 15_000 },
    onProgress: (view: RunView) => send('runProgress', view),
  })
  const runs = createRunHandlers({ runs: runService, store, files, fieldsOf })
  // Runs a previous start left unfinished continue now.
  if (connection !== null) void runService.resumeUnfinished()

  const handlers: RequestHandlers = {
    async getConnection() {
      return {
        kind: 'localcrm',
        state: connection === null ? 'error' : 'connected',
        orgName: connection?.org.name ?? null,
        description: 'LocalCRM on this computer',
        message: connectionError,
      }
    },
    listModules: async () => connected().client.listModules(),
    listFields: async ({ module }) => fieldsOf(module),
    openFilePath: async ({ path }) => files.openPath(path),
    openFileBytes: async ({ name, bytes }) => files.openBytes(name, bytes),
    listRecentMappings: async () => recent.list(),
    rememberMapping: async (entry) => recent.remember(entry).then(() => null),
    async checkImport({ fileId, mapping }) {
      const file = files.get(fileId)
      const fields = await fieldsOf(mapping.module)
      const check = await checkFile(file, { fields, mapping })
      checks.set(fileId, check)
      return check.summary
    },
    startImport: (request) => runs.startImport(request),
    getRun: (request) => runs.getRun(request),
    getReport: (request) => runs.getReport(request),
    exportSkipped: (request) => runs.exportSkipped(request),
    listRuns: (request) => runs.listRuns(request),
    openSkippedRows: (request) => runs.openSkippedRows(request),
  }

  return {
    handlers,
    setEventSender(sender) {
      send = sender
    },
    localCrmUrl: localCrm?.url ?? '',
    close: () => runService.stop().then(async () => localCrm?.close()),
  }
}
