/**
 * A bulk write job's status, normalised. Zoho spells the same state several
 * ways (`IN PROGRESS`, `INPROGRESS`), so the raw JSON is read once here.
 */

/** Where a job is in its life. */
export type JobState = 'queued' | 'running' | 'completed' | 'failed'

/** What the client needs of `GET /crm/bulk/v8/write/{id}`. */
export interface JobStatus {
  id: string
  state: JobState
  added: number
  updated: number
  skipped: number
  total: number
  downloadUrl: string | null
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/** Maps Zoho's status words, in any spelling, to a state. */
export function normaliseJobState(raw: unknown): JobState {
  const word = String(raw ?? '')
    .toUpperCase()
    .replace(/[\s_-]/g, '')
  if (word === 'COMPLETED') return 'completed'
  if (word === 'FAILED') return 'failed'
  if (word === 'INPROGRESS') return 'running'
  return 'queued'
}

/** Reads a job-details body; null when it is not one. */
export function parseJobStatus(body: unknown): JobStatus | null {
  if (!isObject(body) || body.id === undefined) return null

  const resources = Array.isArray(body.resource) ? body.resource : []
  const files = resources
    .filter(isObject)
    .map((resource) => (isObject(resource.file) ? resource.file : {}))
  const sum = (key: string) =>
    files.reduce((total, file) => total + count(file[key]), 0)
  const result = isObject(body.result) ? body.result : {}

  return {
    id: String(body.id),
    state: normaliseJobState(body.status),
    added: sum('added_count'),
    updated: sum('updated_count'),
    skipped: sum('skipped_count'),
    total: sum('total_count'),
    downloadUrl:
      typeof result.download_url === 'string' ? result.download_url : null,
  }
}
