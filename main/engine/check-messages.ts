import type {
  CheckPart,
  CheckProgress,
  CheckSummary,
} from '../../app/check/check-file.ts'
import type { CsvLayout } from '../../app/csv/csv-types.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import type { PlainFixes } from './plain-fixes.ts'
import type { ProblemBatch } from './problem-batch.ts'

/** What the check worker is asked to do. */
export interface CheckJob {
  path: string
  /** Shown in messages instead of the file's base name. */
  name?: string
  fields: CrmField[]
  /**
   * The mapping, or `auto` to match columns to fields by name (the mapping
   * then has `fields` filled from the file's columns).
   */
  mapping: ImportMapping | { auto: Omit<ImportMapping, 'fields'> }
  layout?: Partial<CsvLayout>
  keepProblems?: number
  /** The user's edited cells and column transforms, applied to each row. */
  fixes?: PlainFixes
  /**
   * Sends every problem back in batches as the check goes (the wizard
   * builds its grid state from them); the summary then keeps none.
   */
  stream?: { keepFull: number }
  /** Checks only this byte range of the file (see check-in-parts.ts). */
  part?: {
    start: number
    end: number
    check: CheckPart
    /** The part's first line is to be counted (the bytes before `start`). */
    countLinesBefore?: boolean
  }
}

/** What a worker is started with: its job, or word to wait for it. */
export type CheckWorkerStart = CheckJob | { awaitJob: true }

/**
 * Messages from the main thread to a worker: its job (when it was started
 * ahead of it), and how many problems are still wanted from it (a later
 * part, once the part before it has kept its own).
 */
export type CheckWorkerOrder =
  | { type: 'job'; job: CheckJob }
  | { type: 'keep'; problems: number }

/** Messages from the worker to the main thread. */
export type CheckWorkerMessage =
  | { type: 'progress'; progress: CheckProgress; bytesTotal: number | null }
  | { type: 'problems'; progress: CheckProgress; problems: ProblemBatch }
  | { type: 'done'; summary: CheckSummary }
  | { type: 'failed'; code: 'CANNOT_READ'; message: string }
