/**
 * The CRM's description of a module and its fields, as the rest of the
 * program uses it. Zoho's metadata JSON is turned into these shapes once, at
 * the door (see parse-field-metadata.ts); nothing past that reads raw JSON.
 */

/** Zoho `data_type` values that Bulkwright understands. */
export type CrmDataType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'website'
  | 'picklist'
  | 'multiselectpicklist'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'bigint'
  | 'double'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'lookup'
  | 'ownerlookup'
  | 'other'

/** One CRM field, reduced to what mapping and checking need. */
export interface CrmField {
  apiName: string
  label: string
  dataType: CrmDataType
  /** Zoho's own `data_type` string, kept for display and for `other`. */
  rawDataType: string
  /** Maximum length in characters (or digits for numbers), when Zoho sets one. */
  length: number | null
  /** Digits after the decimal point for currency and decimal fields. */
  decimalPlaces: number | null
  /** Required by the system or by the default layout. */
  mandatory: boolean
  /** "Do not allow duplicate values" is on. */
  unique: boolean
  /** Only meaningful for unique fields. */
  uniqueCaseSensitive: boolean
  /** Allowed values of picklists, as Zoho's `actual_value`. */
  picklistValues: string[]
  /** For lookups: the API name of the related module. */
  lookupModule: string | null
  /** For multi-line fields: `small` (2,000), `large` (32,000) or `rich_text`. */
  textareaType: 'small' | 'large' | 'rich_text' | null
  /** The API may set it on insert. */
  creatable: boolean
  /** The API may set it on update. */
  updatable: boolean
}

/** A module that bulk write can import into. */
export interface CrmModule {
  apiName: string
  singularLabel: string
  pluralLabel: string
}

/** The three operations of Zoho's bulk write API. */
export type ImportOperation = 'insert' | 'update' | 'upsert'
