import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLogger } from '../log/logger.ts'
import { bulkRoutes } from './bulk-routes.ts'
import { controlRoutes } from './control-routes.ts'
import { lockDataDir } from './data-lock.ts'
import { Faults, type FaultController } from './faults.ts'
import { creditsRemaining } from './job-create.ts'
import { JobRunner } from './job-runner.ts'
import { Metadata } from './metadata.ts'
import { metadataRoutes } from './metadata-routes.ts'
import { REDIRECT_PATTERNS } from './oauth-consent.ts'
import { deviceRoutes } from './oauth-device-routes.ts'
import { oauthRoutes } from './oauth-routes.ts'
import { TokenBook } from './oauth-tokens.ts'
import { recordsRoutes } from './records-routes.ts'
import { route } from './router.ts'
import { DEFAULT_SCOPES } from './scopes.ts'
import { seedModules } from './seed/modules.ts'
import { ORG, USERS } from './seed/org.ts'
import { Store } from './store.ts'
import type { StoredJob } from './types.ts'

export type { FaultController, FaultSettings } from './faults.ts'

const log = createLogger('localcrm')

/** How to start LocalCRM. */
export interface LocalCrmOptions {
  /** 0 / undefined = a random free port. */
  port?: number
  /** Records, jobs, files and result ZIPs persist here (JSON files, atomic writes). */
  dataDir: string
  /** Processing pace; default 2.5 ms, so 1,000 rows take ~2.5 s. Tests pass 0. */
  msPerRow?: number
  /** How a running job's status is spelled (Zoho's material shows both). */
  statusSpelling?: 'IN PROGRESS' | 'INPROGRESS'
  /** API credits per rolling 24 hours; each job costs 500. Default 50,000. */
  dailyCredits?: number
  /** Clock, for tests. */
  now?: () => number
  /** HTTP status of INVALID_FILE_FORMAT answers (Zoho documents 400, its samples show 200). */
  invalidFileFormatStatus?: 200 | 400
}

/** A running LocalCRM. */
export interface LocalCrm {
  /** 'http://127.0.0.1:PORT' */
  url: string
  close(): Promise<void>
  /** Like Zoho's API console "Self Client" → Generate Code: a one-time grant code for the built-in client. */
  createGrantCode(scopes?: string[]): string
  /** The built-in OAuth client registered in this LocalCRM. */
  client: { clientId: string; clientSecret: string; redirectUris: string[] }
  /** Set / reset faults in-process (tests); same as the control endpoint. */
  faults: FaultController
}

/** Self Client codes may live up to 10 minutes. */
const SELF_CLIENT_CODE_TTL = 600_000
const DEFAULT_MS_PER_ROW = 2.5

/** Starts LocalCRM on 127.0.0.1 and resumes jobs left queued in `dataDir`. */
export async function startLocalCrm(
  options: LocalCrmOptions,
): Promise<LocalCrm> {
  const unlock = await lockDataDir(options.dataDir)
  try {
    return await startLocked(options, unlock)
  } catch (error) {
    await unlock()
    throw error
  }
}

async function startLocked(
  options: LocalCrmOptions,
  unlock: () => Promise<void>,
): Promise<LocalCrm> {
  const now = options.now ?? Date.now
  const dailyCredits = options.dailyCredits ?? 50_000
  const modules = seedModules()
  const store = await Store.open(
    options.dataDir,
    modules.map((m) => m.info.api_name),
  )
  const metadata = new Metadata(modules, store.state)
  const book = await TokenBook.open(options.dataDir, now)
  const faults = new Faults(now, () => book.expireAll())
  let url = ''
  const downloadUrl = (job: StoredJob) =>
    `${url}/v8/crm/${ORG.zgid}/bulk-write/${job.id}/${job.id}.zip`
  const spelling = options.statusSpelling ?? 'IN PROGRESS'
  const runner = new JobRunner({
    store,
    metadata,
    users: USERS,
    faults,
    now,
    msPerRow: options.msPerRow ?? DEFAULT_MS_PER_ROW,
    spelling,
    downloadUrl,
  })

  const createGrantCode = (scopes = DEFAULT_SCOPES) =>
    book.addGrant(
      {
        scopes,
        offline: true,
        redirectUri: null,
        challenge: null,
        challengeMethod: null,
      },
      SELF_CLIENT_CODE_TTL,
    )
  const routes = [
    ...controlRoutes(faults, () => createGrantCode()),
    ...oauthRoutes(book, () => url),
    ...deviceRoutes(book, now, () => url),
    ...metadataRoutes(metadata),
    ...bulkRoutes({
      store,
      metadata,
      user: USERS[0] as (typeof USERS)[number],
      now,
      dailyCredits,
      enqueue: (id) => runner.enqueue(id),
      faults,
      spelling,
      invalidFormatStatus: options.invalidFileFormatStatus ?? 400,
      zgid: ORG.zgid,
      downloadUrl,
    }),
    ...recordsRoutes(metadata, store),
  ]
  const extraHeaders = (): Record<string, string> => {
    const left = creditsRemaining(store, dailyCredits, now())
    // Zoho adds this header once half of the allowance is used.
    return left <= dailyCredits / 2
      ? { 'X-API-CREDITS-REMAINING': String(left) }
      : {}
  }
  const server = createServer(
    (req, res) => void route(req, res, { routes, book, faults, extraHeaders }),
  )
  await listen(server, options.port ?? 0)
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  runner.resume()
  log.info(`listening on ${url}`)

  return {
    url,
    faults,
    client: { ...book.client, redirectUris: [...REDIRECT_PATTERNS] },
    createGrantCode,
    close: async () => {
      await runner.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await Promise.all([store.flush(), book.flush()])
      await unlock()
    },
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
}
