/** One entry of a picklist, in Zoho's `pick_list_values` shape. */
export interface PickListValue {
  display_value: string
  actual_value: string
  reference_value: string
  id: string
  sequence_number: number
  type: 'used' | 'unused'
  colour_code: null
}

/** A field's metadata exactly as `GET /settings/fields` returns it. */
export interface FieldMeta {
  api_name: string
  field_label: string
  display_label: string
  data_type: string
  json_type: string
  length: number
  decimal_place: number | null
  system_mandatory: boolean
  read_only: boolean
  field_read_only: boolean
  custom_field: boolean
  visible: boolean
  unique: { casesensitive?: string }
  pick_list_values: PickListValue[]
  lookup: { module?: { api_name: string; id: string }; [key: string]: unknown }
  id: string
  operation_type: {
    web_update: boolean
    api_create: boolean
    web_create: boolean
    api_update: boolean
  }
  textarea?: { type: 'small' | 'large' | 'rich_text' }
  currency?: { rounding_option: string; precision: number }
}

/** The options a seed line may give; everything else has Zoho's defaults. */
export interface FieldOptions {
  length?: number
  decimals?: number
  mandatory?: boolean
  /** 'false' = unique ignoring case (Zoho's default), 'true' = exact. */
  unique?: 'true' | 'false'
  picklist?: string[]
  lookup?: string
  readOnly?: boolean
  custom?: boolean
  textarea?: 'small' | 'large' | 'rich_text'
  label?: string
}

const JSON_TYPES: Record<string, string> = {
  integer: 'integer',
  bigint: 'string',
  double: 'double',
  currency: 'double',
  percent: 'double',
  boolean: 'boolean',
  lookup: 'jsonobject',
  ownerlookup: 'jsonobject',
  multiselectpicklist: 'jsonarray',
}

const DEFAULT_LENGTH: Record<string, number> = {
  text: 255,
  email: 100,
  phone: 30,
  website: 255,
  picklist: 120,
  multiselectpicklist: 2000,
  integer: 9,
  bigint: 18,
  double: 16,
  currency: 16,
  percent: 5,
  boolean: 5,
  date: 20,
  datetime: 120,
  lookup: 120,
  ownerlookup: 120,
}

const TEXTAREA_LENGTH = { small: 2000, large: 32000, rich_text: 50000 }

/** Builds a field's full metadata from a short seed line. */
export function field(
  moduleNo: number,
  seq: number,
  apiName: string,
  dataType: string,
  options: FieldOptions = {},
): FieldMeta {
  const label = options.label ?? apiName.replace(/_/g, ' ')
  const id = `415086800000${pad(moduleNo, 3)}${pad(seq, 4)}`
  const readOnly = options.readOnly ?? false
  const textarea =
    dataType === 'textarea' ? (options.textarea ?? 'small') : undefined
  const length =
    options.length ??
    (textarea ? TEXTAREA_LENGTH[textarea] : (DEFAULT_LENGTH[dataType] ?? 255))
  const decimals =
    options.decimals ?? (['currency', 'double'].includes(dataType) ? 2 : null)

  const meta: FieldMeta = {
    api_name: apiName,
    field_label: label,
    display_label: label,
    data_type: dataType,
    json_type: JSON_TYPES[dataType] ?? 'string',
    length,
    decimal_place: decimals,
    system_mandatory: options.mandatory ?? false,
    read_only: readOnly,
    field_read_only: readOnly,
    custom_field: options.custom ?? false,
    visible: true,
    unique: options.unique ? { casesensitive: options.unique } : {},
    pick_list_values: (options.picklist ?? []).map((value, i) =>
      pickListValue(value, `${id}${String(i + 1).padStart(2, '0')}`, i + 1),
    ),
    lookup: {},
    id,
    operation_type: {
      web_update: !readOnly,
      api_create: !readOnly,
      web_create: !readOnly,
      api_update: !readOnly,
    },
  }
  if (options.lookup) {
    meta.lookup = {
      display_label: label,
      api_name: apiName,
      module: { api_name: options.lookup, id: '' },
      id: `${id}1`,
      query_details: {},
      revalidate_filter_during_edit: false,
    }
  }
  if (textarea) meta.textarea = { type: textarea }
  if (dataType === 'currency') {
    meta.currency = { rounding_option: 'normal', precision: decimals ?? 2 }
  }
  return meta
}

/** Builds one picklist entry. */
export function pickListValue(
  value: string,
  id: string,
  sequence: number,
): PickListValue {
  return {
    display_value: value,
    actual_value: value,
    reference_value: value,
    id,
    sequence_number: sequence,
    type: 'used',
    colour_code: null,
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}
