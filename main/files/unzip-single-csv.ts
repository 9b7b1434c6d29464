import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import JSZip from 'jszip'
import { UserFacingError } from '../user-facing-error.ts'

/** ZIPs larger than this are refused before they are read. */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024
/** A CSV inside a ZIP may expand to at most this. */
const MAX_CSV_BYTES = 4 * 1024 * 1024 * 1024

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
            `${name} expands to more than ${bytes / 1024 ** 3} GB. Unzip it yourself and drop the CSV.`,
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
  await pipeline(
    entry.nodeStream('nodebuffer'),
    limit(MAX_CSV_BYTES, zipName),
    createWriteStream(target),
  )
  return entry.name.split('/').at(-1) ?? entry.name
}
