import { createLogger } from '../log/logger.ts'
import type { AccessTokenSource } from './crm-client.ts'
import { CrmUnreachableError, crmError } from './crm-api-error.ts'
import type { CallPurpose } from './crm-error-hints.ts'
import {
  backoffMs,
  DEFAULT_POLICY,
  isRetryableStatus,
  type CallKind,
  type RetryPolicy,
} from './retry-policy.ts'

const log = createLogger('crm')

/** What the caller needs besides the URL. */
export interface CallOptions {
  kind: CallKind
  purpose: CallPurpose
  /** "Reading the fields of Leads": the start of any error sentence. */
  what: string
  timeoutMs?: number
}

/** A finished call: its status, headers and parsed body. */
export interface CallResult {
  status: number
  headers: Headers
  body: unknown
  bytes: Uint8Array | null
}

/** The moving parts a caller uses; tests replace sleep, random and clock. */
export interface CallerDeps {
  tokens: AccessTokenSource
  fetch?: typeof fetch
  policy?: Partial<RetryPolicy>
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => number
}

type Json = Record<string, unknown>

/** True for plain JSON objects. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Zoho's error code in any of its body shapes. */
export function codeOf(body: unknown, status: number): string {
  if (isObject(body) && typeof body.code === 'string') return body.code
  if (isObject(body) && typeof body.ERROR_CODE !== 'undefined') {
    return status === 401 ? 'INVALID_TOKEN' : `HTTP_${status}`
  }
  return `HTTP_${status}`
}

function messageOf(body: unknown): string {
  if (!isObject(body)) return ''
  const text = body.message ?? body.ERROR_MESSAGE
  return typeof text === 'string' ? text : ''
}

function creditsExhausted(status: number, headers: Headers, body: unknown) {
  if (status !== 429) return false

  const details = isObject(body) && isObject(body.details) ? body.details : {}
  return (
    headers.get('x-api-credits-remaining') === '0' ||
    details.credits_remaining === 0 ||
    /credit/i.test(messageOf(body))
  )
}

async function readBody(response: Response, binary: boolean) {
  if (binary && response.ok) {
    return { body: null, bytes: new Uint8Array(await response.arrayBuffer()) }
  }
  const text = await response.text()
  if (text === '') return { body: null, bytes: null }
  try {
    return { body: JSON.parse(text) as unknown, bytes: null }
  } catch {
    return { body: { code: 'NOT_JSON', message: '' }, bytes: null }
  }
}

/**
 * Makes CRM calls with the access token, a time limit on every attempt,
 * one token renewal on a 401, and bounded retries with back-off and jitter
 * where a retry is safe. Answers that are not errors at HTTP level are
 * returned for the caller to judge by their body.
 */
export function createCaller(deps: CallerDeps) {
  const policy = { ...DEFAULT_POLICY, ...deps.policy }
  const doFetch = deps.fetch ?? fetch
  const sleep =
    deps.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)))
  const random = deps.random ?? Math.random
  const now = deps.now ?? Date.now

  return async function call(
    url: string,
    init: RequestInit,
    options: CallOptions & { binary?: boolean },
  ): Promise<CallResult> {
    const started = now()
    let renewed = false

    for (let attempt = 1; ; attempt += 1) {
      const token = await deps.tokens.accessToken()
      const headers = new Headers(init.headers)
      headers.set('Authorization', `Zoho-oauthtoken ${token}`)
      const timeoutMs = options.timeoutMs ?? policy.timeoutMs

      let failure: {
        status: number
        code: string
        detail: string
        cause?: unknown
      }
      try {
        const response = await doFetch(url, {
          ...init,
          headers,
          signal: AbortSignal.timeout(timeoutMs),
        })
        const { body, bytes } = await readBody(
          response,
          options.binary === true,
        )
        const { status } = response
        const code = codeOf(body, status)

        if (status === 401 && code !== 'OAUTH_SCOPE_MISMATCH' && !renewed) {
          // The token may have expired mid-run: one renewal, one retry.
          renewed = true
          deps.tokens.invalidate(token)
          attempt -= 1
          continue
        }
        if (creditsExhausted(status, response.headers, body)) {
          throw crmError(
            'CREDITS_EXHAUSTED',
            options.what,
            options.purpose,
            429,
          )
        }
        if (status < 500 && status !== 429) {
          return { status, headers: response.headers, body, bytes }
        }
        failure = { status, code, detail: messageOf(body) }
      } catch (error) {
        if (!(error instanceof TypeError || isAbort(error))) throw error

        failure = {
          status: 0,
          code: isAbort(error) ? 'CRM_TIMEOUT' : 'CRM_UNREACHABLE',
          detail: '',
          cause: error,
        }
      }

      const retryable =
        failure.status === 0
          ? options.kind === 'idempotent'
          : isRetryableStatus(failure.status, options.kind)
      const wait = backoffMs(policy, attempt, random)
      const inBudget = now() - started + wait <= policy.budgetMs
      if (retryable && attempt < policy.maxAttempts && inBudget) {
        log.warn(
          `${options.purpose} call got ${failure.code}; retry ${attempt} in ${wait} ms`,
        )
        await sleep(wait)
        continue
      }

      throw finalError(url, options, failure, attempt)
    }
  }
}

function isAbort(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  )
}

function finalError(
  url: string,
  options: CallOptions,
  failure: { status: number; code: string; detail: string; cause?: unknown },
  attempts: number,
) {
  log.warn(
    `${options.purpose} call failed with ${failure.code} after ${attempts} attempt(s)`,
  )
  if (options.kind === 'create' && failure.status !== 429) {
    return crmError(
      'JOB_CREATE_UNCERTAIN',
      options.what,
      'create',
      failure.status,
    )
  }
  if (failure.status === 0) {
    return new CrmUnreachableError(url, failure.cause, failure.code)
  }
  return crmError(
    failure.code,
    options.what,
    options.purpose,
    failure.status,
    failure.detail,
  )
}
