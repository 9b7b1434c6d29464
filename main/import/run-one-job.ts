import type { JobView } from '../../app/contract.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import {
  writeJobCsv,
  zipJobCsv,
  type JobColumns,
} from '../../app/plan/job-file.ts'
import { joinJobResults } from '../../app/results/join-results.ts'
import { parseResultZip } from '../../app/results/parse-result-zip.ts'
import type { RowOutcome } from '../../app/results/row-outcome.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { JobStatus } from '../zoho/job-status.ts'
import type { RunDeps } from './run-import.ts'

/** One row as it goes to Zoho, with where it came from. */
export interface SentRow {
  row: number
  line: number
  cells: string[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function jobBody(
  mapping: ImportMapping,
  columns: JobColumns,
  fileId: string,
): object {
  return {
    operation: mapping.operation,
    ignore_empty: mapping.ignoreEmpty,
    character_encoding: 'UTF-8',
    resource: [
      {
        type: 'data',
        module: { api_name: mapping.module },
        file_id: fileId,
        ...(mapping.findBy === null ? {} : { find_by: mapping.findBy }),
        field_mappings: columns.fieldMappings,
      },
    ],
  }
}

function showStatus(job: JobView, status: JobStatus): void {
  job.state =
    status.state === 'queued'
      ? 'queued'
      : status.state === 'running'
        ? 'running'
        : job.state
  job.added = status.added
  job.updated = status.updated
  job.skipped = status.skipped
  job.processed = status.added + status.updated + status.skipped
}

async function pollUntilDone(
  jobId: string,
  job: JobView,
  deps: RunDeps,
  publish: () => Promise<void>,
): Promise<JobStatus> {
  let wait = deps.pollMs.first
  for (;;) {
    const status = await deps.client.getJob(jobId)
    showStatus(job, status)
    await publish()
    if (status.state === 'completed' || status.state === 'failed') return status

    await sleep(wait)
    wait = Math.min(deps.pollMs.max, Math.round(wait * 1.5))
  }
}

function failedRows(rows: SentRow[], reason: string): RowOutcome[] {
  return rows.map((sent) => ({
    row: sent.row,
    line: sent.line,
    kind: 'skipped',
    recordId: null,
    errors: [],
    reason,
  }))
}

/** Uploads one job's rows, waits for Zoho and joins the result to the rows. */
export async function runOneJob(
  job: JobView,
  rows: SentRow[],
  columns: JobColumns,
  mapping: ImportMapping,
  deps: RunDeps,
  publish: () => Promise<void>,
): Promise<RowOutcome[]> {
  job.state = 'uploading'
  await publish()
  const csv = writeJobCsv(
    columns.headers,
    rows.map((sent) => sent.cells),
  )
  const fileName = `${mapping.module}-part${job.index + 1}.csv`
  const zip = await zipJobCsv(fileName, csv)
  const fileId = await deps.client.uploadZip(
    zip,
    fileName.replace(/csv$/, 'zip'),
    deps.zgid,
  )
  job.jobId = await deps.client.createJob(jobBody(mapping, columns, fileId))
  job.state = 'queued'
  await publish()

  const status = await pollUntilDone(job.jobId, job, deps, publish)
  if (status.state === 'failed' || status.downloadUrl === null) {
    job.state = 'failed'
    return failedRows(
      rows,
      `Zoho reported job ${job.jobId} as failed; this row was not imported. Run it again.`,
    )
  }

  const parsed = await parseResultZip(
    await deps.client.downloadResult(status.downloadUrl),
  )
  if (!parsed.ok) {
    job.state = 'failed'
    throw new UserFacingError(
      'BAD_RESULT',
      `The result of job ${job.jobId} could not be read: ${parsed.message}`,
    )
  }

  const joined = joinJobResults(rows, parsed.rows)
  if (!Array.isArray(joined)) {
    job.state = 'failed'
    throw new UserFacingError(
      'RESULT_MISMATCH',
      `The result of job ${job.jobId} does not match the rows sent: ${joined.message}`,
    )
  }

  job.state = 'done'
  return joined
}
