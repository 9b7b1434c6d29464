import { readFile } from 'node:fs/promises'
import { createJob, type CreateDeps } from './job-create.ts'
import { jobView, type ProgressSpelling } from './job-view.ts'
import { errorReply, readJson, type JsonReply } from './http-util.ts'
import type { Faults } from './faults.ts'
import { isObject } from './http-util.ts'
import { resultCsvName } from './result-writer.ts'
import { type Route, VERSION } from './route-types.ts'
import { covers, need } from './scopes.ts'
import type { StoredJob } from './types.ts'
import { handleUpload, type UploadDeps } from './upload.ts'
import { zipBomb } from './zip-bomb.ts'

/** What the bulk write endpoints need from LocalCRM. */
export interface BulkDeps extends Omit<CreateDeps, 'enqueue'> {
  faults: Faults
  spelling: ProgressSpelling
  invalidFormatStatus: UploadDeps['invalidFormatStatus']
  zgid: string
  enqueue: (jobId: string) => void
  downloadUrl: (job: StoredJob) => string
}

const JOB_BODY_LIMIT = 1024 * 1024
const bulkRead = () => [need('ZohoCRM.bulk', 'READ', 'CREATE')]
const scopeMismatch = () =>
  errorReply(
    401,
    'OAUTH_SCOPE_MISMATCH',
    'invalid oauth scope to access this URL',
  )

/** Upload, create job, job status and result download. */
export function bulkRoutes(deps: BulkDeps): Route[] {
  const v = VERSION
  return [
    {
      method: 'POST',
      path: new RegExp(`^/crm/${v}/upload$`),
      scopes: () => [need('ZohoFiles.files')],
      handle: async (ctx) => {
        const reply = await handleUpload(ctx.req, {
          store: deps.store,
          zgid: deps.zgid,
          now: deps.now,
          invalidFormatStatus: deps.invalidFormatStatus,
          dropAfter: deps.faults.onUpload(),
        })
        if (reply === 'dropped') return

        // A refused body may still be streaming in: close after answering.
        if (reply.status === 413) reply.headers = { connection: 'close' }
        return reply
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/crm/bulk/${v}/write$`),
      scopes: () => [need('ZohoCRM.bulk', 'CREATE')],
      handle: async (ctx) => {
        const body = await readJson(ctx.req, JOB_BODY_LIMIT)
        const module = moduleOf(body)
        const operation = isObject(body) ? body.operation : undefined
        const op = operation === 'update' ? 'UPDATE' : 'CREATE'
        if (
          module &&
          !covers(ctx.scopes, need(`ZohoCRM.modules.${module}`, op, 'WRITE'))
        ) {
          return scopeMismatch()
        }
        return createJob(body, deps)
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/bulk/${v}/write/(\\d+)$`),
      scopes: bulkRead,
      handle: async (ctx) => {
        const job = deps.store.jobs.value[ctx.params[0] ?? '']
        if (!job) {
          return errorReply(
            404,
            'RESOURCE_NOT_FOUND',
            "The requested resource doesn't exist.",
            {
              resource_path_index: 0,
            },
          )
        }
        return {
          status: 200,
          body: jobView(job, deps.spelling, deps.downloadUrl(job)),
        }
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/${v}/crm/([^/]+)/bulk-write/(\\d+)/(\\d+)\\.zip$`),
      scopes: bulkRead,
      handle: async (ctx) => {
        const [zgid, jobId] = ctx.params
        const job = deps.store.jobs.value[jobId ?? '']
        if (zgid !== deps.zgid || !job || job.status !== 'COMPLETED')
          return linkNotValid()

        const name = resultCsvName(
          job.resource[0]?.module.api_name ?? 'Module',
          job.resource[0]?.csv_name ?? 'file.csv',
        )
        const spoil = deps.faults.onDownload()
        let bytes: Buffer = await readFile(deps.store.resultPath(job.id))
        if (spoil?.kind === 'corrupt') bytes = corrupt(bytes)
        if (spoil?.kind === 'bomb')
          bytes = await zipBomb(name, spoil.expandedMb)
        ctx.res.writeHead(200, {
          'content-type': 'application/zip',
          'content-length': bytes.length,
          'content-disposition': `attachment; filename="${job.id}.zip"`,
        })
        ctx.res.end(bytes)
      },
    },
  ]
}

function moduleOf(body: unknown): string | undefined {
  if (!isObject(body) || !Array.isArray(body.resource)) return undefined

  const first: unknown = body.resource[0]
  if (!isObject(first)) return undefined

  const module = isObject(first.module) ? first.module.api_name : first.module
  return typeof module === 'string' ? module : undefined
}

/** Zoho's gateway answer for a download link that is not (or no longer) valid. */
function linkNotValid(): JsonReply {
  return {
    status: 403,
    body: { info: 'Forbidden', 'x-info': 'Link not valid' },
  }
}

/** Cuts the ZIP before its central directory and garbles what is left. */
function corrupt(bytes: Buffer): Buffer {
  const cut = Buffer.from(
    bytes.subarray(0, Math.max(8, Math.floor(bytes.length * 0.6))),
  )
  for (let i = 30; i < cut.length; i += 7) cut[i] = (cut[i] ?? 0) ^ 0x5a
  return cut
}
