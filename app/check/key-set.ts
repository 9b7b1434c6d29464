/**
 * Remembers normalised cell values (trimmed, optionally case-folded) by a
 * 63-bit hash, with the line each was first seen on. The hashes sit in one
 * typed array (8 bytes a slot) and the lines in another, read only when a
 * key repeats: a million keys cost ~24 MB, no garbage-collected objects,
 * and a lookup touches one cache line of a table small enough to stay
 * mostly in the processor's cache. The checker sees every row of files
 * with millions of rows.
 */
/** A key set's arrays: two hashes per slot, and the line of each slot. */
export interface KeyTable {
  slots: Uint32Array
  lines: Uint32Array
}

export class KeySet {
  /** Two 32-bit hashes per slot; the second always has its low bit set. */
  private slots: Uint32Array
  /** The line each slot's key was first seen on. */
  private lines: Uint32Array
  private size = 0
  private readonly pair = new Uint32Array(2)
  private hashes = new Uint32Array(0)

  constructor(
    private readonly caseSensitive: boolean,
    capacity = 1 << 12,
  ) {
    this.slots = new Uint32Array(capacity * 2)
    this.lines = new Uint32Array(capacity)
  }

  /**
   * Records `value` as seen on `line`; returns the earlier line when the
   * same key was already seen (then nothing is recorded), else 0.
   */
  firstLine(value: string, line: number): number {
    this.hash(value, this.pair, 0)
    return this.insert(this.pair[0] as number, this.pair[1] as number, line)
  }

  /**
   * `firstLine` for the first `count` values at once: `out[i]` is the
   * earlier line of `values[i]`, or 0. All values are hashed before any is
   * looked up, so that the lookups, each a likely cache miss in a large
   * set, run back to back and the processor can overlap them.
   */
  firstLines(
    values: readonly string[],
    lines: ArrayLike<number>,
    count: number,
    out: Uint32Array,
  ): void {
    if (this.hashes.length < count * 2) {
      this.hashes = new Uint32Array(count * 2)
    }

    const hashes = this.hashes
    for (let i = 0; i < count; i++)
      this.hash(values[i] as string, hashes, i * 2)
    for (let i = 0; i < count; i++) {
      out[i] = this.insert(
        hashes[i * 2] as number,
        hashes[i * 2 + 1] as number,
        lines[i] as number,
      )
    }
  }

  /** Two independent 32-bit hashes of the normalised value, into `to`. */
  private hash(value: string, to: Uint32Array, at: number): void {
    let start = 0
    let end = value.length
    while (start < end && value.charCodeAt(start) <= 32) start++
    while (end > start && value.charCodeAt(end - 1) <= 32) end--

    // FNV-1a and a multiply-rotate mix.
    let a = 0x811c9dc5
    let b = 0x9e3779b9
    const fold = !this.caseSensitive
    for (let i = start; i < end; i++) {
      let code = value.charCodeAt(i)
      if (fold) {
        if (code >= 65 && code <= 90) code += 32
        else if (code >= 128) code = foldCase(code)
      }

      a = Math.imul(a ^ code, 0x01000193)
      b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ code
    }

    to[at] = a >>> 0
    to[at + 1] = ((b ^ (end - start)) | 1) >>> 0
  }

  /** A set holding the keys of `table()` from another set. */
  static fromTable(table: KeyTable): KeySet {
    const set = new KeySet(true, 1)
    set.slots = table.slots
    set.lines = table.lines
    return set
  }

  /**
   * The set's own arrays (not a copy: the set must not change after), to
   * compare with another part of the file or send to another thread.
   */
  table(): KeyTable {
    return { slots: this.slots, lines: this.lines }
  }

  /**
   * The first line of each key of `table` (from `table()` of a later part
   * of the file) that this set already holds, with the line it holds it on.
   */
  *sharedWith(table: KeyTable): Iterable<[later: number, first: number]> {
    const { slots, lines } = table
    for (let slot = 0; slot < lines.length; slot++) {
      const lo = slots[slot * 2 + 1] as number
      if (lo === 0) continue

      const first = this.find(slots[slot * 2] as number, lo)
      if (first !== 0) yield [lines[slot] as number, first]
    }
  }

  /** The line a key was first seen on, or 0 when the set lacks it. */
  private find(hi: number, lo: number): number {
    const slot = this.slotOf(hi, lo)
    return this.slots[slot * 2 + 1] === 0 ? 0 : (this.lines[slot] as number)
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private slotOf(hi: number, lo: number): number {
    const slots = this.slots
    const mask = this.lines.length - 1
    let slot = this.home(hi, lo, mask)
    for (;;) {
      const held = slots[slot * 2 + 1] as number
      if (held === 0 || (held === lo && slots[slot * 2] === hi)) return slot

      slot = (slot + 1) & mask
    }
  }

  private home(hi: number, lo: number, mask: number): number {
    // Murmur3's finaliser spreads the bits, so that probes stay short.
    let h = hi ^ Math.imul(lo, 0x9e3779b1)
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    return (h ^ (h >>> 16)) & mask
  }

  private insert(hi: number, lo: number, line: number): number {
    const slot = this.slotOf(hi, lo)
    if (this.slots[slot * 2 + 1] !== 0) return this.lines[slot] as number

    this.slots[slot * 2] = hi
    this.slots[slot * 2 + 1] = lo
    this.lines[slot] = line
    this.size++
    // At most three slots in four hold a key.
    if (this.size * 4 > this.lines.length * 3) this.grow()

    return 0
  }

  private grow(): void {
    const slots = this.slots
    const lines = this.lines
    this.slots = new Uint32Array(slots.length * 2)
    this.lines = new Uint32Array(lines.length * 2)
    this.size = 0
    for (let slot = 0; slot < lines.length; slot++) {
      if (slots[slot * 2 + 1] !== 0) {
        this.insert(
          slots[slot * 2] as number,
          slots[slot * 2 + 1] as number,
          lines[slot] as number,
        )
      }
    }
  }
}

function foldCase(code: number): number {
  return String.fromCharCode(code).toLowerCase().charCodeAt(0)
}
