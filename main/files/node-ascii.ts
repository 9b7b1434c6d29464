import { Buffer, isAscii } from 'node:buffer'
import type { AsciiBytes } from '../../app/csv/csv-types.ts'

/** Node's native ASCII test and one-byte decoding, for the CSV reader. */
export const nodeAscii: AsciiBytes = {
  isAscii: (bytes) => isAscii(bytes),
  text: (bytes) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
      'latin1',
    ),
}
