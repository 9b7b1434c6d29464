import { Worker } from 'node:worker_threads'
import type { CheckProgress, CheckSummary } from '../../app/check/check-file.ts'
import { createLogger } from '../log/logger.ts'
import type {
  CheckJob,
  CheckWorkerMessage,
  CheckWorkerOrder,
  CheckWorkerStart,
} from './check-messages.ts'
import type { ProblemBatch } from './problem-batch.ts'
import { checkWorkerUrl } from './worker-url.ts'

const log = createLogger('engine')

/** The outcome of a check run in a worker: a summary or why there is none. */
export type CheckRunResult =
  | { ok: true; summary: CheckSummary }
  | {
      ok: false
      code: 'CANNOT_READ' | 'WORKER_FAILED' | 'CANCELLED'
      message: string
    }

/** A check running in a worker thread. */
export interface CheckRun {
  result: Promise<CheckRunResult>
  /** Stops the worker; the result is CANCELLED unless it had already come. */
  cancel(): void
  /** Tells the worker to send no more than this many problems. */
  keepAtMost(problems: number): void
}

/** A worker started ahead of its job: its code loads while the job is made. */
export interface PrestartedWorker {
  run(job: CheckJob, options?: CheckRunOptions): CheckRun
  /** Stops a worker that will get no job. */
  stop(): void
}

/** What the caller hears while the worker checks. */
export interface CheckRunOptions {
  onProgress?: (progress: CheckProgress, bytesTotal: number | null) => void
  /** With `job.stream`: each batch of problems, in file order. */
  onProblems?: (problems: ProblemBatch, progress: CheckProgress) => void
  /** The worker script; by default the one `checkWorkerUrl` finds. */
  workerUrl?: URL
}

/**
 * In development the worker is TypeScript: a tiny script registers tsx's
 * loader in the worker first (workers do not inherit `--import`).
 */
function tsBootstrap(url: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api')
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}) })`
}

function startWorker(url: URL, start: CheckWorkerStart): Worker {
  if (url.pathname.endsWith('.ts')) {
    return new Worker(tsBootstrap(url), { eval: true, workerData: start })
  }

  // The bundle needs nothing of the parent's options: inheriting `--import
  // tsx` (benchmarks, the CLI) would load tsx in each worker for nothing.
  return new Worker(url, { workerData: start, execArgv: [] })
}

/** Reads and checks a whole file in a worker thread, with progress events. */
export function runCheckInWorker(
  job: CheckJob,
  options: CheckRunOptions = {},
): CheckRun {
  return follow(
    startWorker(options.workerUrl ?? checkWorkerUrl(), job),
    options,
  )
}

/**
 * Starts a worker before its job is known (the two-thread check counts
 * lines meanwhile); `run` hands it the job.
 */
export function prestartCheckWorker(workerUrl?: URL): PrestartedWorker {
  const worker = startWorker(workerUrl ?? checkWorkerUrl(), { awaitJob: true })
  // A worker that stops before its job comes is reported when it is run.
  let stopped: Error | null = null
  const onEarlyError = (error: Error) => (stopped = error)
  const onEarlyExit = () => (stopped ??= new Error('the worker exited'))
  worker.on('error', onEarlyError)
  worker.on('exit', onEarlyExit)
  // Until it has a job, the worker does not keep the process alive.
  worker.unref()
  return {
    run(job, options = {}) {
      worker.off('error', onEarlyError)
      worker.off('exit', onEarlyExit)
      worker.ref()
      if (stopped !== null) {
        return {
          result: Promise.resolve(failed(stopped)),
          cancel: () => {},
          keepAtMost: () => {},
        }
      }

      const run = follow(worker, options)
      worker.postMessage({ type: 'job', job } satisfies CheckWorkerOrder)
      return run
    },
    stop: () => void worker.terminate(),
  }
}

function failed(error: Error): CheckRunResult {
  return {
    ok: false,
    code: 'WORKER_FAILED',
    message: `Checking stopped unexpectedly (${error.message}). Try again; if it happens again, send the log file.`,
  }
}

/** The run of a started worker, from its messages. */
function follow(worker: Worker, options: CheckRunOptions): CheckRun {
  let settled = false
  let settle: (result: CheckRunResult) => void = () => {}
  const result = new Promise<CheckRunResult>((resolve) => {
    settle = (outcome) => {
      if (settled) return

      settled = true
      resolve(outcome)
    }
  })

  worker.on('message', (message: CheckWorkerMessage) => {
    // Messages already queued when the caller cancelled are not delivered.
    if (settled) return

    if (message.type === 'progress') {
      options.onProgress?.(message.progress, message.bytesTotal)
      return
    }

    if (message.type === 'problems') {
      options.onProblems?.(message.problems, message.progress)
      options.onProgress?.(message.progress, message.progress.bytesTotal)
      return
    }

    if (message.type === 'done') {
      log.info(
        `checked ${message.summary.rowCount} rows, ${message.summary.problemCount} problems`,
      )
      settle({ ok: true, summary: message.summary })
    } else {
      settle({ ok: false, code: message.code, message: message.message })
    }

    void worker.terminate()
  })
  worker.on('error', (error) => {
    log.error('check worker failed', error)
    settle(failed(error))
  })
  worker.on('exit', () => settle(CANCELLED))

  return {
    result,
    cancel: () => {
      settle(CANCELLED)
      void worker.terminate()
    },
    keepAtMost: (problems) => {
      if (!settled) {
        worker.postMessage({
          type: 'keep',
          problems,
        } satisfies CheckWorkerOrder)
      }
    },
  }
}

const CANCELLED: CheckRunResult = {
  ok: false,
  code: 'CANCELLED',
  message: 'The check was cancelled.',
}
