import type { CrmField } from '../../../app/fields/crm-field.ts'
import { defaultLookupFindBy } from '../../../app/mapping/auto-match.ts'
import type {
  FieldMapping,
  ImportMapping,
} from '../../../app/mapping/import-mapping.ts'

/** The record id, which update and upsert may find records by. */
export const RECORD_ID_FIELD: CrmField = {
  apiName: 'id',
  label: 'Record Id',
  dataType: 'bigint',
  rawDataType: 'bigint',
  length: 19,
  decimalPlaces: null,
  mandatory: false,
  unique: true,
  uniqueCaseSensitive: false,
  picklistValues: [],
  lookupModule: null,
  textareaType: null,
  creatable: false,
  updatable: true,
}

function entryOf(
  mapping: ImportMapping,
  field: CrmField,
): FieldMapping | undefined {
  return mapping.fields.find((entry) => entry.apiName === field.apiName)
}

function replaceEntry(
  mapping: ImportMapping,
  apiName: string,
  next: FieldMapping | null,
): ImportMapping {
  const fields = mapping.fields.filter((entry) => entry.apiName !== apiName)
  return { ...mapping, fields: next ? [...fields, next] : fields }
}

/**
 * Maps a column onto a field (or unmaps it with null). A field takes one
 * column; a column dropped on a second field moves there.
 */
export function setColumn(
  mapping: ImportMapping,
  field: CrmField,
  column: number | null,
): ImportMapping {
  const current = entryOf(mapping, field)
  let next = mapping
  if (column !== null) {
    for (const other of mapping.fields) {
      if (other.column !== column || other.apiName === field.apiName) continue

      next = replaceEntry(
        next,
        other.apiName,
        other.defaultValue === null ? null : { ...other, column: null },
      )
    }
  }

  const defaultValue = current?.defaultValue ?? null
  if (column === null && defaultValue === null)
    return replaceEntry(next, field.apiName, null)

  return replaceEntry(next, field.apiName, {
    apiName: field.apiName,
    column,
    defaultValue,
    lookupFindBy: current?.lookupFindBy ?? defaultLookupFindBy(field),
  })
}

/** Sets the value used when a field's cell is empty ('' removes it). */
export function setDefault(
  mapping: ImportMapping,
  field: CrmField,
  value: string,
): ImportMapping {
  const current = entryOf(mapping, field)
  const defaultValue = value === '' ? null : value
  if (current === undefined && defaultValue === null) return mapping

  if ((current?.column ?? null) === null && defaultValue === null)
    return replaceEntry(mapping, field.apiName, null)

  return replaceEntry(mapping, field.apiName, {
    apiName: field.apiName,
    column: current?.column ?? null,
    defaultValue,
    lookupFindBy: current?.lookupFindBy ?? defaultLookupFindBy(field),
  })
}

/** Says how a lookup finds its related record (id or a unique field). */
export function setLookupFindBy(
  mapping: ImportMapping,
  field: CrmField,
  findBy: string,
): ImportMapping {
  const current = entryOf(mapping, field)
  if (current === undefined) return mapping

  return replaceEntry(mapping, field.apiName, {
    ...current,
    lookupFindBy: findBy,
  })
}

/** Fields the operation can write, mandatory ones first. */
export function writableFields(
  fields: CrmField[],
  mapping: ImportMapping,
): CrmField[] {
  const writable = fields.filter((field) =>
    mapping.operation === 'update' ? field.updatable : field.creatable,
  )
  const sorted = [...writable].sort(
    (a, b) => Number(b.mandatory) - Number(a.mandatory),
  )
  return mapping.findBy === 'id' ? [RECORD_ID_FIELD, ...sorted] : sorted
}

/** Fields update and upsert may find records by: unique ones and the id. */
export function findByChoices(fields: CrmField[]): CrmField[] {
  return [RECORD_ID_FIELD, ...fields.filter((field) => field.unique)]
}

/** Mandatory fields with neither a column nor a default value. */
export function unmappedMandatory(
  fields: CrmField[],
  mapping: ImportMapping,
): CrmField[] {
  if (mapping.operation === 'update') return []
  return fields.filter(
    (field) =>
      field.mandatory &&
      field.creatable &&
      !mapping.fields.some((entry) => entry.apiName === field.apiName),
  )
}
