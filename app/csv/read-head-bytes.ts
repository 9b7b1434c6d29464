import type { ByteSource } from './csv-types.ts'

/**
 * Bytes read to detect the layout and show the first rows. The reader's
 * notes about this part come with the head; the stream notes only what
 * lies beyond it, so that nothing is said twice.
 */
export const HEAD_BYTES = 512 * 1024

/** The first bytes of a source, and whether they are all of it. */
export interface HeadBytes {
  bytes: Uint8Array
  complete: boolean
}

/**
 * Reads whole chunks until at least `max` bytes are read (or the whole
 * source if smaller).
 */
export async function readHeadBytes(
  source: ByteSource,
  max: number,
): Promise<HeadBytes> {
  const parts: Uint8Array[] = []
  let total = 0
  let complete = true
  for await (const chunk of source.chunks()) {
    parts.push(chunk)
    total += chunk.length
    if (total >= max) {
      complete = false
      break
    }
  }

  const bytes = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.length
  }

  return { bytes, complete }
}

/** A ByteSource over bytes in memory, cut into chunks (for tests and zips). */
export function bytesSource(
  name: string,
  bytes: Uint8Array,
  chunkSize = 64 * 1024,
): ByteSource {
  return {
    name,
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += chunkSize) {
        yield bytes.subarray(at, at + chunkSize)
      }
    },
  }
}

/** A ByteSource over a string, encoded as UTF-8. */
export function textSource(
  name: string,
  text: string,
  chunkSize?: number,
): ByteSource {
  return bytesSource(name, new TextEncoder().encode(text), chunkSize)
}
