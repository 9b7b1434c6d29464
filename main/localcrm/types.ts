/** Job status words LocalCRM stores (spelling of IN PROGRESS is per option). */
export type JobStatus = 'ADDED' | 'IN PROGRESS' | 'COMPLETED' | 'FAILED'

/** Bulk write operations. */
export type Operation = 'insert' | 'update' | 'upsert'

/** A `field_mappings[]` entry with every key present (nulls filled). */
export interface FieldMapping {
  api_name: string
  index: number | null
  format: string | null
  find_by: string | null
  module: string | null
  parent_column_index: number | null
  default_value: { value?: unknown; name?: unknown; module?: unknown } | null
}

/** Row counts of one resource, growing while it runs. */
export interface FileCounts {
  added_count: number
  updated_count: number
  skipped_count: number
  total_count: number
}

/** One `resource[]` entry of a stored job. */
export interface StoredResource {
  type: 'data'
  module: { api_name: string; id: string }
  file_id: string
  file_names: string[] | null
  find_by: string | null
  ignore_empty: boolean | null
  /** Null when the request gave none: the header row names the fields. */
  field_mappings: FieldMapping[] | null
  /** The CSV inside the uploaded ZIP that this resource reads. */
  csv_name: string
  counts: FileCounts
}

/** A bulk write job as LocalCRM keeps it. */
export interface StoredJob {
  id: string
  status: JobStatus
  operation: Operation
  character_encoding: string | null
  ignore_empty: boolean
  callback: { url: string; method: string } | null
  created_by: { id: string; name: string }
  created_time: string
  resource: StoredResource[]
}

/** An uploaded ZIP, kept until jobs use it. */
export interface UploadedFile {
  file_id: string
  created_time: string
  size: number
  csv_names: string[]
}
