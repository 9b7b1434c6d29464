import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FILE_VAULT_NAME, fileVault } from './file-vault.ts'
import { safeStorageVault, type SafeStorageLike } from './safe-storage-vault.ts'

const SECRET =
  '1000.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef'

/** A stand-in for Electron's safeStorage: reverses and marks the bytes. */
function fakeSafeStorage(available: boolean): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) =>
      Buffer.from(`ENC:${[...plain].reverse().join('')}`),
    decryptString: (bytes) => {
      const text = bytes.toString()
      if (!text.startsWith('ENC:')) throw new Error('not ours')
      return [...text.slice(4)].reverse().join('')
    },
  }
}

function allFileText(dir: string): string {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'latin1'))
    .join('\n')
}

describe('token vaults', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulkwright-vault-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps the file vault readable by its owner only and says it is plain', async () => {
    const vault = fileVault(dir)
    await vault.write('zoho', SECRET)
    const path = join(dir, FILE_VAULT_NAME)
    assert.equal(statSync(path).mode & 0o777, 0o600)
    assert.match(readFileSync(path, 'utf8'), /NOT ENCRYPTED/)
    assert.equal(vault.kind, 'test-file')
    assert.equal(await fileVault(dir).read('zoho'), SECRET)
  })

  it('wipes a secret from the file vault', async () => {
    const vault = fileVault(dir)
    await vault.write('zoho', SECRET)
    await vault.wipe('zoho')
    assert.equal(await vault.read('zoho'), null)
    assert.doesNotMatch(allFileText(dir), /0123456789abcdef/)
  })

  it('stores only encrypted bytes with safeStorage', async () => {
    const vault = safeStorageVault(fakeSafeStorage(true), dir)
    await vault.write('zoho', SECRET)
    assert.equal(vault.kind, 'encrypted')
    assert.ok(!allFileText(dir).includes(SECRET))
    assert.equal(
      await safeStorageVault(fakeSafeStorage(true), dir).read('zoho'),
      SECRET,
    )
    await vault.wipe('zoho')
    assert.equal(await vault.read('zoho'), null)
  })

  it('keeps the token for this run only when encryption is unavailable', async () => {
    const vault = safeStorageVault(fakeSafeStorage(false), dir)
    await vault.write('zoho', SECRET)
    assert.equal(vault.kind, 'session-only')
    assert.equal(await vault.read('zoho'), SECRET)
    assert.deepEqual(readdirSync(dir), [])
  })

  it("treats Linux's fixed-password backend as no encryption", async () => {
    const vault = safeStorageVault(
      {
        ...fakeSafeStorage(true),
        getSelectedStorageBackend: () => 'basic_text',
      },
      dir,
    )
    await vault.write('zoho', SECRET)
    assert.equal(vault.kind, 'session-only')
    assert.deepEqual(readdirSync(dir), [])
  })

  it('ignores a saved token it cannot decrypt', async () => {
    await safeStorageVault(fakeSafeStorage(true), dir).write('zoho', SECRET)
    const other = safeStorageVault(
      {
        ...fakeSafeStorage(true),
        decryptString: () => {
          throw new Error('key changed')
        },
      },
      dir,
    )
    assert.equal(await other.read('zoho'), null)
  })
})
