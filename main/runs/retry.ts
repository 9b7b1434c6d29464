import { CrmApiError, CrmUnreachableError } from '../zoho/crm-api-error.ts'
import { UserFacingError } from '../user-facing-error.ts'
import { createLogger } from '../log/logger.ts'

const log = createLogger('jobs')

/** How often and how patiently a call to the CRM is tried again. */
export interface RetryPolicy {
  attempts: number
  firstMs: number
  maxMs: number
}

/** What a failed call means for trying it again. */
export type FailureKind =
  /** 429: the CRM did not do it and asks to wait; always safe to retry. */
  | 'busy'
  /** 5xx: the CRM failed; safe to retry reads, not a job's creation. */
  | 'answered-transient'
  /** No answer at all (connection dropped, timeout): it may have happened. */
  | 'no-answer'
  /** The CRM refused for good (4xx with a code): trying again won't help. */
  | 'refused'

/** Sorts a thrown error; anything that is not a CRM failure is a bug. */
export function failureKind(error: unknown): FailureKind {
  if (error instanceof CrmUnreachableError) return 'no-answer'

  if (error instanceof CrmApiError) {
    const status = error.httpStatus
    if (status === 429) return 'busy'

    return status >= 500 ? 'answered-transient' : 'refused'
  }

  if (error instanceof UserFacingError) return 'refused'

  throw error
}

/** True when the CRM says the thing asked for does not exist (404). */
export function isGone(error: unknown): boolean {
  return (
    error instanceof CrmApiError &&
    (error.httpStatus === 404 || error.code === 'RESOURCE_NOT_FOUND')
  )
}

/** Thrown when the run was asked to stop (app closing); not a failure. */
export class RunStopped extends Error {
  constructor() {
    super('The run was stopped; it resumes on the next start.')
    this.name = 'RunStopped'
  }
}

/** Waits, but wakes early and throws when the run is stopped. */
export async function pause(ms: number, stopped: () => boolean): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (stopped()) throw new RunStopped()

    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(100, end - Date.now())),
    )
  }
  if (stopped()) throw new RunStopped()
}

/**
 * Calls `fn` until it succeeds, retrying the failures `retryable` accepts
 * with doubling waits; the last failure is thrown.
 */
export async function withRetries<T>(
  what: string,
  fn: () => Promise<T>,
  options: {
    policy: RetryPolicy
    stopped: () => boolean
    retryable: (kind: FailureKind) => boolean
  },
): Promise<T> {
  let wait = options.policy.firstMs
  for (let attempt = 1; ; attempt++) {
    if (options.stopped()) throw new RunStopped()

    try {
      return await fn()
    } catch (error) {
      const kind = failureKind(error)
      if (!options.retryable(kind) || attempt >= options.policy.attempts) {
        throw error
      }

      log.warn(`${what}: attempt ${attempt} failed (${kind}), retrying`)
      await pause(wait, options.stopped)
      wait = Math.min(options.policy.maxMs, wait * 2)
    }
  }
}
