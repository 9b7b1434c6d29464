/**
 * Where the refresh token of a Zoho connection is kept between runs. Only
 * the main process holds a vault; the renderer learns at most which kind.
 */

/** How a vault keeps its secrets, as the Connect screen tells the user. */
export type VaultKind =
  /** Encrypted with the operating system's key store (Electron safeStorage). */
  | 'encrypted'
  /** Encryption is not available: kept in memory for this run only. */
  | 'session-only'
  /** A plain file with 0600 permissions, for the CLI and tests. */
  | 'test-file'

/** A small key-value store of secrets. */
export interface TokenVault {
  readonly kind: VaultKind
  read(key: string): Promise<string | null>
  write(key: string, secret: string): Promise<void>
  /** Removes the secret; wiping an absent key is not an error. */
  wipe(key: string): Promise<void>
}

/** A vault that forgets everything when the app quits. */
export function memoryVault(): TokenVault {
  const secrets = new Map<string, string>()
  return {
    kind: 'session-only',
    read: async (key) => secrets.get(key) ?? null,
    write: async (key, secret) => {
      secrets.set(key, secret)
    },
    wipe: async (key) => {
      secrets.delete(key)
    },
  }
}
