import { open } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import {
  type CheckProgress,
  KEPT_PROBLEMS,
} from '../../app/check/check-file.ts'
import { mergeParts } from '../../app/check/merge-parts.ts'
import { type CsvHead, readCsvHead } from '../../app/csv/read-csv.ts'
import type { CsvColumn } from '../../app/csv/csv-types.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { autoMatch } from '../../app/mapping/auto-match.ts'
import { fileByteSource } from '../files/file-byte-source.ts'
import { createLogger } from '../log/logger.ts'
import type { CheckJob } from './check-messages.ts'
import { cannotReadMessage, runCheckJob } from './check-job.ts'
import {
  type CheckRun,
  type CheckRunOptions,
  type CheckRunResult,
  type PrestartedWorker,
  prestartCheckWorker,
  runCheckInWorker,
} from './run-check-in-worker.ts'

const log = createLogger('engine')

/** Below this size one thread is quicker than starting two and merging. */
export const PARTS_MIN_BYTES = 32 * 1024 * 1024
const PIECE_BYTES = 1 << 20

/**
 * A check job whose mapping may also be built from the file's columns (the
 * head is read once, by checkInParts, while the workers load).
 */
export type PartsJob = Omit<CheckJob, 'mapping'> & {
  mapping: CheckJob['mapping'] | ((columns: CsvColumn[]) => ImportMapping)
}

/** The workers of a check in parts; none for the first half run here. */
interface Workers {
  first: PrestartedWorker | null
  later: PrestartedWorker
}

/** A part checked on this thread, as a worker's run would report it. */
function runHere(
  job: CheckJob,
  onProgress: (progress: CheckProgress) => void,
): CheckRun {
  const result = runCheckJob(job, { onProgress }).then(
    (summary): CheckRunResult => ({ ok: true, summary }),
    (error: unknown): CheckRunResult => ({
      ok: false,
      code: 'CANNOT_READ',
      message: cannotReadMessage(error),
    }),
  )
  return { result, cancel: () => {}, keepAtMost: () => {} }
}

/** How a check may be split; tests lower the size. */
export interface PartsOptions extends CheckRunOptions {
  minBytes?: number
  /**
   * Checks the first half on the calling thread instead of a second
   * worker: no worker to start, no findings to copy back. For callers with
   * nothing else to do meanwhile (the CLI); never the Electron main
   * process, whose thread must stay free.
   */
  firstHalfHere?: boolean
  /** Told how the file was checked in the end, and why. */
  onWay?: (way: 'two threads' | 'one thread', why: string) => void
}

/**
 * The first part's share of the file. A little over half: the later part
 * starts later (its worker loads, then counts the lines before its part),
 * and measured on the engine benchmark it ended 50 ms after the first
 * when both were halves.
 */
const FIRST_SHARE = 0.51

/**
 * Where the later part starts: just after the first line feed at or after
 * FIRST_SHARE of the file; null when there is none, or when it is the
 * file's last byte (the later part would be empty: a file with bare CR
 * breaks that ends in CRLF, or one whose last record fills its later part).
 */
async function findSplit(path: string, size: number): Promise<number | null> {
  const file = await open(path, 'r')
  try {
    const buffer = new Uint8Array(PIECE_BYTES)
    let at = Math.floor(size * FIRST_SHARE)
    while (at < size) {
      const { bytesRead } = await file.read(buffer, 0, PIECE_BYTES, at)
      if (bytesRead === 0) return null

      const lineFeed = buffer.subarray(0, bytesRead).indexOf(10)
      if (lineFeed !== -1) {
        const split = at + lineFeed + 1
        return split < size ? split : null
      }

      at += bytesRead
    }

    return null
  } finally {
    await file.close()
  }
}

/** Why this file is checked in one piece, judged before its head is read. */
function sizeReason(
  job: Omit<CheckJob, 'mapping'>,
  size: number,
  minBytes: number,
): string | null {
  if (availableParallelism() < 2) return 'one CPU'
  if (size < minBytes) return 'small file'
  if (job.stream || job.fixes || job.part) return 'streamed or fixed check'

  return null
}

/** Why this file is checked in one piece, or null when it can be split. */
function oneThreadReason(
  job: Omit<CheckJob, 'mapping'>,
  head: CsvHead,
  size: number,
  minBytes: number,
): string | null {
  const reason = sizeReason(job, size, minBytes)
  if (reason !== null) return reason
  if (!['utf-8', 'windows-1252'].includes(head.layout.encoding)) {
    return 'two-byte encoding'
  }

  if (head.columns.some((column) => column.headerless)) {
    return 'headerless columns'
  }

  // A column with no header and no data in the head is left out; the
  // reader notes a value in it further on, which a later half, reading
  // without the header, cannot do.
  if (head.columns.length < head.fieldCount) return 'columns left out'

  if (head.problems.some((p) => p.code === 'NO_DATA' || p.code === 'NOT_CSV')) {
    return 'no data'
  }

  return null
}

