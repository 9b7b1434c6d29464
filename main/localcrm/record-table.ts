import { JsonDocument, readJsonFile } from './json-file.ts'

/** A stored CRM record: field API names to values, plus its `id`. */
export type CrmRecord = { id: string } & Record<string, unknown>

/**
 * The records of one module, in insertion order, saved as one JSON array.
 * Indexes for `findBy` are built on first use and kept up to date, so that
 * duplicate checks on 25,000-row jobs stay linear.
 */
export class RecordTable {
  private readonly indexes = new Map<string, Map<string, Set<string>>>()
  private readonly doc: JsonDocument<null>

  private constructor(
    path: string,
    private readonly rows: Map<string, CrmRecord>,
  ) {
    this.doc = new JsonDocument(path, null, 500, () => [...this.rows.values()])
  }

  /** Loads a module's records from `path` (empty when missing). */
  static async load(path: string): Promise<RecordTable> {
    const list = await readJsonFile<CrmRecord[]>(path, [])
    return new RecordTable(path, new Map(list.map((r) => [r.id, r])))
  }

  /** How many records the module holds. */
  get size(): number {
    return this.rows.size
  }

  /** One record by id. */
  get(id: string): CrmRecord | undefined {
    return this.rows.get(id)
  }

  /** The records from `offset`, at most `limit` of them. */
  page(offset: number, limit: number): CrmRecord[] {
    const out: CrmRecord[] = []
    let i = 0
    for (const record of this.rows.values()) {
      if (i >= offset + limit) break
      if (i >= offset) out.push(record)
      i += 1
    }
    return out
  }

  /** Records whose `field` equals `value` (ignoring case unless asked). */
  findBy(field: string, value: string, caseSensitive = false): CrmRecord[] {
    const index = this.index(field, caseSensitive)
    const ids = index.get(key(value, caseSensitive)) ?? new Set<string>()
    return [...ids].flatMap((id) => this.rows.get(id) ?? [])
  }

  /** Stores a new or changed record. */
  put(record: CrmRecord): void {
    const old = this.rows.get(record.id)
    for (const [name, index] of this.indexes) {
      const [field, cs] = name.split('|') as [string, string]
      if (old) removeFrom(index, old, field, cs === 'cs')
      addTo(index, record, field, cs === 'cs')
    }
    this.rows.set(record.id, record)
    this.doc.changed()
  }

  /** Removes a record. */
  delete(id: string): void {
    const old = this.rows.get(id)
    if (!old) return

    for (const [name, index] of this.indexes) {
      const [field, cs] = name.split('|') as [string, string]
      removeFrom(index, old, field, cs === 'cs')
    }
    this.rows.delete(id)
    this.doc.changed()
  }

  /** Writes pending changes to disk. */
  flush(): Promise<void> {
    return this.doc.flush()
  }

  private index(field: string, caseSensitive: boolean) {
    const name = `${field}|${caseSensitive ? 'cs' : 'ci'}`
    let index = this.indexes.get(name)
    if (!index) {
      index = new Map()
      for (const record of this.rows.values()) {
        addTo(index, record, field, caseSensitive)
      }
      this.indexes.set(name, index)
    }
    return index
  }
}

function key(value: string, caseSensitive: boolean): string {
  const trimmed = value.trim()
  return caseSensitive ? trimmed : trimmed.toLowerCase()
}

function scalar(record: CrmRecord, field: string): string | undefined {
  const value = record[field]
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' || typeof value === 'bigint')
    return String(value)
  return undefined
}

function addTo(
  index: Map<string, Set<string>>,
  record: CrmRecord,
  field: string,
  cs: boolean,
) {
  const value = scalar(record, field)
  if (value === undefined) return

  const k = key(value, cs)
  const set = index.get(k) ?? new Set<string>()
  set.add(record.id)
  index.set(k, set)
}

function removeFrom(
  index: Map<string, Set<string>>,
  record: CrmRecord,
  field: string,
  cs: boolean,
) {
  const value = scalar(record, field)
  if (value === undefined) return

  index.get(key(value, cs))?.delete(record.id)
}
