import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

let tmpCounter = 0

/** Writes a file atomically: a temporary sibling, then a rename over it. */
export async function writeAtomic(
  path: string,
  data: string | Uint8Array,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  tmpCounter += 1
  const tmp = `${path}.${process.pid}.${tmpCounter}.tmp`
  await writeFile(tmp, data)
  await rename(tmp, path)
}

/** Reads a JSON file, or returns `fallback` when it does not exist yet. */
export async function readJsonFile<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback

    throw new Error(
      `LocalCRM cannot read ${path}: ${String(error)}. ` +
        'Delete the file (or the data folder) to start fresh.',
    )
  }
}

/**
 * A JSON document kept in memory and saved to disk a moment after each
 * change. Saves never overlap, and `flush` waits for the last one.
 */
export class JsonDocument<T> {
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()
  private dirty = false

  constructor(
    readonly path: string,
    public value: T,
    private readonly delayMs = 100,
    private readonly snapshot?: () => unknown,
  ) {}

  /** Loads the document from disk, or starts from `fallback`. */
  static async load<T>(
    path: string,
    fallback: T,
    delayMs?: number,
  ): Promise<JsonDocument<T>> {
    return new JsonDocument(path, await readJsonFile(path, fallback), delayMs)
  }

  /** Marks the document changed; it is written shortly after. */
  changed(): void {
    this.dirty = true
    if (this.timer) return

    this.timer = setTimeout(() => void this.flush(), this.delayMs)
  }

  /** Writes pending changes now and waits until they are on disk. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.dirty) {
      this.dirty = false
      const text = JSON.stringify(this.snapshot ? this.snapshot() : this.value)
      this.writing = this.writing.then(() => writeAtomic(this.path, text))
    }
    await this.writing
  }
}
