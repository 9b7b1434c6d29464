import {
  setImmediate as yieldNow,
  setTimeout as sleep,
} from 'node:timers/promises'
import { createLogger } from '../log/logger.ts'
import { readCsvFromZip } from './csv-source.ts'
import type { Faults } from './faults.ts'
import { jobView, type ProgressSpelling } from './job-view.ts'
import type { Metadata } from './metadata.ts'
import {
  echoedColumns,
  resultCsvName,
  writeResultZip,
} from './result-writer.ts'
import { processRow, type RowOutcome } from './row-processor.ts'
import type { CrmUser } from './seed/org.ts'
import type { Store } from './store.ts'
import type { StoredJob } from './types.ts'

const log = createLogger('localcrm')
/** Rows per slice when no pace is set, so other requests still get answers. */
const FAST_SLICE = 500
/** Length of one paced slice. */
const TICK_MS = 50

/** What the runner needs from LocalCRM. */
export interface RunnerDeps {
  store: Store
  metadata: Metadata
  users: CrmUser[]
  faults: Faults
  now: () => number
  msPerRow: number
  spelling: ProgressSpelling
  downloadUrl: (job: StoredJob) => string
}

/**
 * Runs the org's bulk write jobs one at a time, first in first out, at the
 * configured pace, so that counts visibly grow while a job is IN PROGRESS.
 */
export class JobRunner {
  private readonly queue: string[] = []
  private running: Promise<void> | undefined
  private closed = false

  constructor(private readonly deps: RunnerDeps) {}

  /** Queues the jobs a previous run left waiting; fails interrupted ones. */
  resume(): void {
    const jobs = Object.values(this.deps.store.jobs.value)
    for (const job of jobs) {
      if (job.status === 'IN PROGRESS') {
        // Rows already applied cannot be told apart from the rest, so an
        // interrupted job ends FAILED rather than running twice.
        job.status = 'FAILED'
        this.deps.store.jobs.changed()
        log.warn(`job ${job.id} was interrupted by a restart and is now FAILED`)
      }
    }
    for (const job of jobs) if (job.status === 'ADDED') this.enqueue(job.id)
  }

  /** Adds a job to the end of the queue. */
  enqueue(jobId: string): void {
    this.queue.push(jobId)
    this.running ??= this.drain().finally(() => {
      this.running = undefined
    })
  }

  /** Stops after the current slice; queued jobs stay ADDED on disk. */
  async close(): Promise<void> {
    this.closed = true
    await this.running
  }

  private async drain(): Promise<void> {
    while (!this.closed) {
      const id = this.queue.shift()
      if (id === undefined) return

      const job = this.deps.store.jobs.value[id]
      if (!job || job.status !== 'ADDED') continue

      if (this.deps.msPerRow > 0) await sleep(200)
      try {
        await this.run(job)
      } catch (error) {
        log.error(`job ${job.id} failed inside LocalCRM`, error)
        this.finish(job, 'FAILED')
      }
    }
  }

  private async run(job: StoredJob): Promise<void> {
    const { store, metadata, users, now, faults, msPerRow } = this.deps
    const resource = job.resource[0]
    const module = resource && metadata.module(resource.module.api_name)
    if (!resource || !module || !resource.field_mappings)
      throw new Error('job without a usable resource')

    const failAfter = faults.onJobStart()
    job.status = 'IN PROGRESS'
    const csv = await readCsvFromZip(
      store.uploadPath(resource.file_id),
      resource.csv_name,
      job.character_encoding,
    )
    resource.counts.total_count = csv.rows.length
    store.jobs.changed()
    log.info(
      `job ${job.id}: ${csv.rows.length} rows into ${module.info.api_name}`,
    )

    const ctx = {
      module,
      operation: job.operation,
      findBy: resource.find_by,
      ignoreEmpty: resource.ignore_empty ?? job.ignore_empty,
      mappings: resource.field_mappings,
      metadata,
      store,
      users,
      now,
    }
    const outcomes: RowOutcome[] = []
    const slice =
      msPerRow > 0 ? Math.max(1, Math.floor(TICK_MS / msPerRow)) : FAST_SLICE
    for (let start = 0; start < csv.rows.length; start += slice) {
      if (this.closed) return

      for (const row of csv.rows.slice(start, start + slice)) {
        if (failAfter !== null && outcomes.length >= failAfter) {
          log.warn(
            `job ${job.id}: failed by fault after ${outcomes.length} rows`,
          )
          this.finish(job, 'FAILED')
          return
        }
        const outcome = processRow(row, ctx)
        outcomes.push(outcome)
        count(resource.counts, outcome)
      }
      store.jobs.changed()
      if (msPerRow > 0) await sleep(slice * msPerRow)
      else await yieldNow()
    }
    if (failAfter !== null) {
      this.finish(job, 'FAILED')
      return
    }

    const name = resultCsvName(module.info.api_name, resource.csv_name)
    const columns = echoedColumns(resource.field_mappings)
    await writeResultZip(
      store.resultPath(job.id),
      name,
      csv.header,
      columns,
      csv.rows,
      outcomes,
    )
    this.finish(job, 'COMPLETED')
    const { added_count, updated_count, skipped_count } = resource.counts
    log.info(
      `job ${job.id}: completed, ${added_count} added, ${updated_count} updated, ${skipped_count} skipped`,
    )
  }

  private finish(job: StoredJob, status: 'COMPLETED' | 'FAILED'): void {
    job.status = status
    this.deps.store.jobs.changed()
    void this.deps.store.flush()
    if (job.callback) void this.callBack(job)
  }

  private async callBack(job: StoredJob): Promise<void> {
    const url = job.callback?.url ?? ''
    const body = jobView(job, this.deps.spelling, this.deps.downloadUrl(job))
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      })
      log.info(`job ${job.id}: callback answered ${response.status}`)
    } catch (error) {
      log.warn(`job ${job.id}: callback failed: ${(error as Error).message}`)
    }
  }
}

function count(
  counts: StoredJob['resource'][number]['counts'],
  outcome: RowOutcome,
): void {
  if (outcome.status === 'ADDED') counts.added_count += 1
  else if (outcome.status === 'UPDATED') counts.updated_count += 1
  else counts.skipped_count += 1
}
