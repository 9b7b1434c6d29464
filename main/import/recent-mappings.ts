import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { RecentMapping } from '../../app/contract.ts'
import { savedMappingSchema } from '../../app/mapping/saved-mapping.ts'
import { sameHeaders } from '../../app/mapping/recent-mappings.ts'
import { createLogger } from '../log/logger.ts'

const log = createLogger('mappings')

/** Mappings kept; the oldest drop off. */
const KEEP = 20

const fileSchema = z.array(
  z.object({
    headers: z.array(z.string()),
    savedAt: z.string(),
    mapping: savedMappingSchema,
  }),
)

/** Recent mappings in one JSON file of the app's data folder. */
export class RecentMappings {
  constructor(private readonly path: string) {}

  /** Newest first; an unreadable file counts as none (and is logged). */
  async list(): Promise<RecentMapping[]> {
    const text = await readFile(this.path, 'utf8').catch(() => null)
    if (text === null) return []

    try {
      return fileSchema.parse(JSON.parse(text))
    } catch (error) {
      log.warn(
        `recent mappings file unreadable (${error instanceof Error ? error.name : 'error'}); starting afresh`,
      )
      return []
    }
  }

  /** Keeps a mapping, replacing one for the same headers and module. */
  async remember(entry: Omit<RecentMapping, 'savedAt'>): Promise<void> {
    const kept = (await this.list()).filter(
      (old) =>
        !(
          sameHeaders(old.headers, entry.headers) &&
          old.mapping.module === entry.mapping.module
        ),
    )
    const next = [
      { ...entry, savedAt: new Date().toISOString() },
      ...kept,
    ].slice(0, KEEP)
    await mkdir(dirname(this.path), { recursive: true })
    const temporary = `${this.path}.tmp`
    await writeFile(temporary, JSON.stringify(next, null, 2))
    await rename(temporary, this.path)
    log.info(`remembered a mapping of ${entry.headers.length} columns`)
  }
}
