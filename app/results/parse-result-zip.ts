import JSZip from 'jszip'
import Papa from 'papaparse'
import { parseErrorsCell } from './parse-errors-cell.ts'
import type { ZohoRowError } from './row-outcome.ts'

/** One row of Zoho's result CSV. */
export interface ResultRow {
  /** The mapped columns Zoho repeats from the job CSV (normally three). */
  echoed: string[]
  status: 'ADDED' | 'UPDATED' | 'SKIPPED' | 'UNPROCESSED' | string
  recordId: string | null
  errors: ZohoRowError[]
}

/** Why a result ZIP could not be used. */
export interface ResultZipFailure {
  ok: false
  code: 'CORRUPT_ZIP' | 'TOO_LARGE' | 'NO_CSV' | 'BAD_CSV'
  message: string
}

/** A result ZIP read into rows, or why it could not be. */
export type ParsedResult =
  | { ok: true; fileName: string; echoedHeaders: string[]; rows: ResultRow[] }
  | ResultZipFailure

/** Result CSVs are small (6 columns × 25,000 rows); anything far bigger is not one. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

function failure(
  code: ResultZipFailure['code'],
  message: string,
): ResultZipFailure {
  return { ok: false, code, message }
}

/** JSZip's streaming reader, present at runtime but missing from its types. */
interface StreamingEntry {
  internalStream(type: 'uint8array'): JSZipStream
}

interface JSZipStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): JSZipStream
  on(event: 'error', listener: (error: Error) => void): JSZipStream
  on(event: 'end', listener: () => void): JSZipStream
  pause(): JSZipStream
  resume(): JSZipStream
}

/** Inflates one entry, stopping as soon as it passes the bound. */
function inflateBounded(
  file: JSZip.JSZipObject,
  max: number,
): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = []
    let total = 0
    const stream = (file as unknown as StreamingEntry).internalStream(
      'uint8array',
    )
    stream
      .on('data', (chunk: Uint8Array) => {
        total += chunk.length
        if (total > max) {
          stream.pause()
          resolve(null)
          return
        }

        parts.push(chunk)
      })
      .on('error', reject)
      .on('end', () => {
        const bytes = new Uint8Array(total)
        let at = 0
        for (const part of parts) {
          bytes.set(part, at)
          at += part.length
        }

        resolve(bytes)
      })
      .resume()
  })
}

function declaredSize(file: JSZip.JSZipObject): number {
  // JSZip keeps the central directory's sizes on a private field.
  const data = (file as unknown as { _data?: { uncompressedSize?: number } })
    ._data
  return data?.uncompressedSize ?? 0
}

/** Reads Zoho's result ZIP; a corrupt or oversized ZIP is a value, not a throw. */
export async function parseResultZip(
  bytes: Uint8Array,
  limits: { maxUncompressedBytes?: number } = {},
): Promise<ParsedResult> {
  const max = limits.maxUncompressedBytes ?? DEFAULT_MAX_BYTES
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (error) {
    return failure(
      'CORRUPT_ZIP',
      `The result file from Zoho is not a readable ZIP (${(error as Error).message}). Download the result again.`,
    )
  }

  const entry = Object.values(zip.files).find(
    (file) => !file.dir && file.name.toLowerCase().endsWith('.csv'),
  )
  if (!entry) {
    return failure('NO_CSV', 'The result ZIP from Zoho holds no CSV file.')
  }

  if (declaredSize(entry) > max) {
    return failure(
      'TOO_LARGE',
      `The result CSV ${entry.name} declares ${declaredSize(entry)} bytes, more than the ${max} allowed; it was not unpacked.`,
    )
  }

  let csv: Uint8Array | null
  try {
    csv = await inflateBounded(entry, max)
  } catch (error) {
    return failure(
      'CORRUPT_ZIP',
      `The result CSV ${entry.name} cannot be unpacked (${(error as Error).message}). Download the result again.`,
    )
  }

  if (!csv) {
    return failure(
      'TOO_LARGE',
      `The result CSV ${entry.name} unpacks to more than ${max} bytes; unpacking stopped.`,
    )
  }

  return parseResultCsv(entry.name, new TextDecoder('utf-8').decode(csv))
}

/** Reads the result CSV text: echoed columns, then STATUS, RECORD_ID, ERRORS. */
export function parseResultCsv(fileName: string, text: string): ParsedResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  })
  const [header, ...body] = parsed.data
  const names = (header ?? []).map((name) => name.trim().toUpperCase())
  const status = names.indexOf('STATUS')
  const recordId = names.indexOf('RECORD_ID')
  const errors = names.indexOf('ERRORS')
  if (!header || status === -1 || recordId === -1 || errors === -1) {
    return failure(
      'BAD_CSV',
      `The result CSV ${fileName} lacks the STATUS, RECORD_ID and ERRORS columns.`,
    )
  }

  const result = new Set([status, recordId, errors])
  const echoedAt = header.map((_, i) => i).filter((i) => !result.has(i))
  const rows = body.map((cells) => ({
    echoed: echoedAt.map((i) => cells[i] ?? ''),
    status: (cells[status] ?? '').trim().toUpperCase(),
    recordId: (cells[recordId] ?? '').trim() || null,
    errors: parseErrorsCell(cells[errors] ?? ''),
  }))
  return {
    ok: true,
    fileName,
    echoedHeaders: echoedAt.map((i) => header[i] as string),
    rows,
  }
}
