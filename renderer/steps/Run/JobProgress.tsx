import type { RunView } from '../../../app/contract.ts'

const STATES: Record<string, string> = {
  waiting: 'waiting',
  uploading: 'uploading',
  queued: 'queued in the CRM',
  running: 'running',
  done: 'done',
  failed: 'failed',
}

/** One progress bar per job, from the CRM's own counts. */
export function JobProgress({ run }: { run: RunView }) {
  return (
    <ol className="jobs" aria-label="Jobs">
      {run.jobs.map((job) => (
        <li key={job.index}>
          <span>
            Job {job.index + 1} · {job.rows.toLocaleString()} rows ·{' '}
            {STATES[job.state]}
            {job.jobId ? ` · id ${job.jobId}` : ''}
          </span>
          <progress
            max={job.rows}
            value={job.processed}
            aria-label={`Job ${job.index + 1} progress`}
          />
        </li>
      ))}
      <li className="muted">
        {run.creditsSpent.toLocaleString()} API credits spent
      </li>
    </ol>
  )
}
