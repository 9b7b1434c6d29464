import { randomUUID } from 'node:crypto'
import type { JobView, RunView } from '../../app/contract.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import { jobColumns, jobRow } from '../../app/plan/job-file.ts'
import { JOB_CREDITS, MAX_ROWS_PER_JOB } from '../../app/plan/zoho-limits.ts'
import { countOutcomes } from '../../app/results/join-results.ts'
import type { CrmClient } from '../zoho/crm-client.ts'
import { createLogger } from '../log/logger.ts'
import type { FileCheck } from './check-file.ts'
import type { OpenFile } from './open-files.ts'
import { runOneJob, type SentRow } from './run-one-job.ts'
import type { RunRecord, RunStore } from './run-store.ts'

const log = createLogger('jobs')

/** What a run needs from the rest of the main process. */
export interface RunDeps {
  client: CrmClient
  zgid: string
  store: RunStore
  pollMs: { first: number; max: number }
  onProgress(view: RunView): void
}

/** What the user chose on the Check step. */
export interface RunRequest {
  file: OpenFile
  check: FileCheck
  mapping: ImportMapping
  fields: CrmField[]
  sendRowsWithErrors: boolean
}

function firstErrorByRow(check: FileCheck): Map<number, string> {
  const reasons = new Map<number, string>()
  for (const problem of check.problems) {
    if (problem.row === null || problem.severity !== 'error') continue
    if (!reasons.has(problem.row)) reasons.set(problem.row, problem.message)
  }
  return reasons
}

function newJob(index: number): JobView {
  return {
    index,
    jobId: null,
    state: 'waiting',
    rows: 0,
    processed: 0,
    added: 0,
    updated: 0,
    skipped: 0,
  }
}

/**
 * Starts a run: the rows are read again from the file, split into jobs of at
 * most 25,000, and each job is uploaded, created, polled and joined back to
 * its rows. Returns at once with the run's first view; progress follows.
 */
export function startRun(request: RunRequest, deps: RunDeps): RunRecord {
  const run: RunRecord = {
    view: {
      runId: randomUUID(),
      fileName: request.file.name,
      module: request.mapping.module,
      state: 'running',
      startedAt: new Date().toISOString(),
      jobs: [],
      counts: {
        added: 0,
        updated: 0,
        skipped: 0,
        excluded: 0,
        total: request.check.rowCount,
      },
      creditsSpent: 0,
      message: null,
    },
    filePath: request.file.path,
    mapping: request.mapping,
    outcomes: [],
  }

  void execute(run, request, deps).catch(async (error: unknown) => {
    log.error(`run ${run.view.runId} stopped`, error)
    run.view.state = 'failed'
    run.view.message =
      error instanceof Error
        ? `${error.message} Rows already imported stay imported; the report shows which.`
        : 'The run stopped unexpectedly.'
    await publish(run, deps)
  })
  return run
}

async function publish(run: RunRecord, deps: RunDeps): Promise<void> {
  run.view.counts = {
    ...countOutcomes(run.outcomes),
    total: run.view.counts.total,
  }
  run.view.creditsSpent =
    run.view.jobs.filter((job) => job.jobId !== null).length * JOB_CREDITS
  await deps.store.save(run)
  deps.onProgress(structuredClone(run.view))
}

async function execute(
  run: RunRecord,
  request: RunRequest,
  deps: RunDeps,
): Promise<void> {
  const columns = jobColumns(request.mapping, request.fields)
  const blocked = request.sendRowsWithErrors
    ? new Map<number, string>()
    : firstErrorByRow(request.check)
  let batch: SentRow[] = []

  const flush = async () => {
    if (batch.length === 0) return
    const job = newJob(run.view.jobs.length)
    job.rows = batch.length
    run.view.jobs.push(job)
    const outcomes = await runOneJob(
      job,
      batch,
      columns,
      request.mapping,
      deps,
      () => publish(run, deps),
    )
    run.outcomes.push(...outcomes)
    batch = []
    await publish(run, deps)
  }

  log.info(`run ${run.view.runId} started, ${request.check.rowCount} rows`)
  for await (const records of readCsvRecords(
    request.file.source,
    request.file.head.layout,
  )) {
    for (const record of records) {
      const reason = blocked.get(record.row)
      if (reason !== undefined) {
        run.outcomes.push({
          row: record.row,
          line: record.line,
          kind: 'excluded',
          recordId: null,
          errors: [],
          reason: `Not sent: ${reason}`,
        })
        continue
      }
      batch.push({
        row: record.row,
        line: record.line,
        cells: jobRow(record, request.mapping, columns),
      })
      if (batch.length === MAX_ROWS_PER_JOB) await flush()
    }
  }
  await flush()

  run.view.state = 'finished'
  await publish(run, deps)
  const counts = run.view.counts
  log.info(
    `run ${run.view.runId} finished: ${counts.added} added, ${counts.updated} updated, ` +
      `${counts.skipped} skipped, ${counts.excluded} excluded of ${counts.total}`,
  )
}
