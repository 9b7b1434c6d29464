import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { type JobColumns, writeJobCsv } from '../../app/plan/job-file.ts'
import { zipJobCsv } from '../../app/plan/job-zip.ts'
import type { SentRow } from '../../app/results/join-results.ts'
import { createLogger } from '../log/logger.ts'
import { allSkipped, jobReasons } from '../runs/job-outcomes.ts'
import { fetchOutcomes } from '../runs/job-result.ts'
import { pollJob } from '../runs/poll-job.ts'
import { failureKind, isGone, withRetries } from '../runs/retry.ts'
import type { RunRecord } from '../runs/run-record.ts'
import type { RunDeps } from './run-import.ts'

const log = createLogger('jobs')

/** One job of a run, and how to record what happens to it. */
export interface JobContext {
  run: RunRecord
  index: number
  deps: RunDeps
  /** Saves the run record atomically and tells the renderer. */
  publish(): Promise<void>
}

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

/** Zoho's own counts for a job, for messages where rows cannot be told apart. */
function crmCounts(status: {
  added: number
  updated: number
  skipped: number
}): string {
  return `${status.added} added, ${status.updated} updated, ${status.skipped} skipped`
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function upload(context: JobContext, rows: SentRow[]): Promise<string> {
  const { run, index, deps } = context
  const fileName = `${run.mapping.module}-part${index + 1}.csv`
  const zip = await zipJobCsv(
    fileName,
    writeJobCsv(
      run.columns.headers,
      rows.map((sent) => sent.cells),
    ),
  )
  // An upload only stores a file; sending it twice creates nothing.
  return withRetries(
    `upload of job ${index + 1}`,
    () =>
      deps.client.uploadZip(zip, fileName.replace(/csv$/, 'zip'), deps.zgid),
    {
      policy: deps.retry,
      stopped: deps.stopped,
      retryable: (kind) => kind !== 'refused',
    },
  )
}

/**
 * Creates the job at most once. Only 429 (which proves nothing was
 * created) is tried again; a 5xx, a dropped connection or a timeout may
 * hide a job that exists, so it is never sent again and the job is
 * reconciled as "not known" instead.
 */
async function create(context: JobContext, fileId: string): Promise<string> {
  const { run, index, deps } = context
  return withRetries(
    `creating job ${index + 1}`,
    () => deps.client.createJob(jobBody(run.mapping, run.columns, fileId)),
    {
      policy: deps.retry,
      stopped: deps.stopped,
      retryable: (kind) => kind === 'busy',
    },
  )
}

/** Ends a job: its outcomes first, then its state, so a crash between repeats no row. */
async function end(
  context: JobContext,
  outcomes: ReturnType<typeof allSkipped>,
  message: string | null,
): Promise<void> {
  const { run, index, deps } = context
  await deps.store.saveOutcomes(run.view.runId, `job-${index + 1}`, outcomes)
  const job = run.view.jobs[index]!
  job.added = outcomes.filter((o) => o.kind === 'added').length
  job.updated = outcomes.filter((o) => o.kind === 'updated').length
  job.skipped = outcomes.filter((o) => o.kind === 'skipped').length
  job.processed = outcomes.length
  job.state = message === null ? 'done' : 'failed'
  job.message = message
  run.jobs[index]!.phase = 'ended'
  await context.publish()
}

/**
 * Takes one job from wherever it stands to its end: upload, create (once),
 * poll, download and join. Every step is recorded before the next begins.
 */
export async function runOneJob(context: JobContext): Promise<void> {
  const { run, index, deps } = context
  const record = run.jobs[index]!
  const job = run.view.jobs[index]!
  const number = index + 1
  if (record.phase === 'ended') return

  const rows = await deps.store.loadJobRows(run.view.runId, index)
  if (rows === null) throw new Error(`job ${number} has no rows on disk`)

  if (record.phase === 'planned') {
    job.state = 'uploading'
    await context.publish()
    try {
      record.fileId = await upload(context, rows)
    } catch (error) {
      // Still unreachable or busy after every retry: pause the run (its
      // rows are safe on disk) rather than give up on the job.
      if (failureKind(error) !== 'refused') throw error

      return end(
        context,
        allSkipped(rows, jobReasons.notSent(number, messageOf(error))),
        `The CRM did not take the file of job ${number}: ${messageOf(error)}`,
      )
    }
    record.phase = 'uploaded'
    await context.publish()
  }

  if (record.phase === 'uploaded') {
    // Written BEFORE the call: a restart that finds `creating` knows the
    // job may exist and never creates it again.
    record.phase = 'creating'
    job.state = 'creating'
    await context.publish()
    try {
      record.jobId = await create(context, record.fileId!)
    } catch (error) {
      const kind = failureKind(error)
      if (kind === 'no-answer' || kind === 'answered-transient') {
        log.warn(`job ${number}: no answer to create; outcome not known`)
        return end(
          context,
          allSkipped(rows, jobReasons.unknown(number)),
          `No clear answer while creating job ${number}: ${messageOf(error)} It was not sent again, so that it cannot be created twice.`,
        )
      }
      if (kind === 'busy') {
        // The CRM said "not now" every time: nothing was created, so the
        // job goes back to "uploaded" and the run pauses until resumed.
        record.phase = 'uploaded'
        job.state = 'waiting'
        await context.publish()
        throw error
      }
      return end(
        context,
        allSkipped(rows, jobReasons.notSent(number, messageOf(error))),
        `The CRM refused job ${number}: ${messageOf(error)}`,
      )
    }
    record.phase = 'created'
    job.jobId = record.jobId
    job.state = 'queued'
    await context.publish()
  }

  if (record.phase === 'creating') {
    log.warn(`job ${number}: found mid-create after a restart; not re-created`)
    return end(
      context,
      allSkipped(rows, jobReasons.unknown(number)),
      `Bulkwright stopped while creating job ${number}; it was not created again, so that it cannot be created twice.`,
    )
  }

  const jobId = record.jobId!
  let status: Awaited<ReturnType<typeof pollJob>>
  try {
    status = await pollJob(jobId, job, context)
  } catch (error) {
    // The CRM no longer knows the job (purged, or lost in a crash of its
    // own): waiting cannot help, so the job ends and its rows say so.
    if (!isGone(error)) throw error

    return end(
      context,
      allSkipped(rows, jobReasons.lost(number, jobId)),
      `The CRM no longer knows job ${number} (id ${jobId}); it was not created again. ${messageOf(error)}`,
    )
  }
  if (status.state === 'failed' || status.downloadUrl === null) {
    return end(
      context,
      allSkipped(rows, jobReasons.failed(number, jobId)),
      `The CRM reported job ${number} (id ${jobId}) as FAILED (by its own count: ${crmCounts(status)}). ` +
        'Which rows it reached is not known: its rows are in the report; check the CRM before sending them again.',
    )
  }

  job.state = 'downloading'
  await context.publish()
  const result = await fetchOutcomes(status.downloadUrl, rows, context)
  if (!result.ok) {
    return end(
      context,
      allSkipped(rows, jobReasons.unreadable(number, jobId, result.message)),
      `The result of job ${number} (id ${jobId}) could not be used: ${result.message}` +
        ` By the CRM's own count: ${crmCounts(status)}; which rows is not known, so the report lists them for checking.`,
    )
  }

  await end(context, result.outcomes, null)
}
