import type { JsonDocument } from './json-file.ts'
import { pickListValue, type FieldMeta } from './seed/field-builder.ts'
import type { ModuleSeed } from './seed/module-builder.ts'
import type { StateDoc } from './store.ts'

/**
 * The org's modules and fields, from the seed plus the picklist values that
 * imports have added since (kept in `state.json`).
 */
export class Metadata {
  constructor(
    readonly modules: ModuleSeed[],
    private readonly state: JsonDocument<StateDoc>,
  ) {
    for (const [module, fields] of Object.entries(state.value.picklists)) {
      for (const [fieldName, values] of Object.entries(fields)) {
        const field = this.field(module, fieldName)
        for (const value of values) if (field) appendValue(field, value)
      }
    }
  }

  /** A module by API name; Zoho matches module names ignoring case. */
  module(apiName: string): ModuleSeed | undefined {
    const lower = apiName.toLowerCase()
    return this.modules.find((m) => m.info.api_name.toLowerCase() === lower)
  }

  /** A field of a module by its exact API name. */
  field(module: string, apiName: string): FieldMeta | undefined {
    return this.module(module)?.fields.find((f) => f.api_name === apiName)
  }

  /**
   * Fields an insert must fill: system-mandatory or layout-required. A job
   * that names its layout (a `Layout` mapping) skips the layout's own
   * mandatory fields, as Zoho documents for bulk insert into a layout.
   */
  requiredFields(module: ModuleSeed, layoutChosen = false): FieldMeta[] {
    return module.fields.filter(
      (f) =>
        f.system_mandatory ||
        (!layoutChosen && module.layoutRequired.includes(f.api_name)),
    )
  }

  /** The id of the module's one layout, "Standard". */
  layoutId(module: ModuleSeed): string {
    return `${module.info.id.slice(0, -4)}9${module.info.id.slice(-3)}`
  }

  /** Adds an unknown value to a picklist, as Zoho does during imports. */
  addPicklistValue(module: string, fieldName: string, value: string): void {
    const field = this.field(module, fieldName)
    if (!field || hasValue(field, value)) return

    appendValue(field, value)
    const byModule = (this.state.value.picklists[module] ??= {})
    ;(byModule[fieldName] ??= []).push(value)
    this.state.changed()
  }
}

/** True when the picklist already offers `value` (exact match). */
export function hasValue(field: FieldMeta, value: string): boolean {
  return field.pick_list_values.some((p) => p.actual_value === value)
}

function appendValue(field: FieldMeta, value: string): void {
  if (hasValue(field, value)) return

  const sequence = field.pick_list_values.length + 1
  const id = `${field.id}${String(sequence).padStart(2, '0')}`
  field.pick_list_values.push(pickListValue(value, id, sequence))
}
