import type { CellTransform } from '../plan/job-file.ts'

/** What a transform made of one value. */
export type TransformOutcome =
  | { ok: true; value: string }
  | { ok: false; reason: string }

/** A change applied to every value of one column. Blank values stay blank. */
export interface ValueTransform {
  /** What it does, for the preview's heading. */
  description: string
  apply(value: string): TransformOutcome
}

/** A value kept as it is. */
export const keep = (value: string): TransformOutcome => ({ ok: true, value })

/** A value the transform cannot convert, with the reason in words. */
export const refuse = (reason: string): TransformOutcome => ({
  ok: false,
  reason,
})

/** One value before and after, for the preview. */
export interface TransformChange {
  row: number
  line: number
  before: string
  after: string
}

/** A value the transform could not convert. */
export interface TransformFailure {
  row: number
  line: number
  value: string
  reason: string
}

/** Before and after of the affected values of a column. */
export interface TransformPreview {
  description: string
  changed: TransformChange[]
  failed: TransformFailure[]
  changedCount: number
  failedCount: number
  unchangedCount: number
}

/** Runs a transform over a column's values and shows what it would change. */
export function previewTransform(
  transform: ValueTransform,
  cells: Iterable<{ row: number; line: number; value: string }>,
  limit = 20,
): TransformPreview {
  const preview: TransformPreview = {
    description: transform.description,
    changed: [],
    failed: [],
    changedCount: 0,
    failedCount: 0,
    unchangedCount: 0,
  }
  for (const { row, line, value } of cells) {
    const outcome = transform.apply(value)
    if (!outcome.ok) {
      preview.failedCount++
      if (preview.failed.length < limit) {
        preview.failed.push({ row, line, value, reason: outcome.reason })
      }
    } else if (outcome.value === value) {
      preview.unchangedCount++
    } else {
      preview.changedCount++
      if (preview.changed.length < limit) {
        preview.changed.push({ row, line, before: value, after: outcome.value })
      }
    }
  }

  return preview
}

/**
 * One CellTransform for the job writer and the checker from transforms per
 * field. A value a transform cannot convert is passed on unchanged, so the
 * checker still reports it at its line.
 */
export function cellTransform(
  byField: Readonly<Record<string, ValueTransform>>,
): CellTransform {
  return (apiName, value) => {
    const transform = byField[apiName]
    if (!transform || value === '') return value

    const outcome = transform.apply(value)
    return outcome.ok ? outcome.value : value
  }
}
