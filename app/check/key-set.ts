/**
 * Remembers normalised cell values (trimmed, optionally case-folded) by a
 * 64-bit hash, with the line each was first seen on. Kept in one typed
 * array (hash, hash, line per slot) so that a million keys cost ~25 MB, no
 * garbage-collected objects and one cache miss per lookup: the checker sees
 * every row of files with millions of rows.
 */
export class KeySet {
  private slots: Uint32Array
  private size = 0

  constructor(
    private readonly caseSensitive: boolean,
    capacity = 1 << 12,
  ) {
    this.slots = new Uint32Array(capacity * 3)
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

    return this.insert(a >>> 0, (b ^ (end - start)) >>> 0, line)
  }

  /** A set holding the keys of `table()` from another set. */
  static fromTable(table: Uint32Array): KeySet {
    const set = new KeySet(true, 1)
    set.slots = table
    return set
  }

  /**
   * The keys as a flat copy (hash, hash, line per slot; line 0 marks an
   * empty slot), to compare with another part of the file.
   */
  table(): Uint32Array {
    return this.slots.slice()
  }

  /**
   * The first line of each key of `table` (from `table()` of a later part
   * of the file) that this set already holds, with the line it holds it on.
   */
  *sharedWith(table: Uint32Array): Iterable<[later: number, first: number]> {
    for (let at = 0; at < table.length; at += 3) {
      const line = table[at + 2] as number
      if (line === 0) continue

      const first = this.find(table[at] as number, table[at + 1] as number)
      if (first !== 0) yield [line, first]
    }
  }

  /** The line a key was first seen on, or 0 when the set lacks it. */
  private find(hi: number, lo: number): number {
    return this.slots[this.slotOf(hi, lo) * 3 + 2] as number
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private slotOf(hi: number, lo: number): number {
    const slots = this.slots
    const mask = slots.length / 3 - 1
    let slot = this.home(hi, lo, mask)
    while (slots[slot * 3 + 2] !== 0) {
      const at = slot * 3
      if (slots[at] === hi && slots[at + 1] === lo) return slot

      slot = (slot + 1) & mask
    }

    return slot
  }

  private home(hi: number, lo: number, mask: number): number {
    // Murmur3's finaliser spreads the bits, so that probes stay short.
    let h = hi ^ Math.imul(lo, 0x9e3779b1)
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    return (h ^ (h >>> 16)) & mask
  }

  private insert(hi: number, lo: number, line: number): number {
    const slots = this.slots
    const at = this.slotOf(hi, lo) * 3
    const first = slots[at + 2] as number
    if (first !== 0) return first

    slots[at] = hi
    slots[at + 1] = lo
    slots[at + 2] = line
    this.size++
    if (this.size * 6 > slots.length) this.grow()

    return 0
  }

  private grow(): void {
    const old = this.slots
    this.slots = new Uint32Array(old.length * 2)
    this.size = 0
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] !== 0) {
        this.insert(
          old[at] as number,
          old[at + 1] as number,
          old[at + 2] as number,
        )
      }
    }
  }
}

function foldCase(code: number): number {
  return String.fromCharCode(code).toLowerCase().charCodeAt(0)
}
