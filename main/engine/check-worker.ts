/**
 * Worker-thread entry: reads and checks one file off the main thread so the
 * window never freezes. Receives a CheckJob as workerData, or, when started
 * ahead of its job (see prestartCheckWorker), in a `job` order.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type {
  CheckProgress,
  ProblemOrigin,
} from '../../app/check/check-file.ts'
import type { Problem } from '../../app/check/problem.ts'
import { cannotReadMessage, runCheckJob } from './check-job.ts'
import type {
  CheckJob,
  CheckWorkerMessage,
  CheckWorkerOrder,
  CheckWorkerStart,
} from './check-messages.ts'
import { CONTEXT_CODES } from './context-codes.ts'
import { ProblemBatcher, transferable } from './problem-batch.ts'

/** A message per batch would flood the main thread; 10 per second do. */
const EVERY_MS = 100
/** Problems held before a message goes whatever the time. */
const MOST_HELD = 50_000

const post = (
  message: CheckWorkerMessage,
  transfer: ArrayBuffer[] = [],
): void => {
  parentPort?.postMessage(message, transfer)
}

/** Problems the main thread still wants sent (see CheckWorkerOrder). */
let keepAtMost = Infinity

/** The job: given at start, or in the order that brings it. */
function jobToRun(): Promise<CheckJob> {
  const start = workerData as CheckWorkerStart
  return new Promise((resolve) => {
    if (!('awaitJob' in start)) resolve(start)

    parentPort?.on('message', (order: CheckWorkerOrder) => {
      if (order.type === 'job') resolve(order.job)
      else keepAtMost = order.problems
    })
  })
}

async function check(job: CheckJob): Promise<void> {
  const batcher = job.stream
    ? new ProblemBatcher(job.stream.keepFull, CONTEXT_CODES)
    : null
  let lastPost = 0
  let last: CheckProgress = {
    rows: 0,
    problems: 0,
    bytesRead: 0,
    bytesTotal: null,
  }

  const flush = (): void => {
    lastPost = Date.now()
    if (batcher === null) return

    const problems = batcher.take()
    post({ type: 'problems', progress: last, problems }, transferable(problems))
  }

  const onProblem = (problem: Problem, origin: ProblemOrigin): void => {
    // The main process shows the file's head and checks the mapping itself;
    // the Check step offers column transforms in its own panel.
    if (origin !== 'row') return

    batcher?.add(problem)
  }

  const summary = await runCheckJob(job, {
    onProgress(progress, bytesTotal) {
      last = progress
      const due = Date.now() - lastPost >= EVERY_MS
      if (batcher !== null) {
        if (due || batcher.size >= MOST_HELD) flush()
        return
      }

      if (!due) return

      lastPost = Date.now()
      post({ type: 'progress', progress, bytesTotal })
    },
    ...(batcher ? { onProblem } : {}),
  })
  last = {
    ...last,
    rows: summary.rowCount,
    problems: summary.problemCount,
  }
  flush()
  // Problems nobody wants any more are not copied to the main thread.
  if (summary.problems.length > keepAtMost) {
    summary.problems = summary.problems.slice(0, keepAtMost)
  }

  // A part's findings are large typed arrays: moved, not copied.
  const part = summary.part
  post(
    { type: 'done', summary },
    part
      ? [
          part.rowBytes.buffer as ArrayBuffer,
          ...part.keys.flatMap(([, table]) => [
            table.slots.buffer as ArrayBuffer,
            table.lines.buffer as ArrayBuffer,
          ]),
        ]
      : [],
  )
}

jobToRun()
  .then(check)
  .catch((error: unknown) =>
    post({
      type: 'failed',
      code: 'CANNOT_READ',
      message: cannotReadMessage(error),
    }),
  )
