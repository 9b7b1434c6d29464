import { fieldHintsOf, fieldLabelsOf } from './labels.ts'
import { joinJobResults, type SentRow } from '../../app/results/join-results.ts'
import { parseResultZip } from '../../app/results/parse-result-zip.ts'
import type { RowOutcome } from '../../app/results/row-outcome.ts'
import type { JobContext } from '../import/run-one-job.ts'
import { createLogger } from '../log/logger.ts'
import { withRetries } from './retry.ts'

const log = createLogger('jobs')

/** Result CSVs are about 100 bytes a row; far beyond that is not one. */
export const DEFAULT_MAX_RESULT_BYTES = 64 * 1024 * 1024

/** A job's rows joined to its result, or why that could not be done. */
export type FetchedOutcomes =
  | { ok: true; outcomes: RowOutcome[] }
  | { ok: false; message: string }

/**
 * Downloads a job's result and joins it to the rows sent. A result that is
 * not a readable ZIP is fetched again a few times (it may have been spoiled
 * on the way); one that would unpack past the bound is refused at once and
 * never written anywhere.
 */
export async function fetchOutcomes(
  url: string,
  rows: SentRow[],
  context: JobContext,
): Promise<FetchedOutcomes> {
  const { deps, run } = context
  let last = ''
  for (let attempt = 1; attempt <= deps.retry.attempts; attempt++) {
    let bytes: Uint8Array
    try {
      bytes = await withRetries(
        'result download',
        () => deps.client.downloadResult(url),
        {
          policy: deps.retry,
          stopped: deps.stopped,
          retryable: (kind) => kind !== 'refused',
        },
      )
    } catch (error) {
      return {
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      }
    }

    const parsed = await parseResultZip(bytes, {
      maxUncompressedBytes: deps.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES,
    })
    if (parsed.ok) {
      const joined = joinJobResults(
        rows,
        parsed.rows,
        fieldLabelsOf(run),
        fieldHintsOf(run),
      )
      return Array.isArray(joined)
        ? { ok: true, outcomes: joined }
        : { ok: false, message: joined.message }
    }

    if (parsed.code === 'TOO_LARGE') {
      log.warn(`result of ${url.length}-char link refused: ${parsed.code}`)
      return {
        ok: false,
        message: `${parsed.message} A result file this large is not a real one; it was refused.`,
      }
    }

    last = parsed.message
    log.warn(`result unreadable (${parsed.code}), attempt ${attempt}`)
  }
  return { ok: false, message: last }
}
