import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { bytesSource } from '../read-head-bytes.ts'
import type { ByteSource } from '../csv-types.ts'

/** The shared test data folder (/work/shared/data beside the checkout). */
export const SHARED_DATA = fileURLToPath(
  new URL('../../../../shared/data/', import.meta.url),
)

/** A file of the shared data folder as a ByteSource, in small chunks. */
export function sharedFile(name: string, chunkSize = 4096): ByteSource {
  const bytes = new Uint8Array(readFileSync(SHARED_DATA + name))
  return bytesSource(name, bytes, chunkSize)
}
