import { type CheckSummary, checkFile } from '../../app/check/check-file.ts'
import type { CheckProgress } from '../../app/check/check-file.ts'
import { autoMatch } from '../../app/mapping/auto-match.ts'
import { fileByteSource } from '../files/file-byte-source.ts'
import type { CheckJob } from './check-messages.ts'

/** Runs a whole-file check in the current thread (the worker calls this). */
export async function runCheckJob(
  job: CheckJob,
  onProgress?: (progress: CheckProgress, bytesTotal: number | null) => void,
): Promise<CheckSummary> {
  const source = await fileByteSource(job.path, job.name)
  const mapping = job.mapping
  return checkFile(source, {
    fields: job.fields,
    layout: job.layout,
    keepProblems: job.keepProblems,
    mapping:
      'auto' in mapping
        ? (columns) => ({
            ...mapping.auto,
            fields: autoMatch(columns, job.fields),
          })
        : mapping,
    onProgress: (progress) => onProgress?.(progress, source.size),
  })
}
