import {
  type CheckProgress,
  type CheckSummary,
  type ProblemOrigin,
  checkFile,
} from '../../app/check/check-file.ts'
import type { Problem } from '../../app/check/problem.ts'
import type { CsvRecord } from '../../app/csv/csv-types.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { autoMatch } from '../../app/mapping/auto-match.ts'
import { fileByteSource } from '../files/file-byte-source.ts'
import type { FileFixes } from '../import/file-fixes.ts'
import type { CheckJob } from './check-messages.ts'
import { lineAt } from './line-at.ts'
import { restoreFixes } from './plain-fixes.ts'
import { pausedForTests } from './test-pause.ts'

/** What a check job reports as it goes. */
export interface CheckJobListeners {
  onProgress?: (progress: CheckProgress, bytesTotal: number | null) => void
  onProblem?: (problem: Problem, origin: ProblemOrigin) => void
}

/** What a check that cannot read its file says, with what to do. */
export function cannotReadMessage(error: unknown): string {
  return `Cannot read the file: ${error instanceof Error ? error.message : String(error)}. Check that it exists and can be opened, then try again.`
}

/** The part with its first line counted, when it is still to be. */
async function withFirstLine(
  path: string,
  part: CheckJob['part'],
): Promise<CheckJob['part']> {
  const later = part?.check.read.later
  if (!part?.countLinesBefore || !later) return part

  const firstLine = await lineAt(path, part.start)
  return {
    ...part,
    check: {
      ...part.check,
      read: { ...part.check.read, later: { ...later, firstLine } },
    },
  }
}

/** Runs a whole-file check in the current thread (the worker calls this). */
export async function runCheckJob(
  job: CheckJob,
  listeners: CheckJobListeners = {},
): Promise<CheckSummary> {
  const part = await withFirstLine(job.path, job.part)
  const source = pausedForTests(await fileByteSource(job.path, job.name, part))
  const given = job.mapping
  let mapping: ImportMapping | null = 'auto' in given ? null : given
  const plain = job.fixes
  let fixes: FileFixes | null = null
  // With `auto` the mapping is known only once the columns are: built late.
  const fix =
    plain && (plain.edits.length > 0 || plain.transforms.length > 0)
      ? (record: CsvRecord): CsvRecord => {
          fixes ??= restoreFixes(plain, job.fields, mapping as ImportMapping)
          return fixes.apply(record)
        }
      : undefined

  return checkFile(source, {
    fields: job.fields,
    layout: job.layout,
    keepProblems: job.stream ? 0 : job.keepProblems,
    mapping:
      'auto' in given
        ? (columns) =>
            (mapping = {
              ...given.auto,
              fields: autoMatch(columns, job.fields),
            })
        : given,
    ...(fix ? { fix } : {}),
    ...(part ? { part: part.check } : {}),
    ...(listeners.onProblem ? { onProblem: listeners.onProblem } : {}),
    onProgress: (progress) => listeners.onProgress?.(progress, source.size),
  })
}
