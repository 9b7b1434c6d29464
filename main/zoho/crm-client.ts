import type { CrmField, CrmModule } from '../../app/fields/crm-field.ts'
import {
  parseFieldsResponse,
  parseLayoutRequired,
  parseModulesResponse,
} from '../../app/fields/parse-field-metadata.ts'
import { isZohoHost } from '../../app/connection/data-centres.ts'
import { createLogger } from '../log/logger.ts'
import { CrmApiError, crmError } from './crm-api-error.ts'
import type { CallPurpose } from './crm-error-hints.ts'
import {
  codeOf,
  createCaller,
  isObject,
  type CallerDeps,
  type CallResult,
} from './http-call.ts'
import { parseJobStatus, type JobStatus } from './job-status.ts'
import { UPLOAD_TIMEOUT_MS } from './retry-policy.ts'

const log = createLogger('crm')

/** Gives the client a valid access token, refreshing it when needed. */
export interface AccessTokenSource {
  accessToken(): Promise<string>
  /** Called after a 401 with the refused token: the next must be fresh. */
  invalidate(failed: string): void
}

/** Where the CRM lives and how to authenticate. */
export interface CrmEndpoint extends CallerDeps {
  /** `api_domain` from the token answer. */
  apiDomain: string
  /** The host that takes uploads (Zoho's content/upload host for the DC). */
  uploadBase: string
}

/** The organisation, as far as the import needs it. */
export interface CrmOrg {
  zgid: string
  name: string
}

/** The Zoho CRM calls Bulkwright makes. */
export interface CrmClient {
  getOrg(): Promise<CrmOrg>
  listModules(): Promise<CrmModule[]>
  listFields(module: string): Promise<CrmField[]>
  uploadZip(zip: Uint8Array, fileName: string, zgid: string): Promise<string>
  createJob(body: object): Promise<string>
  getJob(jobId: string): Promise<JobStatus>
  downloadResult(url: string): Promise<Uint8Array>
}

/** Zoho answers some errors with HTTP 200: only the body says success. */
function failed(result: CallResult): boolean {
  return (
    result.status >= 400 ||
    (isObject(result.body) && result.body.status === 'error')
  )
}

function refusal(result: CallResult, what: string, purpose: CallPurpose) {
  const body = result.body
  const detail =
    isObject(body) && typeof body.message === 'string' ? body.message : ''
  return crmError(
    codeOf(body, result.status),
    what,
    purpose,
    result.status,
    detail,
  )
}

/**
 * The access token goes only to the connection's own hosts or to a Zoho
 * host over https, never to whatever host a download link names.
 */
function mayCarryToken(url: string, endpoint: CrmEndpoint): boolean {
  const target = new URL(url)
  const own = [endpoint.apiDomain, endpoint.uploadBase].map(
    (base) => new URL(base).origin,
  )
  if (own.includes(target.origin)) return true

  return isZohoHost(url)
}

/** Creates a client for one CRM endpoint. */
export function createCrmClient(endpoint: CrmEndpoint): CrmClient {
  const call = createCaller(endpoint)

  async function getJson(path: string, what: string, purpose: CallPurpose) {
    const result = await call(
      `${endpoint.apiDomain}${path}`,
      { method: 'GET' },
      { kind: 'idempotent', purpose, what },
    )
    if (failed(result)) throw refusal(result, what, purpose)
    return result.body
  }

  return {
    async getOrg() {
      const body = await getJson(
        '/crm/v8/org',
        'Reading the organisation',
        'metadata',
      )
      const org = isObject(body) && Array.isArray(body.org) ? body.org[0] : null
      if (!isObject(org) || org.zgid === undefined) {
        throw new CrmApiError(
          'BAD_ORG',
          'The CRM did not describe its organisation. Check the data centre ' +
            'and environment, then connect again.',
          200,
        )
      }
      return { zgid: String(org.zgid), name: String(org.company_name ?? '') }
    },

    async listModules() {
      const body = await getJson(
        '/crm/v8/settings/modules',
        'Listing modules',
        'metadata',
      )
      return parseModulesResponse(body)
    },

    async listFields(module) {
      const query = `?module=${encodeURIComponent(module)}`
      const fields = await getJson(
        `/crm/v8/settings/fields${query}`,
        `Reading the fields of ${module}`,
        'metadata',
      )
      const layouts = await getJson(
        `/crm/v8/settings/layouts${query}`,
        `Reading the layouts of ${module}`,
        'metadata',
      )
      return parseFieldsResponse(fields, parseLayoutRequired(layouts))
    },

    async uploadZip(zip, fileName, zgid) {
      const form = new FormData()
      form.append(
        'file',
        new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
        fileName,
      )
      // A repeated upload at worst leaves an unused file at Zoho, so it is
      // retried like a read.
      const what = 'Uploading the file'
      const result = await call(
        `${endpoint.uploadBase}/crm/v8/upload`,
        {
          method: 'POST',
          headers: { feature: 'bulk-write', 'X-CRM-ORG': zgid },
          body: form,
        },
        {
          kind: 'idempotent',
          purpose: 'upload',
          what,
          timeoutMs: UPLOAD_TIMEOUT_MS,
        },
      )
      const body = result.body
      const details =
        isObject(body) && isObject(body.details) ? body.details : {}
      if (
        failed(result) ||
        !isObject(body) ||
        body.status !== 'success' ||
        details.file_id === undefined
      ) {
        throw refusal(result, what, 'upload')
      }
      log.info(
        `uploaded ${zip.byteLength} bytes as file ${String(details.file_id)}`,
      )
      return String(details.file_id)
    },

    async createJob(body) {
      const what = 'Creating the import job'
      const result = await call(
        `${endpoint.apiDomain}/crm/bulk/v8/write`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
        { kind: 'create', purpose: 'create', what },
      )
      const answer = result.body
      const details =
        isObject(answer) && isObject(answer.details) ? answer.details : {}
      if (
        failed(result) ||
        !isObject(answer) ||
        answer.status !== 'success' ||
        details.id === undefined
      ) {
        throw refusal(result, what, 'create')
      }
      log.info(`created job ${String(details.id)}`)
      return String(details.id)
    },

    async getJob(jobId) {
      const body = await getJson(
        `/crm/bulk/v8/write/${encodeURIComponent(jobId)}`,
        `Reading job ${jobId}`,
        'status',
      )
      const status = parseJobStatus(body)
      if (status === null) {
        throw new CrmApiError(
          'BAD_JOB_STATUS',
          `The CRM answered job ${jobId} with something else. Try again; ` +
            'if it persists, look at the job in Zoho.',
          200,
        )
      }
      return status
    },

    async downloadResult(url) {
      const absolute = new URL(url, endpoint.apiDomain).toString()
      const what = 'Downloading the result'
      if (!mayCarryToken(absolute, endpoint)) {
        throw new CrmApiError(
          'FOREIGN_DOWNLOAD_HOST',
          `${what} failed: the CRM pointed to ${new URL(absolute).origin}, ` +
            'which is not a Zoho host, so Bulkwright did not send it your ' +
            'access. Download the result in Zoho instead.',
          0,
        )
      }
      const result = await call(
        absolute,
        { method: 'GET' },
        { kind: 'idempotent', purpose: 'result', what, binary: true },
      )
      if (result.bytes === null) throw refusal(result, what, 'result')

      return result.bytes
    },
  }
}
