/**
 * Remembers normalised cell values (trimmed, optionally case-folded) by a
 * 64-bit hash, with the line each was first seen on. Kept in typed arrays
 * so that a million keys cost ~20 MB and no garbage-collected objects:
 * the checker sees every row of files with millions of rows.
 */
export class KeySet {
  private hi: Uint32Array
  private lo: Uint32Array
  private lines: Int32Array
  private size = 0

  constructor(
    private readonly caseSensitive: boolean,
    capacity = 1 << 12,
  ) {
    this.hi = new Uint32Array(capacity)
    this.lo = new Uint32Array(capacity)
    this.lines = new Int32Array(capacity)
  }

  /**
   * Records `value` as seen on `line`; returns the earlier line when the
   * same key was already seen (then nothing is recorded), else 0.
   */
  firstLine(value: string, line: number): number {
    let start = 0
    let end = value.length
    while (start < end && value.charCodeAt(start) <= 32) start++
    while (end > start && value.charCodeAt(end - 1) <= 32) end--

    // Two independent 32-bit hashes (FNV-1a and a multiply-rotate mix).
    let a = 0x811c9dc5
    let b = 0x9e3779b9
    for (let i = start; i < end; i++) {
      let code = value.charCodeAt(i)
      if (!this.caseSensitive) code = foldCase(code)

      a = Math.imul(a ^ code, 0x01000193)
      b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ code
    }

    return this.insert(a >>> 0, (b ^ (end - start)) >>> 0, line)
  }

  private insert(hi: number, lo: number, line: number): number {
    const mask = this.lines.length - 1
    let slot = (hi ^ lo) & mask
    while (this.lines[slot] !== 0) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        return this.lines[slot] as number
      }

      slot = (slot + 1) & mask
    }

    this.hi[slot] = hi
    this.lo[slot] = lo
    this.lines[slot] = line
    this.size++
    if (this.size * 2 > this.lines.length) this.grow()

    return 0
  }

  private grow(): void {
    const { hi, lo, lines } = this
    this.hi = new Uint32Array(lines.length * 2)
    this.lo = new Uint32Array(lines.length * 2)
    this.lines = new Int32Array(lines.length * 2)
    this.size = 0
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== 0) {
        this.insert(hi[i] as number, lo[i] as number, lines[i] as number)
      }
    }
  }
}

function foldCase(code: number): number {
  if (code >= 65 && code <= 90) return code + 32

  if (code < 128) return code

  return String.fromCharCode(code).toLowerCase().charCodeAt(0)
}
