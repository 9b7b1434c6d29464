import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunView } from '../../../app/contract.ts'
import type { CrmField } from '../../../app/fields/crm-field.ts'
import { autoMatch } from '../../../app/mapping/auto-match.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import type { RowOutcome } from '../../../app/results/row-outcome.ts'
import { exchangeCode } from '../../oauth/token-endpoint.ts'
import { createTokenManager } from '../../oauth/token-manager.ts'
import { createCrmClient } from '../../zoho/crm-client.ts'
import { checkFile } from '../../import/check-file.ts'
import { OpenFiles } from '../../import/open-files.ts'
import type { RunRequest } from '../../import/run-import.ts'
import { RunStore } from '../../import/run-store.ts'
import { notImported } from '../../import/skipped-report.ts'
import { startLocalCrm, type LocalCrm } from '../../localcrm/local-crm.ts'
import type { CrmClient } from '../../zoho/crm-client.ts'
import { RunService, type RunServiceOptions } from '../run-service.ts'

/** The shared sample of 1,001 customer rows. */
export const CUSTOMERS = join(
  process.cwd(),
  '..',
  'shared',
  'data',
  'customers-1000.csv',
)

/** A LocalCRM over real sockets, a run store, and a client that counts creates. */
export interface RunHarness {
  crm: LocalCrm
  dataDir: string
  store: RunStore
  files: OpenFiles
  client: CrmClient
  zgid: string
  /** Every job id the CRM handed out, in order (a repeat = created twice). */
  createdJobs: string[]
  /** Every view the runs published. */
  views: RunView[]
  service(options?: Partial<RunServiceOptions>): RunService
  request(path: string, edit?: (m: ImportMapping) => void): Promise<RunRequest>
  /** Every row's outcome: excluded, then each ended job's. */
  outcomes(runId: string): Promise<RowOutcome[]>
  close(): Promise<void>
}

/** Starts LocalCRM in a temp folder and connects to it the app's way. */
export async function startRunHarness(
  options: { msPerRow?: number } = {},
): Promise<RunHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bulkwright-runs-'))
  const crm = await startLocalCrm({
    dataDir: join(dataDir, 'localcrm'),
    msPerRow: options.msPerRow ?? 0,
    dailyCredits: 10_000_000,
  })
  const connection = await connectFast(crm)
  const createdJobs: string[] = []
  const client: CrmClient = {
    ...connection.client,
    async createJob(body) {
      const id = await connection.client.createJob(body)
      createdJobs.push(id)
      return id
    },
  }
  const store = new RunStore(join(dataDir, 'runs'))
  const files = new OpenFiles(join(dataDir, 'received'))
  const fields: CrmField[] = await client.listFields('Contacts')
  const views: RunView[] = []

  return {
    crm,
    dataDir,
    store,
    files,
    client,
    zgid: connection.org.zgid,
    createdJobs,
    views,
    service: (extra = {}) =>
      new RunService({
        store,
        connection: () => ({ client, zgid: connection.org.zgid }),
        pollMs: { first: 10, max: 50 },
        retry: { attempts: 5, firstMs: 10, maxMs: 50 },
        onProgress: (view) => views.push(view),
        ...extra,
      }),
    async request(path, edit) {
      const summary = await files.openPath(path)
      const file = files.get(summary.fileId)
      const mapping: ImportMapping = {
        module: 'Contacts',
        operation: 'insert',
        findBy: null,
        ignoreEmpty: false,
        fields: autoMatch(file.head.columns, fields),
      }
      edit?.(mapping)
      const check = await checkFile(file, { fields, mapping })
      return { file, check, mapping, fields, sendRowsWithErrors: true }
    },
    async outcomes(runId) {
      const run = await store.load(runId)
      if (run === null) throw new Error(`no run ${runId}`)

      const all = await store.loadOutcomes(runId, 'excluded')
      for (let i = 0; i < run.jobs.length; i++) {
        all.push(...(await store.loadOutcomes(runId, `job-${i + 1}`)))
      }
      void notImported
      return all
    },
    async close() {
      await crm.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Connects like the app (a Self Client code exchanged for tokens) with the
 * client's own retries kept short, so fault tests take seconds.
 */
async function connectFast(crm: LocalCrm) {
  const oauth = {
    accounts: crm.url,
    clientId: crm.client.clientId,
    clientSecret: crm.client.clientSecret,
  }
  const first = await exchangeCode(oauth, { code: crm.createGrantCode() })
  const tokens = createTokenManager({
    client: oauth,
    refreshToken: first.refreshToken,
    first,
  })
  const client = createCrmClient({
    apiDomain: crm.url,
    uploadBase: crm.url,
    tokens,
    policy: { baseMs: 5, capMs: 20, maxAttempts: 3 },
  })
  return { client, org: await client.getOrg() }
}

/** Maps the file's "Phone 1" column onto Phone (some values carry extensions). */
export function mapPhone1(mapping: ImportMapping): void {
  mapping.fields = mapping.fields.filter((f) => f.apiName !== 'Phone')
  mapping.fields.push({
    apiName: 'Phone',
    column: 7,
    defaultValue: null,
    lookupFindBy: null,
  })
}
