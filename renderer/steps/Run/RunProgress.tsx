import { useEffect, useRef, useState } from 'react'
import type { RunView } from '../../../app/contract.ts'
import {
  elapsedMs,
  estimateLeftMs,
  formatDuration,
  processedRows,
  type ProgressSample,
} from './run-timing.ts'

/** Re-renders every second while the run is running. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return

    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [running])
  return now
}

/** The whole run: one bar over every job, time taken, time left, credits. */
export function RunProgress({ run }: { run: RunView }) {
  const now = useNow(run.state === 'running')
  const done = processedRows(run)
  // The first moment the CRM had processed rows: the pace counts from here.
  const first = useRef<ProgressSample | null>(null)
  if (first.current === null && done > 0) {
    first.current = { at: Date.now(), processed: done }
  }
  const left = estimateLeftMs(run, first.current, now)
  const finishedJobs = run.jobs.filter(
    (job) => job.state === 'done' || job.state === 'failed',
  ).length

  return (
    <div className="run-progress" aria-label="Overall progress">
      <div className="run-progress-line">
        <strong>
          {done.toLocaleString()} of {run.rowsToSend.toLocaleString()} rows
          processed
        </strong>
        <span className="muted">
          {finishedJobs} of {run.jobs.length}{' '}
          {run.jobs.length === 1 ? 'job' : 'jobs'} finished
        </span>
      </div>
      <progress
        max={Math.max(1, run.rowsToSend)}
        value={done}
        aria-label="All jobs progress"
      />
      <dl className="run-facts">
        <div>
          <dt>Elapsed</dt>
          <dd data-testid="elapsed">{formatDuration(elapsedMs(run, now))}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>
            {run.state !== 'running'
              ? '—'
              : left === null
                ? 'estimating…'
                : `about ${formatDuration(left)}`}
          </dd>
        </div>
        <div>
          <dt>API credits spent</dt>
          <dd data-testid="credits">{run.creditsSpent.toLocaleString()}</dd>
        </div>
      </dl>
    </div>
  )
}
