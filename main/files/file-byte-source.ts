import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ByteSource } from '../../app/csv/csv-types.ts'

/** A ByteSource that streams a file from disk, 1 MiB at a time. */
export async function fileByteSource(
  path: string,
  name?: string,
): Promise<ByteSource> {
  const info = await stat(path)

  return {
    name: name ?? basename(path),
    size: info.size,
    async *chunks() {
      for await (const chunk of createReadStream(path, {
        highWaterMark: 1 << 20,
      })) {
        yield chunk as Uint8Array
      }
    },
  }
}
