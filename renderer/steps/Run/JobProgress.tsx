import type { JobView, RunView } from '../../../app/contract.ts'

const STATES: Record<JobView['state'], string> = {
  waiting: 'waiting',
  uploading: 'uploading the file',
  creating: 'creating the job',
  queued: 'queued in the CRM',
  running: 'running in the CRM',
  downloading: 'reading the result',
  done: 'done',
  failed: 'did not go well',
}

/** One progress bar per job, from the CRM's own counts. */
export function JobProgress({ run }: { run: RunView }) {
  if (run.jobs.length === 0) {
    return <p className="muted">Splitting the file into jobs…</p>
  }

  return (
    <ol className="jobs" aria-label="Jobs">
      {run.jobs.map((job) => (
        <li key={job.index} className={`job ${job.state}`}>
          <span>
            <strong>Job {job.index + 1}</strong> · {job.rows.toLocaleString()}{' '}
            rows · {STATES[job.state]}
            {job.state === 'done' || job.state === 'failed'
              ? ` · ${job.added.toLocaleString()} added, ${job.updated.toLocaleString()} updated, ${job.skipped.toLocaleString()} skipped`
              : ''}
            {job.jobId ? <span className="muted"> · id {job.jobId}</span> : ''}
          </span>
          <progress
            max={Math.max(1, job.rows)}
            value={job.processed}
            aria-label={`Job ${job.index + 1} progress`}
          />
          {job.message && <span className="job-message">{job.message}</span>}
        </li>
      ))}
    </ol>
  )
}
