import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import type { RowOutcome } from '../../app/results/row-outcome.ts'
import type { RunView } from '../../app/contract.ts'

/** What is kept on disk about a run, enough to show it and its report again. */
export interface RunRecord {
  view: RunView
  filePath: string
  mapping: ImportMapping
  /** Outcomes of the rows that ended, in no particular order. */
  outcomes: RowOutcome[]
}

/** Keeps runs as JSON files, one per run, written atomically. */
export class RunStore {
  constructor(private readonly dir: string) {}

  /** Writes a run; a crash mid-write leaves the previous version intact. */
  async save(run: RunRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    const target = join(this.dir, `${run.view.runId}.json`)
    const temporary = `${target}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(run))
    await rename(temporary, target)
  }

  /** Reads one run, or null when there is none with that id. */
  async load(runId: string): Promise<RunRecord | null> {
    if (!/^[\w-]+$/.test(runId)) return null

    const text = await readFile(join(this.dir, `${runId}.json`), 'utf8').catch(
      () => null,
    )
    return text === null ? null : (JSON.parse(text) as RunRecord)
  }

  /** The ids of every stored run. */
  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
  }
}
