import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TransformId } from '../../app/contract.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import type { JobColumns } from '../../app/plan/job-file.ts'
import { FileFixes, transformFor } from './file-fixes.ts'
import type { RunStore } from './run-store.ts'

/** The edits and column transforms a run started with, as kept on disk. */
interface SavedFixes {
  version: 1
  /** Edited cells as [row, column, value]. */
  edits: [number, number, string][]
  /** The field is kept so that a picklist transform needs no connection. */
  transforms: { column: number; id: TransformId; field: CrmField | null }[]
}

const fixesPath = (store: RunStore, runId: string) =>
  join(store.runFolder(runId), 'check-fixes.json')

/**
 * Keeps the edits and column transforms a run starts with, so that its
 * report shows the rows it did not send as the user left them, even after
 * the app restarted. Nothing is written when there are none.
 */
export async function saveRunFixes(
  store: RunStore,
  runId: string,
  fixes: FileFixes,
  input: { fields: CrmField[]; mapping: ImportMapping },
): Promise<void> {
  const edits: SavedFixes['edits'] = []
  for (const [row, cells] of fixes.edits) {
    for (const [column, value] of cells) edits.push([row, column, value])
  }
  const transforms = [...fixes.transforms].map(([column, { id }]) => {
    const apiName = input.mapping.fields.find(
      (f) => f.column === column,
    )?.apiName
    const field = input.fields.find((f) => f.apiName === apiName) ?? null
    return { column, id, field }
  })
  if (edits.length === 0 && transforms.length === 0) return

  const saved: SavedFixes = { version: 1, edits, transforms }
  await mkdir(store.runFolder(runId), { recursive: true })
  await writeFile(fixesPath(store, runId), JSON.stringify(saved))
}

/** The fixes a run started with; none for a run that had none. */
export async function loadRunFixes(
  store: RunStore,
  runId: string,
): Promise<FileFixes> {
  const fixes = new FileFixes()
  const text = await readFile(fixesPath(store, runId), 'utf8').catch(() => null)
  if (text === null) return fixes

  const saved = JSON.parse(text) as SavedFixes
  if (saved.version !== 1) return fixes

  for (const [row, column, value] of saved.edits) fixes.edit(row, column, value)
  for (const { column, id, field } of saved.transforms) {
    const transform = transformFor(id, field ?? undefined)
    if (transform !== null) fixes.transforms.set(column, { id, transform })
  }
  return fixes
}

/**
 * A row's values in the file's columns as Zoho received them, from the
 * cells of its job CSV. Columns that were not sent keep the file's value,
 * and so does an empty cell that Zoho received as the field's default.
 */
export function valuesFromJobCells(
  original: readonly string[],
  cells: readonly string[],
  columns: JobColumns,
): string[] {
  const values = [...original]
  const seen = new Set<number>()
  columns.sources.forEach((source, index) => {
    if (source === null || seen.has(source)) return

    seen.add(source)
    const cell = cells[index] ?? ''
    const defaulted =
      (original[source] ?? '') === '' && cell === columns.defaults[index]
    if (!defaulted) values[source] = cell
  })
  return values
}

/** The columns whose value differs from the file's, with the file's value. */
export function changedCells(
  original: readonly string[],
  values: readonly string[],
): { column: number; original: string }[] {
  const changed: { column: number; original: string }[] = []
  for (let column = 0; column < values.length; column++) {
    const before = original[column] ?? ''
    if ((values[column] ?? '') !== before) {
      changed.push({ column, original: before })
    }
  }
  return changed
}
