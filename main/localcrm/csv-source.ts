import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import Papa from 'papaparse'

/** A CSV from an uploaded ZIP: its header row and data rows. */
export interface CsvTable {
  header: string[]
  rows: string[][]
}

const DELIMITERS = [',', ';', ':', '|'] as const

/**
 * A CSV may not expand beyond this: 25,000 rows of 200 wide columns fit,
 * a ZIP bomb does not.
 */
export const MAX_CSV_BYTES = 256 * 1024 * 1024

/** Thrown when a CSV inside an upload expands beyond `MAX_CSV_BYTES`. */
export class CsvTooLargeError extends Error {
  override readonly name = 'CsvTooLargeError'
}

/**
 * Reads one CSV out of an uploaded ZIP. Zoho auto-detects the delimiter
 * (comma, semicolon, colon, pipe) from the header row; the text is decoded
 * with the job's `character_encoding` (UTF-8 by default, BOM removed).
 * Blank lines are skipped; every other line is a row.
 */
export async function readCsvFromZip(
  zipPath: string,
  csvName: string,
  encoding: string | null,
): Promise<CsvTable> {
  const zip = await JSZip.loadAsync(await readFile(zipPath))
  const entry = zip.file(csvName)
  if (!entry) throw new Error(`${csvName} is not in the uploaded ZIP`)

  // JSZip keeps the size the ZIP claims in a private field: a cheap first
  // check. The inflate below is bounded anyway, since a claim can lie.
  const claimed = (
    entry as unknown as { _data?: { uncompressedSize?: number } }
  )._data?.uncompressedSize
  if ((claimed ?? 0) > MAX_CSV_BYTES) {
    throw new CsvTooLargeError(
      `${csvName} expands beyond ${MAX_CSV_BYTES} bytes`,
    )
  }
  const bytes = await inflateBounded(entry, MAX_CSV_BYTES)
  const text = decode(bytes, encoding)
  const delimiter = detectDelimiter(text)
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true })
  const [header = [], ...rows] = parsed.data
  return { header, rows }
}

function decode(bytes: Uint8Array, encoding: string | null): string {
  let label = (encoding ?? 'utf-8').toLowerCase()
  try {
    new TextDecoder(label)
  } catch {
    label = 'utf-8'
  }
  // TextDecoder drops a leading UTF-8 BOM by itself.
  return new TextDecoder(label).decode(bytes)
}

/** Picks the delimiter that occurs most often, outside quotes, in line 1. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char))
      counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  let best = ','
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = delimiter
  }
  return best
}

/** Inflates one ZIP entry, stopping as soon as it passes `limit` bytes. */
function inflateBounded(
  entry: JSZip.JSZipObject,
  limit: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stream = entry.nodeStream('nodebuffer')
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        stream.pause()
        stream.removeAllListeners('data')
        reject(
          new CsvTooLargeError(`${entry.name} expands beyond ${limit} bytes`),
        )
        return
      }
      chunks.push(chunk)
    })
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}
