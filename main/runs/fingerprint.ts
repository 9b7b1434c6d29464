import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FileFingerprint } from './run-record.ts'

const HEAD_BYTES = 1024 * 1024

/** Size, modification time and a hash of the first MiB of a file. */
export async function fingerprintFile(
  path: string,
  name = basename(path),
): Promise<FileFingerprint> {
  const info = await stat(path)
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, info.size))
    await handle.read(buffer, 0, buffer.length, 0)
    return {
      path,
      name,
      size: info.size,
      mtimeMs: info.mtimeMs,
      headSha256: createHash('sha256').update(buffer).digest('hex'),
    }
  } finally {
    await handle.close()
  }
}

/** Why a file no longer matches its fingerprint, or null when it does. */
export async function fileChange(
  recorded: FileFingerprint,
): Promise<string | null> {
  const now = await fingerprintFile(recorded.path, recorded.name).catch(
    () => null,
  )
  if (now === null) return `${recorded.name} is no longer at ${recorded.path}.`

  if (now.size !== recorded.size || now.headSha256 !== recorded.headSha256) {
    return `${recorded.name} has changed since the run began.`
  }

  return null
}
