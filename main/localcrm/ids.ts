/** Zoho ids are 19-digit decimal strings; ours share one org prefix. */
const PREFIX = '4150868'

/** Formats the n-th id of this LocalCRM as a 19-digit string. */
export function formatId(n: number): string {
  return PREFIX + String(n).padStart(12, '0')
}

/** A random token body of `length` lower-case hex digits. */
export function randomHex(length: number): string {
  const bytes = new Uint8Array(Math.ceil(length / 2))
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, length)
}
