/**
 * When and how long to wait before trying a CRM call again. Bounded in
 * count and in total time, with full jitter so that parallel jobs that
 * failed together do not retry together.
 */

/** The bounds of retrying one call. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** The first wait before jitter, doubled on each retry. */
  baseMs: number
  /** No single wait is longer. */
  capMs: number
  /** No retry starts later than this after the first attempt. */
  budgetMs: number
  /** Each attempt's time limit. */
  timeoutMs: number
}

/** The defaults for metadata and job-status calls. */
export const DEFAULT_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseMs: 1_000,
  capMs: 15_000,
  budgetMs: 60_000,
  timeoutMs: 60_000,
}

/** Uploads of up to 25 MB get longer per attempt. */
export const UPLOAD_TIMEOUT_MS = 5 * 60_000

/** What kind of call is being made, which decides what may be retried. */
export type CallKind =
  /** Reading: any 429, 5xx, network error or timeout may be retried. */
  | 'idempotent'
  /**
   * Creating a job: only answers that prove nothing was created (429) are
   * retried; a 5xx, a dropped connection or a timeout may hide a job that
   * exists, so the call fails instead of scheduling a second one.
   */
  | 'create'

/** The wait before retry number `retry` (1 = first retry), with jitter. */
export function backoffMs(
  policy: RetryPolicy,
  retry: number,
  random: () => number,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1))
  return Math.round(ceiling * random())
}

/** Whether an HTTP status is worth another try for this kind of call. */
export function isRetryableStatus(status: number, kind: CallKind): boolean {
  if (status === 429) return true

  return kind === 'idempotent' && status >= 500
}
