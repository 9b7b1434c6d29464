import { Worker } from 'node:worker_threads'
import type { CheckProgress, CheckSummary } from '../../app/check/check-file.ts'
import { createLogger } from '../log/logger.ts'
import type {
  CheckJob,
  CheckWorkerMessage,
  CheckWorkerOrder,
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
  /** Tells the worker what it waits for (see CheckJob.part). */
  order(order: CheckWorkerOrder): void
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

function startWorker(url: URL, job: CheckJob): Worker {
  if (url.pathname.endsWith('.ts')) {
    return new Worker(tsBootstrap(url), { eval: true, workerData: job })
  }

  // The bundle needs nothing of the parent's options: inheriting `--import
  // tsx` (benchmarks, the CLI) would load tsx in each worker for nothing.
  return new Worker(url, { workerData: job, execArgv: [] })
}

/** Reads and checks a whole file in a worker thread, with progress events. */
export function runCheckInWorker(
  job: CheckJob,
  options: CheckRunOptions = {},
): CheckRun {
  const worker = startWorker(options.workerUrl ?? checkWorkerUrl(), job)
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
    settle({
      ok: false,
      code: 'WORKER_FAILED',
      message: `Checking stopped unexpectedly (${error.message}). Try again; if it happens again, send the log file.`,
    })
  })
  worker.on('exit', () => settle(CANCELLED))

  return {
    result,
    cancel: () => {
      settle(CANCELLED)
      void worker.terminate()
    },
    order: (order) => worker.postMessage(order),
  }
}

const CANCELLED: CheckRunResult = {
  ok: false,
  code: 'CANCELLED',
  message: 'The check was cancelled.',
}
