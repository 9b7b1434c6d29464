import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ByteSource } from '../../app/csv/csv-types.ts'
import { nodeAscii } from './node-ascii.ts'

/** Bytes `start` (included) to `end` (excluded) of a file. */
export interface ByteRange {
  start: number
  end: number
}

/**
 * A ByteSource that streams a file from disk, 1 MiB at a time; with a
 * range, only that part of it.
 */
export async function fileByteSource(
  path: string,
  name?: string,
  range?: ByteRange,
): Promise<ByteSource> {
  const info = await stat(path)

  return {
    name: name ?? basename(path),
    size: range ? range.end - range.start : info.size,
    ascii: nodeAscii,
    async *chunks() {
      for await (const chunk of createReadStream(path, {
        highWaterMark: 1 << 20,
        ...(range ? { start: range.start, end: range.end - 1 } : {}),
      })) {
        yield chunk as Uint8Array
      }
    },
  }
}
