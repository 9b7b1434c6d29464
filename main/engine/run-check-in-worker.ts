import { Worker } from 'node:worker_threads'
import type { CheckProgress, CheckSummary } from '../../app/check/check-file.ts'
import { createLogger } from '../log/logger.ts'
import type { CheckJob, CheckWorkerMessage } from './check-messages.ts'

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
  cancel(): void
}

/** The worker script; a bundled app passes its built file instead. */
const DEFAULT_WORKER = new URL('./check-worker.ts', import.meta.url)

/**
 * In development the worker is TypeScript: a tiny script registers tsx's
 * loader in the worker first (workers do not inherit `--import`).
 */
function tsBootstrap(url: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api')
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}) })`
}

/** Reads and checks a whole file in a worker thread, with progress events. */
export function runCheckInWorker(
  job: CheckJob,
  options: {
    onProgress?: (progress: CheckProgress, bytesTotal: number | null) => void
    workerUrl?: URL
  } = {},
): CheckRun {
  const url = options.workerUrl ?? DEFAULT_WORKER
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(tsBootstrap(url), { eval: true, workerData: job })
    : new Worker(url, { workerData: job })
  let settle: (result: CheckRunResult) => void = () => {}
  const result = new Promise<CheckRunResult>((resolve) => {
    settle = resolve
  })

  worker.on('message', (message: CheckWorkerMessage) => {
    if (message.type === 'progress') {
      options.onProgress?.(message.progress, message.bytesTotal)
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
  worker.on('exit', () =>
    settle({
      ok: false,
      code: 'CANCELLED',
      message: 'The check was cancelled.',
    }),
  )

  return {
    result,
    cancel: () => void worker.terminate(),
  }
}
