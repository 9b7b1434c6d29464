const LF = 10
const CR = 13

/**
 * Counts physical line breaks (CRLF, LF or a bare CR) in bytes fed in
 * order, without decoding them: where a later part of a file starts, in
 * lines. Valid for UTF-8 and single-byte encodings, whose line break bytes
 * never occur inside another character (not for UTF-16).
 */
export class ByteLineCounter {
  private breaks = 0
  private crAtEnd = false

  /** Counts the breaks in the next bytes of the file. */
  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return

    // A CR that ended the last bytes was a break of its own unless an LF
    // follows it (then the LF counts for the pair).
    if (this.crAtEnd && bytes[0] !== LF) this.breaks++

    let at = bytes.indexOf(LF)
    while (at !== -1) {
      this.breaks++
      at = bytes.indexOf(LF, at + 1)
    }

    at = bytes.indexOf(CR)
    while (at !== -1) {
      if (at + 1 < bytes.length && bytes[at + 1] !== LF) this.breaks++
      at = bytes.indexOf(CR, at + 1)
    }

    this.crAtEnd = bytes[bytes.length - 1] === CR
  }

  /** Line breaks in all the bytes fed, a final CR included. */
  get count(): number {
    return this.breaks + (this.crAtEnd ? 1 : 0)
  }
}
