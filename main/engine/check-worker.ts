/**
 * Worker-thread entry: reads and checks one file off the main thread so the
 * window never freezes. Receives a CheckJob as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runCheckJob } from './check-job.ts'
import type { CheckJob, CheckWorkerMessage } from './check-messages.ts'

const post = (message: CheckWorkerMessage): void => {
  parentPort?.postMessage(message)
}

let lastPost = 0
runCheckJob(workerData as CheckJob, (progress, bytesTotal) => {
  // A progress message per batch would flood the main thread; 10 per second do.
  const now = Date.now()
  if (now - lastPost < 100) return

  lastPost = now
  post({ type: 'progress', progress, bytesTotal })
})
  .then((summary) => post({ type: 'done', summary }))
  .catch((error: unknown) =>
    post({
      type: 'failed',
      code: 'CANNOT_READ',
      message: `Cannot read the file: ${error instanceof Error ? error.message : String(error)}. Check that it exists and can be opened, then try again.`,
    }),
  )
