import type { CrmField, CrmModule } from '../../app/fields/crm-field.ts'
import {
  parseFieldsResponse,
  parseLayoutRequired,
  parseModulesResponse,
} from '../../app/fields/parse-field-metadata.ts'
import { createLogger } from '../log/logger.ts'
import { CrmApiError, CrmUnreachableError } from './crm-api-error.ts'
import { parseJobStatus, type JobStatus } from './job-status.ts'

const log = createLogger('crm')

/** Gives the client a valid access token, refreshing it when needed. */
export interface AccessTokenSource {
  accessToken(): Promise<string>
  /** Called after a 401: the next accessToken() must be a fresh one. */
  invalidate(failed: string): void
}

/** Where the CRM lives and how to authenticate. */
export interface CrmEndpoint {
  /** `api_domain` from the token answer. */
  apiDomain: string
  /** The host that takes uploads (Zoho's content/upload host for the DC). */
  uploadBase: string
  tokens: AccessTokenSource
  fetch?: typeof fetch
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

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return { code: 'NOT_JSON', message: `HTTP ${response.status}` }
  }
}

function errorFrom(body: unknown, status: number, what: string): CrmApiError {
  const code =
    isObject(body) && typeof body.code === 'string'
      ? body.code
      : `HTTP_${status}`
  const detail =
    isObject(body) && typeof body.message === 'string' ? body.message : ''
  return new CrmApiError(
    code,
    `${what} failed: ${code}${detail ? ` (${detail})` : ''}.`,
    status,
  )
}

/** Creates a client for one CRM endpoint. */
export function createCrmClient(endpoint: CrmEndpoint): CrmClient {
  const doFetch = endpoint.fetch ?? fetch

  async function call(
    url: string,
    init: RequestInit,
    retried = false,
  ): Promise<Response> {
    const token = await endpoint.tokens.accessToken()
    const headers = new Headers(init.headers)
    headers.set('Authorization', `Zoho-oauthtoken ${token}`)

    let response: Response
    try {
      response = await doFetch(url, {
        ...init,
        headers,
        signal: AbortSignal.timeout(60_000),
      })
    } catch (error) {
      throw new CrmUnreachableError(url, error)
    }

    if (response.status === 401 && !retried) {
      // One fresh token and one retry: the token may have expired mid-run.
      endpoint.tokens.invalidate(token)
      await response.body?.cancel()
      return call(url, init, true)
    }

    return response
  }

  async function getJson(path: string, what: string): Promise<unknown> {
    const response = await call(`${endpoint.apiDomain}${path}`, {
      method: 'GET',
    })
    if (response.status === 204) return null

    const body = await readJson(response)
    if (!response.ok) throw errorFrom(body, response.status, what)
    return body
  }

  return {
    async getOrg() {
      const body = await getJson('/crm/v8/org', 'Reading the organisation')
      const org = isObject(body) && Array.isArray(body.org) ? body.org[0] : null
      if (!isObject(org) || org.zgid === undefined) {
        throw new CrmApiError(
          'BAD_ORG',
          'The CRM did not describe its organisation.',
          200,
        )
      }
      return { zgid: String(org.zgid), name: String(org.company_name ?? '') }
    },

    async listModules() {
      const body = await getJson('/crm/v8/settings/modules', 'Listing modules')
      return parseModulesResponse(body)
    },

    async listFields(module) {
      const query = `?module=${encodeURIComponent(module)}`
      const fields = await getJson(
        `/crm/v8/settings/fields${query}`,
        `Reading the fields of ${module}`,
      )
      const layouts = await getJson(
        `/crm/v8/settings/layouts${query}`,
        `Reading the layouts of ${module}`,
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
      const response = await call(`${endpoint.uploadBase}/crm/v8/upload`, {
        method: 'POST',
        headers: { feature: 'bulk-write', 'X-CRM-ORG': zgid },
        body: form,
      })
      const body = await readJson(response)
      // Zoho answers some upload errors with HTTP 200: the body decides.
      const details =
        isObject(body) && isObject(body.details) ? body.details : {}
      if (
        !isObject(body) ||
        body.status !== 'success' ||
        details.file_id === undefined
      ) {
        throw errorFrom(body, response.status, 'Uploading the file')
      }
      log.info(
        `uploaded ${zip.byteLength} bytes as file ${String(details.file_id)}`,
      )
      return String(details.file_id)
    },

    async createJob(body) {
      const response = await call(`${endpoint.apiDomain}/crm/bulk/v8/write`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = await readJson(response)
      const details =
        isObject(answer) && isObject(answer.details) ? answer.details : {}
      if (
        !isObject(answer) ||
        answer.status !== 'success' ||
        details.id === undefined
      ) {
        throw errorFrom(answer, response.status, 'Creating the import job')
      }
      log.info(`created job ${String(details.id)}`)
      return String(details.id)
    },

    async getJob(jobId) {
      const body = await getJson(
        `/crm/bulk/v8/write/${encodeURIComponent(jobId)}`,
        `Reading job ${jobId}`,
      )
      const status = parseJobStatus(body)
      if (status === null) {
        throw new CrmApiError(
          'BAD_JOB_STATUS',
          `The CRM answered job ${jobId} with something else.`,
          200,
        )
      }
      return status
    },

    async downloadResult(url) {
      const absolute = new URL(url, endpoint.apiDomain).toString()
      const response = await call(absolute, { method: 'GET' })
      if (!response.ok) {
        throw errorFrom(
          await readJson(response),
          response.status,
          'Downloading the result',
        )
      }
      return new Uint8Array(await response.arrayBuffer())
    },
  }
}
