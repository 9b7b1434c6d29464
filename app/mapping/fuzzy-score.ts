/**
 * How alike two normalised names are, from 0 to 1: one minus the edit
 * distance (a swap of neighbours counts as one edit, the usual typo) over
 * the longer length, raised when one name contains the other ("mailingcity"
 * and "city").
 */
export function fuzzyScore(a: string, b: string): number {
  if (a === '' || b === '') return 0

  if (a === b) return 1

  const longer = Math.max(a.length, b.length)
  const edits = 1 - editDistance(a, b) / longer
  const shorter = a.length < b.length ? a : b
  const other = a.length < b.length ? b : a
  const contained =
    shorter.length >= 4 && other.includes(shorter)
      ? 0.55 + 0.4 * (shorter.length / other.length)
      : 0
  return Math.max(edits, contained)
}

/** Optimal string alignment distance: insert, delete, replace, swap. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array(rows * cols).fill(0)
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1)
      }

      d[i * cols + j] = best
    }
  }

  return d[rows * cols - 1]!
}
