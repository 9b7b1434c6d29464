import type { RunView } from '../../app/contract.ts'
import type { JobLimits } from '../../app/plan/plan-jobs.ts'
import type { CrmClient } from '../zoho/crm-client.ts'
import {
  executeRun,
  isUnfinished,
  newRun,
  type RunDeps,
  type RunRequest,
} from '../import/run-import.ts'
import type { RunRecord, RunStore } from '../import/run-store.ts'
import { createLogger } from '../log/logger.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { RetryPolicy } from './retry.ts'

const log = createLogger('jobs')

/** How runs are carried out; the services fill it from their options. */
export interface RunServiceOptions {
  store: RunStore
  /** The connected CRM; throws a user-facing error when there is none. */
  connection: () => { client: CrmClient; zgid: string }
  pollMs: { first: number; max: number }
  retry?: RetryPolicy
  maxResultBytes?: number
  limits?: JobLimits
  onProgress(view: RunView): void
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 6, firstMs: 1000, maxMs: 30_000 }

/** Starts, resumes, stops and finds runs. */
export class RunService {
  private stopping = false
  private readonly live = new Map<string, RunRecord>()
  private readonly tasks = new Set<Promise<void>>()

  constructor(private readonly options: RunServiceOptions) {}

  /** Records a new run on disk and starts it; answers with its first view. */
  async start(request: RunRequest): Promise<RunView> {
    const run = await newRun(request)
    await this.options.store.save(run)
    this.spawn(run, {
      file: request.file,
      check: request.check,
      ...(request.fixes ? { fixes: request.fixes } : {}),
    })
    return structuredClone(run.view)
  }

  /** Continues every run a previous start left unfinished. */
  async resumeUnfinished(): Promise<string[]> {
    const resumed: string[] = []
    for (const runId of await this.options.store.list()) {
      const run = await this.options.store.load(runId)
      if (run === null || !isUnfinished(run)) continue

      log.info(`resuming run ${runId}`)
      this.spawn(run)
      resumed.push(runId)
    }
    return resumed
  }

  /** Continues one paused run now; a clear error when it has nothing left. */
  async resume(runId: string): Promise<RunView> {
    const live = this.live.get(runId)
    if (live) return live.view

    const run = await this.get(runId)
    if (!isUnfinished(run)) {
      throw new UserFacingError(
        'RUN_ENDED',
        'This run has ended; nothing is left to resume. Re-run its skipped ' +
          'rows from its report instead.',
      )
    }

    log.info(`resuming run ${runId} on request`)
    this.spawn(run)
    return structuredClone(run.view)
  }

  /** A run as it stands (live if running here, else from disk). */
  async get(runId: string): Promise<RunRecord> {
    const run = this.live.get(runId) ?? (await this.options.store.load(runId))
    if (run === null) {
      throw new UserFacingError(
        'UNKNOWN_RUN',
        'That run is not known. Open History to see the runs there are.',
      )
    }
    return run
  }

  /** Every stored run, newest first. */
  async list(): Promise<RunRecord[]> {
    const runs: RunRecord[] = []
    for (const runId of await this.options.store.list()) {
      const run = this.live.get(runId) ?? (await this.options.store.load(runId))
      if (run !== null) runs.push(run)
    }
    return runs.sort((a, b) => b.view.startedAt.localeCompare(a.view.startedAt))
  }

  /** Resolves when every run carried out here has settled. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.all([...this.tasks])
  }

  /** Stops every run where it stands (they resume on the next start). */
  async stop(): Promise<void> {
    this.stopping = true
    await this.idle()
  }

  private spawn(
    run: RunRecord,
    fresh?: Parameters<typeof executeRun>[2],
  ): void {
    let connection: { client: CrmClient; zgid: string }
    try {
      connection = this.options.connection()
    } catch (error) {
      log.warn(`run ${run.view.runId} waits: no connection`)
      run.view.state = 'failed'
      run.view.message =
        error instanceof Error ? error.message : 'Not connected to a CRM.'
      return
    }

    const deps: RunDeps = {
      ...connection,
      store: this.options.store,
      pollMs: this.options.pollMs,
      retry: this.options.retry ?? DEFAULT_RETRY,
      stopped: () => this.stopping,
      onProgress: this.options.onProgress,
      ...(this.options.maxResultBytes === undefined
        ? {}
        : { maxResultBytes: this.options.maxResultBytes }),
      ...(this.options.limits === undefined
        ? {}
        : { limits: this.options.limits }),
    }
    this.live.set(run.view.runId, run)
    const task = executeRun(run, deps, fresh).finally(() => {
      this.tasks.delete(task)
      this.live.delete(run.view.runId)
    })
    this.tasks.add(task)
  }
}
