import type { RecentMapping } from '../contract.ts'

/** True when two files have the same set of headers, in any order. */
export function sameHeaders(a: string[], b: string[]): boolean {
  const left = new Set(a.map((h) => h.trim()))
  const right = new Set(b.map((h) => h.trim()))
  if (left.size !== right.size) return false

  for (const header of left) if (!right.has(header)) return false

  return true
}

/** The newest remembered mapping for a file with these headers and module. */
export function findRecentMapping(
  recent: RecentMapping[],
  headers: string[],
  module: string,
): RecentMapping | null {
  return (
    recent.find(
      (entry) =>
        entry.mapping.module === module && sameHeaders(entry.headers, headers),
    ) ?? null
  )
}
