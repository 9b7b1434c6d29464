import type { RunView } from '../../app/contract.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import type { JobColumns } from '../../app/plan/job-file.ts'

/** Enough of a file to notice that it changed since the run began. */
export interface FileFingerprint {
  path: string
  name: string
  size: number
  mtimeMs: number
  /** SHA-256 of the first MiB, hex. */
  headSha256: string
}

/**
 * Where one job stands, on disk. The phase moves forward only:
 * planned → uploaded → creating → created → ended. `creating` is written
 * BEFORE the create call and `created` (with the id) right after, so that a
 * restart can tell "never created" from "created" from "don't know".
 */
export interface JobRecord {
  phase: 'planned' | 'uploaded' | 'creating' | 'created' | 'ended'
  /** The uploaded ZIP's file id, once uploaded. */
  fileId: string | null
  /** Zoho's job id, once the create call answered. */
  jobId: string | null
  /** 1-based line of the first source row in the job. */
  firstLine: number
}

/** What is kept on disk about a run: enough to resume it and report it. */
export interface RunRecord {
  version: 2
  view: RunView
  file: FileFingerprint
  mapping: ImportMapping
  /** The job CSV's columns, fixed when the run began. */
  columns: JobColumns
  sendRowsWithErrors: boolean
  /** True once every job's rows are on disk (the plan is complete). */
  planned: boolean
  jobs: JobRecord[]
  /** Field labels by API name, for the reasons of skipped rows. */
  labels: Record<string, string>
  /** What each field accepts, for the reasons of INVALID_DATA rows. */
  hints?: Record<string, string>
  /** For a re-run: the original file's line of each row of this file. */
  originalLines: number[] | null
}
