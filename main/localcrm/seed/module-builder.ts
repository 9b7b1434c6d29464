import { field, type FieldMeta, type FieldOptions } from './field-builder.ts'

/** A seed line: API name, data type and options. */
export type FieldLine = [string, string, FieldOptions?]

/** Everything LocalCRM knows about one module. */
export interface ModuleSeed {
  /** The module as `GET /settings/modules` lists it. */
  info: Record<string, unknown> & { api_name: string; id: string }
  fields: FieldMeta[]
  /** Fields the standard layout marks required beyond `system_mandatory`. */
  layoutRequired: string[]
  /** The field a lookup from another module shows and may match on. */
  nameField: string
  /** False for modules bulk write refuses (Calls, Notes...). */
  bulkWritable: boolean
}

/** Lines every record module has: owner and the audit fields. */
export const SYSTEM_LINES: FieldLine[] = [
  ['Owner', 'ownerlookup'],
  ['Created_By', 'ownerlookup', { readOnly: true }],
  ['Modified_By', 'ownerlookup', { readOnly: true }],
  ['Created_Time', 'datetime', { readOnly: true }],
  ['Modified_Time', 'datetime', { readOnly: true }],
]

/** Builds a module from its seed lines. */
export function buildModule(
  moduleNo: number,
  apiName: string,
  singular: string,
  lines: FieldLine[],
  extra: Omit<Partial<ModuleSeed>, 'info'> & {
    nameField: string
    info?: Record<string, unknown>
  },
): ModuleSeed {
  const id = `415086800000000${String(2000 + moduleNo)}`
  const custom = extra.info?.generated_type === 'custom'
  const fields = [...SYSTEM_LINES, ...lines].map(([name, type, options], i) =>
    field(moduleNo, i + 1, name, type, {
      custom: custom && !SYSTEM_LINES.some((line) => line[0] === name),
      ...options,
    }),
  )
  return {
    info: {
      id,
      api_name: apiName,
      module_name: apiName,
      singular_label: singular,
      plural_label: apiName.replace(/_/g, ' '),
      generated_type: 'default',
      api_supported: true,
      creatable: true,
      editable: true,
      deletable: true,
      viewable: true,
      visible: true,
      visibility: 1,
      status: 'visible',
      sequence_number: moduleNo,
      ...extra.info,
    },
    fields,
    layoutRequired: extra.layoutRequired ?? [],
    nameField: extra.nameField,
    bulkWritable: extra.bulkWritable ?? true,
  }
}
