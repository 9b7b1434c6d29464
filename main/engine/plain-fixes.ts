import type { TransformId } from '../../app/contract.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { FileFixes, transformFor } from '../import/file-fixes.ts'

/**
 * The user's fixes as plain data, to cross into the check worker: edited
 * cells as [row, column, value] and column transforms as [column, id].
 * Exclusions stay behind: they change what is sent, not what a check finds.
 */
export interface PlainFixes {
  edits: [number, number, string][]
  transforms: [number, TransformId][]
}

/** The edits and transforms of a file's fixes, as plain data. */
export function plainFixes(fixes: FileFixes): PlainFixes {
  const edits: [number, number, string][] = []
  for (const [row, cells] of fixes.edits) {
    for (const [column, value] of cells) edits.push([row, column, value])
  }

  return {
    edits,
    transforms: [...fixes.transforms].map(([column, { id }]) => [column, id]),
  }
}

/** Fixes rebuilt from plain data, their transforms found from the mapping. */
export function restoreFixes(
  plain: PlainFixes,
  fields: CrmField[],
  mapping: ImportMapping,
): FileFixes {
  const fixes = new FileFixes()
  for (const [row, column, value] of plain.edits) fixes.edit(row, column, value)

  for (const [column, id] of plain.transforms) {
    const apiName = mapping.fields.find((f) => f.column === column)?.apiName
    const transform = transformFor(
      id,
      fields.find((f) => f.apiName === apiName),
    )
    // The main process checked the transform fits the column when the user
    // chose it; one that no longer does is left out, as the grid does.
    if (transform !== null) fixes.transforms.set(column, { id, transform })
  }

  return fixes
}
