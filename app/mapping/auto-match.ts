import type { CsvColumn } from '../csv/csv-types.ts'
import type { CrmField } from '../fields/crm-field.ts'
import type { FieldMapping } from './import-mapping.ts'

/** Lower case with spaces, underscores and punctuation removed. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * Pairs columns with fields whose API name or label reads the same once
 * case, spaces, underscores and punctuation are ignored. Each field and each
 * column is used at most once, first column first.
 */
export function autoMatch(
  columns: CsvColumn[],
  fields: CrmField[],
): FieldMapping[] {
  const byName = new Map<string, CrmField>()
  for (const field of fields) {
    for (const name of [field.apiName, field.label]) {
      const key = normaliseName(name)
      if (key && !byName.has(key)) byName.set(key, field)
    }
  }

  const used = new Set<string>()
  const mappings: FieldMapping[] = []
  for (const column of columns) {
    if (column.headerless) continue

    const field = byName.get(normaliseName(column.name))
    if (!field || used.has(field.apiName)) continue

    used.add(field.apiName)
    mappings.push({
      apiName: field.apiName,
      column: column.index,
      defaultValue: null,
      lookupFindBy: defaultLookupFindBy(field),
    })
  }

  return mappings
}

/** How a lookup is resolved when the user has not said otherwise. */
function defaultLookupFindBy(field: CrmField): string | null {
  if (field.dataType === 'ownerlookup') return 'email'

  if (field.dataType === 'lookup') return field.apiName

  return null
}
