import {
  CsvTooLargeError,
  MAX_CSV_BYTES,
  readCsvFromZip,
} from './csv-source.ts'
import { errorReply, zohoTime, type JsonReply } from './http-util.ts'
import { bad, parseJobRequest } from './job-request.ts'
import { checkMappings } from './mapping-check.ts'
import type { Metadata } from './metadata.ts'
import type { CrmUser } from './seed/org.ts'
import type { Store } from './store.ts'
import type { StoredJob } from './types.ts'

/** Zoho's limit of records per job file. */
export const MAX_ROWS = 25_000
/** API credits one bulk write job costs. */
export const CREDITS_PER_JOB = 500
const DAY = 86_400_000

/** What creating a job needs from LocalCRM. */
export interface CreateDeps {
  store: Store
  metadata: Metadata
  user: CrmUser
  now: () => number
  dailyCredits: number
  enqueue: (jobId: string) => void
}

/**
 * `POST /crm/bulk/v8/write`: every check of the reference §3.2, then the
 * credit charge, then the job is stored as ADDED and queued. Answers 201.
 */
export async function createJob(
  body: unknown,
  deps: CreateDeps,
): Promise<JsonReply> {
  const request = parseJobRequest(body, deps.metadata)
  if ('status' in request) return request

  const at = '$.resource[0]'
  const file = deps.store.files.value[request.fileId]
  if (!file)
    return bad(
      'INVALID_FILE_ID',
      'improper file id',
      'file_id',
      `${at}.file_id`,
    )

  const csvName = request.fileNames?.[0] ?? file.csv_names[0] ?? ''
  if (!file.csv_names.includes(csvName)) {
    return bad(
      'FILE_NOT_SUPPORTED',
      'File not supported for bulk write',
      'file_names',
      `${at}.file_names`,
    )
  }

  const csv = await readCsvFromZip(
    deps.store.uploadPath(file.file_id),
    csvName,
    request.characterEncoding,
  ).catch((error: unknown) => {
    if (error instanceof CsvTooLargeError) return undefined
    throw error
  })
  if (!csv) {
    return bad(
      'LIMIT_EXCEEDED',
      `the CSV expands beyond ${MAX_CSV_BYTES / 1024 / 1024} MB`,
      'file_id',
      `${at}.file_id`,
    )
  }
  if (csv.rows.length > MAX_ROWS) {
    return bad(
      'LIMIT_EXCEEDED',
      `the file has more than ${MAX_ROWS} records`,
      'file_id',
      `${at}.file_id`,
    )
  }

  const mappings = checkMappings(
    request.mappings,
    csv.header,
    request.module,
    request.operation,
    deps.metadata,
  )
  if ('status' in mappings) return mappings

  const findByProblem = checkFindBy(
    request.findBy,
    mappings.map((m) => m.api_name),
    request.module.fields,
  )
  if (findByProblem) return findByProblem

  const credits = chargeCredits(deps)
  if (credits) return credits

  const job: StoredJob = {
    id: deps.store.nextId(),
    status: 'ADDED',
    operation: request.operation,
    character_encoding: request.characterEncoding,
    ignore_empty: request.ignoreEmpty,
    callback: request.callback,
    created_by: { id: deps.user.id, name: deps.user.full_name },
    created_time: zohoTime(deps.now()),
    resource: [
      {
        type: 'data',
        module: {
          api_name: request.module.info.api_name,
          id: request.module.info.id,
        },
        file_id: file.file_id,
        file_names: request.fileNames,
        find_by: request.findBy,
        ignore_empty: request.resourceIgnoreEmpty,
        field_mappings: mappings,
        csv_name: csvName,
        counts: {
          added_count: 0,
          updated_count: 0,
          skipped_count: 0,
          total_count: 0,
        },
      },
    ],
  }
  deps.store.jobs.value[job.id] = job
  deps.store.jobs.changed()
  deps.enqueue(job.id)
  return {
    status: 201,
    body: {
      status: 'success',
      code: 'SUCCESS',
      message: 'success',
      details: { id: job.id, created_by: job.created_by },
    },
  }
}

function checkFindBy(
  findBy: string | null,
  mapped: string[],
  fields: { api_name: string; unique: { casesensitive?: string } }[],
): JsonReply | undefined {
  if (findBy === null) return undefined

  const at = '$.resource[0].find_by'
  const field = fields.find((f) => f.api_name === findBy)
  if (findBy !== 'id' && field?.unique.casesensitive === undefined) {
    return bad(
      'INVALID_FIELD',
      `find_by must be id or a unique field; ${findBy} is neither`,
      findBy,
      at,
    )
  }
  if (!mapped.includes(findBy)) {
    return bad(
      'MANDATORY_NOT_FOUND',
      `the find_by field ${findBy} is not mapped`,
      findBy,
      at,
    )
  }
  return undefined
}

/** Spends a job's credits, or answers Zoho's limit error when they run out. */
function chargeCredits(deps: CreateDeps): JsonReply | undefined {
  const state = deps.store.state.value
  const now = deps.now()
  state.credits = state.credits.filter((c) => c.at > now - DAY)
  const used = state.credits.reduce((sum, c) => sum + c.amount, 0)
  if (used + CREDITS_PER_JOB > deps.dailyCredits) {
    return errorReply(
      429,
      'TOO_MANY_REQUESTS',
      'the API credits of the last 24 hours are used up',
      {
        credits_remaining: Math.max(0, deps.dailyCredits - used),
      },
    )
  }
  state.credits.push({ at: now, amount: CREDITS_PER_JOB })
  deps.store.state.changed()
  return undefined
}

/** Credits left in the rolling 24 hours (for `X-API-CREDITS-REMAINING`). */
export function creditsRemaining(
  store: Store,
  dailyCredits: number,
  now: number,
): number {
  const used = store.state.value.credits
    .filter((c) => c.at > now - DAY)
    .reduce((s, c) => s + c.amount, 0)
  return Math.max(0, dailyCredits - used)
}
