import type { ImportOperation } from '../fields/crm-field.ts'

/** How one CRM field is filled from the file. */
export interface FieldMapping {
  /** API name of the CRM field. */
  apiName: string
  /** 0-based CSV column, or null when only a default value fills the field. */
  column: number | null
  /** Used when the cell is empty (or when column is null). */
  defaultValue: string | null
  /**
   * For lookup and owner fields: how Zoho finds the related record
   * (`id`, a unique field of the related module, or `email` for owners).
   */
  lookupFindBy: string | null
}

/** Everything Zoho needs to know about an import besides the rows. */
export interface ImportMapping {
  module: string
  operation: ImportOperation
  /** The unique field (or `id`) that identifies records for update and upsert. */
  findBy: string | null
  /** Empty cells leave CRM values as they are instead of clearing them. */
  ignoreEmpty: boolean
  fields: FieldMapping[]
}
