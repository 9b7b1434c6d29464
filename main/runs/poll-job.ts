import type { JobView } from '../../app/contract.ts'
import type { JobContext } from '../import/run-one-job.ts'
import type { JobStatus } from '../zoho/job-status.ts'
import { pause, withRetries } from './retry.ts'

function showStatus(job: JobView, status: JobStatus): void {
  if (status.state === 'queued') job.state = 'queued'

  if (status.state === 'running') job.state = 'running'

  job.added = status.added
  job.updated = status.updated
  job.skipped = status.skipped
  job.processed = Math.min(
    job.rows,
    status.added + status.updated + status.skipped,
  )
}

/**
 * Polls a created job until it completes or fails, waiting longer each time
 * (Zoho counts every call against the org's credits). Reading the status is
 * safe to repeat, so every failure but a refusal is tried again.
 */
export async function pollJob(
  jobId: string,
  job: JobView,
  context: JobContext,
): Promise<JobStatus> {
  const { deps } = context
  let wait = deps.pollMs.first
  for (;;) {
    const status = await withRetries(
      `status of job ${jobId}`,
      () => deps.client.getJob(jobId),
      {
        policy: deps.retry,
        stopped: deps.stopped,
        retryable: (kind) => kind !== 'refused',
      },
    )
    showStatus(job, status)
    await context.publish()
    if (status.state === 'completed' || status.state === 'failed') return status

    await pause(wait, deps.stopped)
    wait = Math.min(deps.pollMs.max, Math.round(wait * 1.5))
  }
}
