import { repairWindows1252 } from './windows-1252.ts'
import type { AsciiBytes, CsvEncoding } from './csv-types.ts'

/** What the first bytes of a file say about its encoding. */
export interface BomInfo {
  encoding: CsvEncoding
  /** Bytes to skip at the start. */
  length: number
}

/** Recognises UTF-8 and UTF-16 byte-order marks. */
export function detectBom(bytes: Uint8Array): BomInfo | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 }
  }

  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', length: 2 }
  }

  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', length: 2 }
  }

  return null
}

/**
 * True when the bytes are valid UTF-8. `complete` false tolerates a
 * multi-byte sequence cut off at the end (a head sample of a larger file).
 */
export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, {
      stream: !complete,
    })
    return true
  } catch {
    return false
  }
}

const NONE = new Uint8Array(0)

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b

  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

/**
 * The bytes at the end of `held` + `bytes` that begin a UTF-8 character
 * not yet complete (a copy; at most three).
 */
function heldAfter(held: Uint8Array, bytes: Uint8Array): Uint8Array {
  const end = concat(held, bytes.subarray(Math.max(0, bytes.length - 4)))
  const last = end.subarray(Math.max(0, end.length - 4))
  for (let back = 1; back <= Math.min(3, last.length); back++) {
    const byte = last[last.length - back] as number
    if ((byte & 0xc0) === 0x80) continue

    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return length > back ? last.slice(last.length - back) : NONE
  }

  return NONE
}

/** Decodes a file chunk by chunk and remembers whether bytes were invalid. */
export class ChunkDecoder {
  private decoder: TextDecoder
  private skip: number
  /** Chunks that held bytes invalid in the encoding (decoded with U+FFFD). */
  invalidChunks = 0
  /** The text last returned is known to be all ASCII. */
  lastAscii = false
  /**
   * UTF-8: the bytes of a character the last chunk cut off (0–3), which the
   * decoder holds; Windows-1252 never cuts a character.
   */
  private held: Uint8Array = NONE
  private readonly ascii: AsciiBytes | null

  constructor(
    readonly encoding: CsvEncoding,
    bomLength: number,
    /** Read ASCII chunks of UTF-8 and Windows-1252 files with this. */
    ascii?: AsciiBytes,
  ) {
    this.skip = bomLength
    this.decoder = this.create(true)
    this.ascii =
      ascii && (encoding === 'utf-8' || encoding === 'windows-1252')
        ? ascii
        : null
  }

  /** Decodes the next chunk; pass null at the end to flush. */
  decode(chunk: Uint8Array | null): string {
    let bytes = chunk
    if (bytes && this.skip > 0) {
      const cut = Math.min(this.skip, bytes.length)
      this.skip -= cut
      bytes = bytes.subarray(cut)
    }

    // ASCII reads the same in both encodings and needs no repair; not
    // while the decoder holds part of a character.
    this.lastAscii = false
    const clear = this.held.length === 0
    if (bytes && this.ascii && clear && this.ascii.isAscii(bytes)) {
      this.lastAscii = true
      return this.ascii.text(bytes)
    }

    const held = this.held
    if (this.encoding === 'utf-8')
      this.held = bytes ? heldAfter(held, bytes) : NONE
    try {
      const text = bytes
        ? this.decoder.decode(bytes, { stream: true })
        : this.decoder.decode()
      return this.encoding === 'windows-1252' ? repairWindows1252(text) : text
    } catch {
      // Only UTF-8 is decoded fatally. Keep going so that every row is still
      // counted, but the caller reports the damage; nothing is silent. The
      // bytes of a character the last chunk cut off are decoded with these
      // (U+FFFD if they are bad); a character this chunk cuts off is kept
      // for the next one.
      this.invalidChunks++
      const joined = concat(held, bytes ?? NONE)
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        joined.subarray(0, joined.length - this.held.length),
      )
      this.decoder = this.create(true)
      this.decoder.decode(this.held, { stream: true })
      return text
    }
  }

  private create(fatal: boolean): TextDecoder {
    return new TextDecoder(this.encoding, {
      fatal: fatal && this.encoding === 'utf-8',
      ignoreBOM: true,
    })
  }
}
