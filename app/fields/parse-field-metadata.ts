import type { CrmDataType, CrmField, CrmModule } from './crm-field.ts'

const KNOWN_TYPES: ReadonlySet<string> = new Set<CrmDataType>([
  'text',
  'textarea',
  'email',
  'phone',
  'website',
  'picklist',
  'multiselectpicklist',
  'date',
  'datetime',
  'integer',
  'bigint',
  'double',
  'currency',
  'percent',
  'boolean',
  'lookup',
  'ownerlookup',
])

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

function positiveNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : null
}

function parseUnique(value: unknown): { unique: boolean; cs: boolean } {
  if (!isObject(value) || Object.keys(value).length === 0) {
    return { unique: false, cs: false }
  }

  // Zoho sends {"casesensitive":"false"}; a boolean is accepted too.
  const cs = value.casesensitive
  return { unique: true, cs: cs === true || cs === 'true' }
}

function parsePicklist(value: unknown): string[] {
  if (!Array.isArray(value)) return []

  return value
    .filter(isObject)
    .map((entry) => text(entry.actual_value, text(entry.display_value)))
    .filter((entry) => entry !== '' && entry !== '-None-')
}

/**
 * Turns one entry of `GET /settings/fields` into a CrmField.
 * Returns null for an entry without an `api_name`.
 */
export function parseField(
  raw: unknown,
  layoutRequired = false,
): CrmField | null {
  if (!isObject(raw) || typeof raw.api_name !== 'string') return null

  const rawType = text(raw.data_type, 'other')
  const operation = isObject(raw.operation_type) ? raw.operation_type : {}
  const unique = parseUnique(raw.unique)
  const lookup = isObject(raw.lookup) ? raw.lookup : {}
  const lookupModule = isObject(lookup.module)
    ? text(lookup.module.api_name)
    : ''
  const textarea = isObject(raw.textarea) ? text(raw.textarea.type) : ''
  const readOnly = raw.field_read_only === true || raw.read_only === true

  return {
    apiName: raw.api_name,
    label: text(raw.display_label, text(raw.field_label, raw.api_name)),
    dataType: KNOWN_TYPES.has(rawType) ? (rawType as CrmDataType) : 'other',
    rawDataType: rawType,
    length: positiveNumber(raw.length),
    decimalPlaces: positiveNumber(raw.decimal_place),
    mandatory: raw.system_mandatory === true || layoutRequired,
    unique: unique.unique,
    uniqueCaseSensitive: unique.cs,
    picklistValues: parsePicklist(raw.pick_list_values),
    lookupModule: lookupModule === '' ? null : lookupModule,
    textareaType:
      textarea === 'small' || textarea === 'large' || textarea === 'rich_text'
        ? textarea
        : null,
    creatable: operation.api_create !== false && !readOnly,
    updatable: operation.api_update !== false && !readOnly,
  }
}

/** Turns the body of `GET /settings/fields?module=` into fields. */
export function parseFieldsResponse(
  body: unknown,
  layoutRequired: ReadonlySet<string> = new Set(),
): CrmField[] {
  if (!isObject(body) || !Array.isArray(body.fields)) return []

  return body.fields
    .map((raw) =>
      parseField(raw, isObject(raw) && layoutRequired.has(text(raw.api_name))),
    )
    .filter((field): field is CrmField => field !== null)
}

/** Reads the API names of layout-required fields from `GET /settings/layouts`. */
export function parseLayoutRequired(body: unknown): Set<string> {
  const required = new Set<string>()
  if (!isObject(body) || !Array.isArray(body.layouts)) return required

  for (const layout of body.layouts.filter(isObject)) {
    const sections = Array.isArray(layout.sections) ? layout.sections : []
    for (const section of sections.filter(isObject)) {
      const fields = Array.isArray(section.fields) ? section.fields : []
      for (const field of fields.filter(isObject)) {
        if (field.required === true) required.add(text(field.api_name))
      }
    }
  }

  return required
}

/** Turns the body of `GET /settings/modules` into the modules bulk write serves. */
export function parseModulesResponse(body: unknown): CrmModule[] {
  if (!isObject(body) || !Array.isArray(body.modules)) return []

  return body.modules
    .filter(isObject)
    .filter((m) => m.api_supported !== false && m.creatable !== false)
    .filter((m) => typeof m.api_name === 'string')
    .map((m) => ({
      apiName: text(m.api_name),
      singularLabel: text(m.singular_label, text(m.api_name)),
      pluralLabel: text(m.plural_label, text(m.api_name)),
    }))
}
