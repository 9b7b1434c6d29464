import { createWriteStream } from 'node:fs'
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import JSZip from 'jszip'
import { UserFacingError } from '../user-facing-error.ts'

/** ZIPs larger than this are refused before they are read. */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024
/** A CSV inside a ZIP may expand to at most this... */
const MAX_CSV_BYTES = 4 * 1024 * 1024 * 1024
/**
 * ...and to at most this many times the ZIP's size: CSV text deflates to
 * about a third or a tenth, never to a hundredth, so more is a ZIP bomb.
 */
const MAX_RATIO = 100
/** Small ZIPs may expand this far whatever their ratio. */
const RATIO_FLOOR_BYTES = 64 * 1024 * 1024

/** The first four bytes of a file, enough to tell a ZIP. */
export async function firstBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(4), 0, 4, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Tells a ZIP file by its first bytes. */
export function looksLikeZip(head: Uint8Array): boolean {
  return (
    head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
  )
}

function limit(bytes: number, name: string): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > bytes) {
        done(
          new UserFacingError(
            'ZIP_TOO_LARGE',
            `${name} expands to more than ${Math.round(bytes / 1024 ** 2)} MB, far more than ` +
              'a CSV of its size would (it may be a ZIP bomb). Unzip it yourself and drop the CSV.',
          ),
        )
        return
      }
      done(null, chunk)
    },
  })
}

/**
 * Writes the one CSV inside a ZIP to `target`, streaming and bounded, and
 * returns its name. A ZIP without exactly one CSV gets a message saying so.
 */
export async function unzipSingleCsv(
  zipPath: string,
  zipName: string,
  target: string,
  size: number,
  limits = { ratio: MAX_RATIO, floorBytes: RATIO_FLOOR_BYTES },
): Promise<string> {
  if (size > MAX_ZIP_BYTES) {
    throw new UserFacingError(
      'ZIP_TOO_LARGE',
      `${zipName} is larger than 1 GB. Unzip it and drop the CSV.`,
    )
  }

  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(await readFile(zipPath))
  } catch {
    throw new UserFacingError(
      'BAD_ZIP',
      `${zipName} is not a ZIP file that can be opened. Unzip it yourself and drop the CSV.`,
    )
  }

  const csvs = Object.values(zip.files).filter(
    (entry) =>
      !entry.dir &&
      /\.(csv|txt)$/i.test(entry.name) &&
      !entry.name.startsWith('__MACOSX/'),
  )
  if (csvs.length !== 1) {
    throw new UserFacingError(
      'ZIP_NOT_ONE_CSV',
      `${zipName} holds ${csvs.length} CSV files; Bulkwright imports one at a time. ` +
        'Unzip it and drop the CSV you want.',
    )
  }

  const entry = csvs[0]!
  const bound = Math.min(
    MAX_CSV_BYTES,
    Math.max(limits.floorBytes, size * limits.ratio),
  )
  try {
    await pipeline(
      entry.nodeStream('nodebuffer'),
      limit(bound, zipName),
      createWriteStream(target),
    )
  } catch (error) {
    // Nothing half-unpacked stays on disk.
    await rm(target, { force: true })
    if (error instanceof UserFacingError) throw error
    throw new UserFacingError(
      'BAD_ZIP',
      `${zipName} could not be unpacked (${(error as Error).message}). Unzip it yourself and drop the CSV.`,
    )
  }
  return entry.name.split('/').at(-1) ?? entry.name
}

/**
 * For commands that read a path: the path itself for a CSV, or the CSV
 * unpacked from a ZIP into a temporary folder (removed by `cleanup`).
 */
export async function csvPathFor(
  path: string,
): Promise<{ path: string; name: string; cleanup: () => Promise<void> }> {
  const head = await firstBytes(path).catch(() => null)
  if (head === null || !looksLikeZip(head)) {
    return { path, name: basename(path), cleanup: async () => {} }
  }
  const { size } = await stat(path)

  const dir = await mkdtemp(join(tmpdir(), 'bulkwright-zip-'))
  const target = join(dir, 'unpacked.csv')
  try {
    const inner = await unzipSingleCsv(path, basename(path), target, size)
    return {
      path: target,
      name: `${inner} (from ${basename(path)})`,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
