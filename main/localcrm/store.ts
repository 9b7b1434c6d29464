import { join } from 'node:path'
import { formatId } from './ids.ts'
import { JsonDocument } from './json-file.ts'
import { RecordTable } from './record-table.ts'
import type { StoredJob, UploadedFile } from './types.ts'

/** Counters and org-wide state that must survive a restart. */
export interface StateDoc {
  nextId: number
  /** Credits spent, with when: the daily allowance is a rolling 24 h. */
  credits: { at: number; amount: number }[]
  /** Picklist values added by imports: module → field → values. */
  picklists: Record<string, Record<string, string[]>>
}

/**
 * Everything LocalCRM persists, as JSON files in the data folder:
 * `state.json`, `oauth.json`, `jobs.json`, `files.json`,
 * `records/<Module>.json`, and the ZIPs under `uploads/` and `results/`.
 */
export class Store {
  private constructor(
    readonly dataDir: string,
    readonly state: JsonDocument<StateDoc>,
    readonly jobs: JsonDocument<Record<string, StoredJob>>,
    readonly files: JsonDocument<Record<string, UploadedFile>>,
    private readonly tables: Map<string, RecordTable>,
  ) {}

  /** Opens (or creates) the store in `dataDir` for these modules. */
  static async open(dataDir: string, modules: string[]): Promise<Store> {
    const state = await JsonDocument.load<StateDoc>(
      join(dataDir, 'state.json'),
      {
        nextId: 1_000_001,
        credits: [],
        picklists: {},
      },
    )
    const jobs = await JsonDocument.load(join(dataDir, 'jobs.json'), {})
    const files = await JsonDocument.load(join(dataDir, 'files.json'), {})
    const tables = new Map<string, RecordTable>()
    for (const module of modules) {
      tables.set(
        module,
        await RecordTable.load(join(dataDir, 'records', `${module}.json`)),
      )
    }
    return new Store(dataDir, state, jobs, files, tables)
  }

  /** A fresh 19-digit id, never handed out before in this data folder. */
  nextId(): string {
    const n = this.state.value.nextId
    this.state.value.nextId = n + 1
    this.state.changed()
    return formatId(n)
  }

  /** The records of one module. */
  table(module: string): RecordTable {
    const table = this.tables.get(module)
    if (!table) throw new Error(`no record table for module ${module}`)

    return table
  }

  /** Where an uploaded ZIP is kept. */
  uploadPath(fileId: string): string {
    return join(this.dataDir, 'uploads', `${fileId}.zip`)
  }

  /** Where a job's result ZIP is kept. */
  resultPath(jobId: string): string {
    return join(this.dataDir, 'results', `${jobId}.zip`)
  }

  /** Writes every pending change to disk. */
  async flush(): Promise<void> {
    await Promise.all([
      this.state.flush(),
      this.jobs.flush(),
      this.files.flush(),
      ...[...this.tables.values()].map((t) => t.flush()),
    ])
  }
}
