import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { TokenVault } from './vault.ts'

/** The file name says what it is to anyone who finds it. */
export const FILE_VAULT_NAME = 'tokens.UNENCRYPTED-for-cli-and-tests.json'

const WARNING =
  'NOT ENCRYPTED. Bulkwright keeps Zoho refresh tokens here only for the ' +
  'command line and tests; the desktop app uses the system key store. ' +
  'Delete this file to forget them.'

type Doc = { warning: string; secrets: Record<string, string> }

async function load(path: string): Promise<Doc> {
  try {
    const doc = JSON.parse(await readFile(path, 'utf8')) as Partial<Doc>
    return { warning: WARNING, secrets: { ...doc.secrets } }
  } catch {
    return { warning: WARNING, secrets: {} }
  }
}

/**
 * A vault in one plain JSON file, readable only by its owner (0600), for
 * the CLI and tests. Never used by the desktop app.
 */
export function fileVault(dir: string): TokenVault {
  const path = join(dir, FILE_VAULT_NAME)

  async function save(doc: Doc): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    const temp = `${path}.${process.pid}.tmp`
    // Created 0600, so the secret is never readable by others, not even
    // for a moment; chmod again in case the umask was looser.
    await writeFile(temp, JSON.stringify(doc, null, 2), { mode: 0o600 })
    await chmod(temp, 0o600)
    await rename(temp, path)
  }

  return {
    kind: 'test-file',
    read: async (key) => (await load(path)).secrets[key] ?? null,
    async write(key, secret) {
      const doc = await load(path)
      doc.secrets[key] = secret
      await save(doc)
    },
    async wipe(key) {
      const doc = await load(path)
      delete doc.secrets[key]
      if (Object.keys(doc.secrets).length === 0) {
        await rm(path, { force: true })
        return
      }
      await save(doc)
    },
  }
}
