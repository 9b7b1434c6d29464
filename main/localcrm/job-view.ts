import type { JobStatus, StoredJob } from './types.ts'

/** How LocalCRM spells the running status (Zoho's own material uses both). */
export type ProgressSpelling = 'IN PROGRESS' | 'INPROGRESS'

/**
 * The job as `GET /crm/bulk/v8/write/{id}` shows it, in the shapes of the
 * reference §3.3: ADDED without counts, IN PROGRESS with growing counts,
 * COMPLETED with `result.download_url`, FAILED with counts so far.
 */
export function jobView(
  job: StoredJob,
  spelling: ProgressSpelling,
  downloadUrl: string,
): Record<string, unknown> {
  const word = (status: JobStatus) =>
    status === 'IN PROGRESS' ? spelling : status
  const added = job.status === 'ADDED'
  const resource = job.resource.map((r) => {
    const file = added
      ? { status: spelling }
      : {
          status: word(job.status),
          name: r.csv_name.split('/').pop(),
          ...r.counts,
        }
    return {
      status: added ? spelling : word(job.status),
      code: resourceCode(job.status),
      type: r.type,
      module: r.module,
      find_by: r.find_by,
      file_id: r.file_id,
      file_names: r.file_names,
      ignore_empty: r.ignore_empty,
      field_mappings: r.field_mappings,
      file,
    }
  })

  const view: Record<string, unknown> = { status: word(job.status) }
  if (!added) view.character_encoding = job.character_encoding ?? 'UTF-8'
  view.resource = resource
  view.id = job.id
  if (job.callback) view.callback = job.callback
  if (job.status === 'COMPLETED') view.result = { download_url: downloadUrl }
  view.created_by = job.created_by
  if (!added) view.ignore_empty = job.ignore_empty
  view.operation = job.operation
  view.created_time = job.created_time
  return view
}

function resourceCode(status: JobStatus): string {
  if (status === 'COMPLETED') return 'COMPLETED'
  if (status === 'FAILED') return 'FAILED'
  return 'ADDED'
}
