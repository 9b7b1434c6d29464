import type { CrmField } from '../fields/crm-field.ts'

/** What a field accepts, in words, by API name; null when nothing useful. */
export type FieldHints = (apiName: string) => string | null

/**
 * What Zoho accepts in a field of this type (api-reference §3.7), for the
 * reason of a row Zoho skipped with INVALID_DATA, which names only the field.
 */
export function valueHint(field: CrmField): string | null {
  const atMost =
    field.length === null ? '' : `, at most ${field.length} characters`
  switch (field.dataType) {
    case 'phone':
      return (
        'digits and a leading + only (no spaces, dashes, dots, brackets or ' +
        `extensions)${atMost}`
      )
    case 'email':
      return 'a valid e-mail address'
    case 'date':
      return 'a date written yyyy-MM-dd'
    case 'datetime':
      return 'a date and time with its offset, e.g. 2024-05-01T09:30:00+02:00'
    case 'integer':
      return 'a whole number of at most 9 digits'
    case 'bigint':
      return 'a whole number of at most 18 digits'
    case 'double':
    case 'currency':
    case 'percent':
      return `a number${field.decimalPlaces === null ? '' : ` with at most ${field.decimalPlaces} decimals`}`
    case 'boolean':
      return 'true or false'
    case 'website':
      return 'a web address'
    case 'text':
    case 'textarea':
      return field.length === null
        ? null
        : `text of at most ${field.length} characters`
    default:
      return null
  }
}

/** Hints of every field of a module, kept with a run. */
export function hintsByField(
  fields: readonly CrmField[],
): Record<string, string> {
  const hints: Record<string, string> = {}
  for (const field of fields) {
    const hint = valueHint(field)
    if (hint !== null) hints[field.apiName] = hint
  }
  return hints
}
