import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createLogger } from '../log/logger.ts'
import { memoryVault, type TokenVault } from './vault.ts'

const log = createLogger('oauth')

/** The part of Electron's `safeStorage` the vault uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only: which key store; `basic_text` means a fixed password. */
  getSelectedStorageBackend?(): string
}

/**
 * On Linux without a secret service Electron "encrypts" with a password
 * written in its source (`basic_text`): no better than plain text, so it
 * counts as unavailable.
 */
function canEncrypt(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false

  return safeStorage.getSelectedStorageBackend?.() !== 'basic_text'
}

/**
 * Secrets encrypted with the operating system's key store, one file per
 * key. When encryption is not available the vault keeps secrets in memory
 * for this run only (kind `session-only`) and never writes them in plain
 * text; the Connect screen says so.
 */
export function safeStorageVault(
  safeStorage: SafeStorageLike,
  dir: string,
): TokenVault {
  if (!canEncrypt(safeStorage)) {
    log.warn('system encryption unavailable: tokens kept for this run only')
    return memoryVault()
  }

  const pathOf = (key: string) =>
    join(dir, `${key.replace(/[^a-z0-9-]/gi, '_')}.token`)

  return {
    kind: 'encrypted',
    async read(key) {
      let bytes: Buffer
      try {
        bytes = await readFile(pathOf(key))
      } catch {
        return null
      }
      try {
        return safeStorage.decryptString(bytes)
      } catch {
        log.warn('a saved token could not be decrypted; it is ignored')
        return null
      }
    },
    async write(key, secret) {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const temp = `${pathOf(key)}.tmp`
      await writeFile(temp, safeStorage.encryptString(secret), { mode: 0o600 })
      await rename(temp, pathOf(key))
    },
    async wipe(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}
