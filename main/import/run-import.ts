import { randomUUID } from 'node:crypto'
import type { RunView } from '../../app/contract.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { hintsByField } from '../../app/results/value-hints.ts'
import { jobColumns } from '../../app/plan/job-file.ts'
import type { JobLimits } from '../../app/plan/plan-jobs.ts'
import { JOB_CREDITS } from '../../app/plan/zoho-limits.ts'
import { createLogger } from '../log/logger.ts'
import { fingerprintFile } from '../runs/fingerprint.ts'
import { planRun, type RowFixes } from '../runs/plan-run.ts'
import { RunStopped, type RetryPolicy } from '../runs/retry.ts'
import type { CrmClient } from '../zoho/crm-client.ts'
import type { FileCheck } from './check-file.ts'
import type { OpenFile } from './open-files.ts'
import { runOneJob } from './run-one-job.ts'
import type { RunRecord, RunStore } from './run-store.ts'

const log = createLogger('jobs')

/** What a run needs from the rest of the main process. */
export interface RunDeps {
  client: CrmClient
  zgid: string
  store: RunStore
  pollMs: { first: number; max: number }
  retry: RetryPolicy
  /** True once the app is closing: the run stops where it is, to resume. */
  stopped: () => boolean
  /** Bound on a result CSV's unpacked size (tests make it small). */
  maxResultBytes?: number
  /** Job limits (tests make them small to get several jobs). */
  limits?: JobLimits
  onProgress(view: RunView): void
}

/** What the user chose on the Check step. */
export interface RunRequest {
  file: OpenFile
  check: FileCheck
  mapping: ImportMapping
  fields: CrmField[]
  sendRowsWithErrors: boolean
  /** For a re-run of skipped rows: the run they came from. */
  previousRunId?: string | null
  /** For a re-run: the original file's line of each row. */
  originalLines?: number[] | null
  /** The user's edits, transforms and exclusions from the Check step. */
  fixes?: RowFixes
}

/** Builds a new run's record (not yet on disk). */
export async function newRun(request: RunRequest): Promise<RunRecord> {
  return {
    version: 2,
    view: {
      runId: randomUUID(),
      fileName: request.file.name,
      module: request.mapping.module,
      state: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      previousRunId: request.previousRunId ?? null,
      jobs: [],
      counts: {
        added: 0,
        updated: 0,
        skipped: 0,
        excluded: 0,
        total: request.check.rowCount,
      },
      rowsToSend: 0,
      creditsSpent: 0,
      message: null,
    },
    file: await fingerprintFile(request.file.path, request.file.name),
    mapping: request.mapping,
    columns: jobColumns(request.mapping, request.fields),
    sendRowsWithErrors: request.sendRowsWithErrors,
    labels: Object.fromEntries(request.fields.map((f) => [f.apiName, f.label])),
    hints: hintsByField(request.fields),
    planned: false,
    jobs: [],
    originalLines: request.originalLines ?? null,
  }
}

/** Recomputes the counts from the jobs, saves the run and tells the renderer. */
export async function publish(run: RunRecord, deps: RunDeps): Promise<void> {
  const sum = (key: 'added' | 'updated' | 'skipped') =>
    run.view.jobs.reduce((total, job) => total + job[key], 0)
  run.view.counts = {
    ...run.view.counts,
    added: sum('added'),
    updated: sum('updated'),
    skipped: sum('skipped'),
  }
  run.view.creditsSpent =
    run.view.jobs.filter((job) => job.jobId !== null).length * JOB_CREDITS
  await deps.store.save(run)
  deps.onProgress(structuredClone(run.view))
}

/**
 * Takes a run from wherever it stands to its end: plans it if it was not
 * (a new run), then each job in order. Called for new runs and for runs
 * found unfinished when the app starts.
 */
export async function executeRun(
  run: RunRecord,
  deps: RunDeps,
  fresh?: { file: OpenFile; check: FileCheck; fixes?: RowFixes },
): Promise<void> {
  const runId = run.view.runId
  try {
    if (!run.planned) {
      if (fresh === undefined) {
        run.view.state = 'failed'
        run.view.message =
          'Bulkwright stopped before this run sent anything. Nothing was ' +
          'imported; start the import again.'
        return await publish(run, deps)
      }
      await planRun(
        run,
        fresh.file,
        fresh.check,
        deps.store,
        deps.limits,
        fresh.fixes,
      )
    }

    run.view.state = 'running'
    run.view.message = null
    await publish(run, deps)
    for (let index = 0; index < run.jobs.length; index++) {
      await runOneJob({
        run,
        index,
        deps,
        publish: () => publish(run, deps),
      })
    }

    run.view.state = 'finished'
    run.view.finishedAt = new Date().toISOString()
    run.view.message = troubleOf(run)
    await publish(run, deps)
    const c = run.view.counts
    log.info(
      `run ${runId} finished: ${c.added} added, ${c.updated} updated, ` +
        `${c.skipped} skipped, ${c.excluded} excluded of ${c.total}`,
    )
  } catch (error) {
    if (error instanceof RunStopped) {
      log.info(`run ${runId} stopped; it resumes on the next start`)
      return
    }

    log.error(`run ${runId} paused`, error)
    run.view.state = 'failed'
    run.view.message =
      `${error instanceof Error ? error.message : 'The run stopped unexpectedly.'} ` +
      'Nothing is lost: jobs already created are kept. Choose “Resume ' +
      'the run” when the CRM can be reached again (or, on the command line, ' +
      '`bulkwright resume <run>`); the app also resumes it by itself on ' +
      'its next start.'
    await publish(run, deps)
  }
}

/** What the user should know about jobs that did not go well, or null. */
function troubleOf(run: RunRecord): string | null {
  const failed = run.view.jobs.filter((job) => job.message !== null)
  if (failed.length === 0) return null

  return (
    failed.map((job) => `Job ${job.index + 1}: ${job.message}`).join(' ') +
    ' Its rows are listed in the report with what to do; fix and re-run ' +
    'them from there.'
  )
}

/** True when a stored run has jobs left to finish. */
export function isUnfinished(run: RunRecord): boolean {
  if (run.view.state === 'running') return true

  return (
    run.view.state === 'failed' && run.jobs.some((j) => j.phase !== 'ended')
  )
}
