/**
 * JSON for the browser-mode bridge, which also carries byte arrays (Electron's
 * IPC clones them; JSON cannot). Bytes travel as base64 under a `$bytes` key.
 */

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Serialises a payload, byte arrays included. */
export function encodeBridgeJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { $bytes: toBase64(item) } : item,
  )
}

/** Reads a payload written by encodeBridgeJson. */
export function decodeBridgeJson(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (typeof item === 'object' && item !== null && '$bytes' in item) {
      const bytes = (item as { $bytes: unknown }).$bytes
      if (typeof bytes === 'string') return fromBase64(bytes)
    }
    return item
  })
}
