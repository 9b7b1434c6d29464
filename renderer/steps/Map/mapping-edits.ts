import type { CrmField } from '../../../app/fields/crm-field.ts'
import type {
  FieldMapping,
  ImportMapping,
} from '../../../app/mapping/import-mapping.ts'

/** Maps a column onto a field (or unmaps it with null); one column per field. */
export function setColumn(
  mapping: ImportMapping,
  field: CrmField,
  column: number | null,
): ImportMapping {
  const current = mapping.fields.find(
    (entry) => entry.apiName === field.apiName,
  )
  const others = mapping.fields.filter(
    (entry) => entry.apiName !== field.apiName,
  )
  const defaultValue = current?.defaultValue ?? null
  if (column === null && defaultValue === null)
    return { ...mapping, fields: others }

  const next: FieldMapping = {
    apiName: field.apiName,
    column,
    defaultValue,
    lookupFindBy: current?.lookupFindBy ?? lookupDefault(field),
  }
  return { ...mapping, fields: [...others, next] }
}

/** Sets the value used when a field's cell is empty. */
export function setDefault(
  mapping: ImportMapping,
  field: CrmField,
  value: string,
): ImportMapping {
  const current = mapping.fields.find(
    (entry) => entry.apiName === field.apiName,
  )
  const others = mapping.fields.filter(
    (entry) => entry.apiName !== field.apiName,
  )
  const defaultValue = value === '' ? null : value
  if (current === undefined && defaultValue === null) return mapping
  if (current?.column === null && defaultValue === null)
    return { ...mapping, fields: others }

  return {
    ...mapping,
    fields: [
      ...others,
      {
        apiName: field.apiName,
        column: current?.column ?? null,
        defaultValue,
        lookupFindBy: current?.lookupFindBy ?? lookupDefault(field),
      },
    ],
  }
}

function lookupDefault(field: CrmField): string | null {
  if (field.dataType === 'ownerlookup') return 'email'
  if (field.dataType === 'lookup') return field.apiName
  return null
}

/** Fields the operation can write, mandatory ones first. */
export function writableFields(
  fields: CrmField[],
  mapping: ImportMapping,
): CrmField[] {
  const writable = fields.filter((field) =>
    mapping.operation === 'update' ? field.updatable : field.creatable,
  )
  return [...writable].sort((a, b) => Number(b.mandatory) - Number(a.mandatory))
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
