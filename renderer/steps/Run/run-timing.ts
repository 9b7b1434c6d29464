import type { RunView } from '../../../app/contract.ts'

/** Rows the CRM has processed so far, over every job. */
export function processedRows(run: RunView): number {
  return run.jobs.reduce((sum, job) => sum + job.processed, 0)
}

/** "42 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`

  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) {
    return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`
  }

  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** How long the run has taken, up to now or to its end. */
export function elapsedMs(run: RunView, now: number): number {
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now
  return end - Date.parse(run.startedAt)
}

/** A moment of the run: when, and how many rows were processed by then. */
export interface ProgressSample {
  at: number
  processed: number
}

/**
 * Time left at the CRM's pace since `first` (the first moment it had
 * processed a row: planning and uploading say nothing of its pace); null
 * until it has processed more since then.
 */
export function estimateLeftMs(
  run: RunView,
  first: ProgressSample | null,
  now: number,
): number | null {
  const done = processedRows(run)
  if (run.state !== 'running' || first === null || done <= first.processed) {
    return null
  }

  const pace = (now - first.at) / (done - first.processed)
  return Math.max(0, (run.rowsToSend - done) * pace)
}