/**
 * Checks a whole file in two worker threads, one per half, and merges
 * what they found into the check one thread would have made. Where that
 * cannot be done exactly (the split falls inside a quoted value, a unique
 * value repeats across the halves, a later half finds something about the
 * whole file), the file is checked again in one thread: slower, never
 * different. Files under `minBytes` go straight to one thread.
 */
export async function checkInParts(
  given: PartsJob,
  options: PartsOptions = {},
): Promise<CheckRunResult> {
  const { mapping: build, ...rest } = given
  const started = Date.now()
  const whole = await fileByteSource(rest.path, rest.name)
  const size = whole.size ?? 0
  const minBytes = options.minBytes ?? PARTS_MIN_BYTES
  // The workers load their code while the head is read and lines counted.
  const here = options.firstHalfHere === true
  const workers: Workers | null =
    sizeReason(rest, size, minBytes) === null
      ? {
          first: here ? null : prestartCheckWorker(options.workerUrl),
          later: prestartCheckWorker(options.workerUrl),
        }
      : null
  let head: CsvHead
  let split: number | null
  let reason: string | null
  try {
    head = await readCsvHead(whole, { layout: rest.layout, previewRows: 200 })
    reason = oneThreadReason(rest, head, size, minBytes)
    split = reason ? null : await findSplit(rest.path, size)
  } catch (error) {
    workers?.first?.stop()
    workers?.later.stop()
    throw error
  }

  const job: CheckJob = {
    ...rest,
    mapping: typeof build === 'function' ? build(head.columns) : build,
  }

  if (!split || !workers) {
    const why = reason ?? 'no line feed after the middle'
    log.info(`checking in one thread: ${why}`)
    options.onWay?.('one thread', why)
    workers?.first?.stop()
    return (workers?.later.run(job, options) ?? runCheckInWorker(job, options))
      .result
  }

  const mapping: ImportMapping =
    'auto' in job.mapping
      ? { ...job.mapping.auto, fields: autoMatch(head.columns, job.fields) }
      : job.mapping
  const progress: CheckProgress[] = [0, 1].map(() => ({
    rows: 0,
    problems: 0,
    bytesRead: 0,
    bytesTotal: size,
  }))
  const runPart = (index: 0 | 1, part: CheckJob['part']) => {
    const onProgress = (step: CheckProgress) => {
      progress[index] = step
      const [a, b] = progress as [CheckProgress, CheckProgress]
      options.onProgress?.(
        {
          rows: a.rows + b.rows,
          problems: a.problems + b.problems,
          bytesRead: a.bytesRead + b.bytesRead,
          bytesTotal: size,
        },
        size,
      )
    }
    const worker = index === 0 ? workers.first : workers.later
    return worker
      ? worker.run({ ...job, mapping, part }, { onProgress })
      : runHere({ ...job, mapping, part }, onProgress)
  }
  const first = runPart(0, {
    start: 0,
    end: split,
    check: { head, read: { later: null, endsEarly: true } },
  })
  // The later half's worker counts the lines before its part itself: on
  // the main thread the count would compete with both workers.
  const later = runPart(1, {
    start: split,
    end: size,
    check: {
      head,
      read: {
        later: { firstLine: 0, fieldCount: head.fieldCount },
        endsEarly: false,
      },
    },
    countLinesBefore: true,
  })
  // The merge keeps the first problems in file order: once the first half
  // has kept its own, the later half sends only as many as are missing.
  const keep = job.keepProblems ?? KEPT_PROBLEMS
  void first.result.then((done) => {
    if (done.ok) {
      later.keepAtMost(Math.max(0, keep - done.summary.problems.length))
    }
  })
  const [a, b] = await Promise.all([first.result, later.result])
  if (!a.ok || !b.ok) {
    const failed = (!a.ok ? a : b) as Extract<CheckRunResult, { ok: false }>
    if (failed.code === 'CANNOT_READ') return failed

    // A half that stopped (out of memory, say) costs time, not the check.
    log.warn(`a half stopped (${failed.code}); checking in one thread`)
    options.onWay?.('one thread', failed.code)
    return runCheckInWorker({ ...job, mapping }, options).result
  }

  const merged = mergeParts(a.summary, b.summary, {
    fields: job.fields,
    mapping,
    headProblems: head.problems,
    ...(job.keepProblems !== undefined
      ? { keepProblems: job.keepProblems }
      : {}),
  })
  if (!merged.ok) {
    log.info(`halves not merged (${merged.reason}); checking in one thread`)
    options.onWay?.('one thread', merged.reason)
    return runCheckInWorker({ ...job, mapping }, options).result
  }

  log.info(
    `checked ${merged.summary.rowCount} rows in two threads in ${Date.now() - started} ms`,
  )
  options.onWay?.('two threads', 'merged')
  return { ok: true, summary: merged.summary }
}
