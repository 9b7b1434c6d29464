import type { JsonReply } from './http-util.ts'
import { bad, MAX_COLUMNS } from './job-request.ts'
import type { Metadata } from './metadata.ts'
import type { ModuleSeed } from './seed/module-builder.ts'
import type { FieldMapping, Operation } from './types.ts'

const AT = '$.resource[0].field_mappings'
/** Letters of Java date patterns that Zoho's `format` may use. */
const FORMAT_LETTERS = /^[yMdHhmsSaEkKzZX]$/

/**
 * Checks field mappings against the module's fields and the CSV header:
 * known, writable fields; indexes inside the header; find_by on lookups;
 * date formats; and, for insert and upsert, every required field mapped.
 * Without mappings the header row names the fields (`Account_Name.id`
 * style for lookups).
 */
export function checkMappings(
  given: FieldMapping[] | null,
  header: string[],
  module: ModuleSeed,
  operation: Operation,
  metadata: Metadata,
): FieldMapping[] | JsonReply {
  if (header.length > MAX_COLUMNS) {
    return bad(
      'HEADER_LIMIT_EXCEEDED',
      `the CSV has more than ${MAX_COLUMNS} columns`,
      'field_mappings',
      AT,
    )
  }

  const mappings = given ?? header.map(mappingFromHeader)
  const seen = new Set<string>()
  for (const [i, m] of mappings.entries()) {
    const at = `${AT}[${i}]`
    const problem = checkOne(m, at, header.length, module, metadata)
    if (problem) return problem

    if (seen.has(m.api_name)) {
      return bad(
        'COEXISTENCE_NOT_ALLOWED',
        `field ${m.api_name} is mapped twice`,
        m.api_name,
        at,
      )
    }
    seen.add(m.api_name)
  }

  if (operation !== 'update') {
    const missing = metadata
      .requiredFields(module, seen.has('Layout'))
      .filter((f) => !seen.has(f.api_name))
    if (missing.length > 0) {
      return {
        status: 400,
        body: {
          code: 'MANDATORY_FIELDS_NOT_MAPPED',
          details: { api_names: missing.map((f) => f.api_name), json_path: AT },
          message: 'All mandatory fields are not mapped for the layout',
          status: 'error',
        },
      }
    }
  }
  return mappings
}

function checkOne(
  m: FieldMapping,
  at: string,
  columns: number,
  module: ModuleSeed,
  metadata: Metadata,
): JsonReply | undefined {
  if (m.api_name === '') {
    return bad(
      'MANDATORY_NOT_FOUND',
      'required key api_name is not found in request body.',
      'api_name',
      `${at}.api_name`,
    )
  }

  if (m.api_name === 'Layout') {
    if (String(m.default_value?.value ?? '') === metadata.layoutId(module))
      return undefined

    return bad(
      'INVALID_DATA',
      'the layout id given seems to be invalid',
      'Layout',
      `${at}.default_value`,
    )
  }

  const field = module.fields.find((f) => f.api_name === m.api_name)
  if (m.api_name !== 'id' && (!field || !field.operation_type.api_create)) {
    return bad(
      'INVALID_FIELD',
      `invalid mapping. invalid api_name ${m.api_name}.`,
      m.api_name,
      `${at}.api_name`,
    )
  }

  if (m.index !== null && (m.index < 0 || m.index >= columns)) {
    return bad(
      'COLUMN_INDEX_NOT_FOUND',
      `column index ${m.index} is not in the file`,
      m.api_name,
      `${at}.index`,
    )
  }
  if (m.index === null && m.default_value === null) {
    return bad(
      'MANDATORY_NOT_FOUND',
      `required key index for field ${m.api_name} is not found in request body.`,
      m.api_name,
      `${at}.index`,
    )
  }

  if (m.format !== null && !validFormat(m.format)) {
    return bad(
      'INVALID_FORMAT',
      `invalid format ${m.format}`,
      m.api_name,
      `${at}.format`,
    )
  }

  if (field?.data_type === 'lookup' || field?.data_type === 'ownerlookup') {
    return checkLookupFindBy(
      m,
      at,
      field.data_type,
      field.lookup.module?.api_name,
      metadata,
    )
  }
  return undefined
}

function checkLookupFindBy(
  m: FieldMapping,
  at: string,
  type: string,
  target: string | undefined,
  metadata: Metadata,
): JsonReply | undefined {
  if (m.index === null) return undefined
  if (m.find_by === null) {
    return bad(
      'MANDATORY_NOT_FOUND',
      `required key find_by for field ${m.api_name} is not found in request body.`,
      m.api_name,
      `${at}.find_by`,
    )
  }

  const findBy = m.find_by
  if (type === 'ownerlookup') {
    if (['id', 'email'].includes(findBy.toLowerCase())) return undefined
  } else if (
    findBy === 'id' ||
    (target && isMatchField(metadata, target, findBy))
  ) {
    return undefined
  }
  return bad(
    'INVALID_FIELD',
    `invalid find_by ${findBy} for field ${m.api_name}`,
    m.api_name,
    `${at}.find_by`,
  )
}

/** A lookup may match on a unique field or the module's name field. */
export function isMatchField(
  metadata: Metadata,
  module: string,
  field: string,
): boolean {
  const seed = metadata.module(module)
  const meta = seed?.fields.find((f) => f.api_name === field)
  return (
    !!seed &&
    !!meta &&
    (seed.nameField === field || meta.unique.casesensitive !== undefined)
  )
}

function validFormat(format: string): boolean {
  const letters = format.replace(/'[^']*'/g, '').match(/[A-Za-z]/g) ?? []
  return letters.length > 0 && letters.every((l) => FORMAT_LETTERS.test(l))
}

function mappingFromHeader(name: string, index: number): FieldMapping {
  const [apiName = '', findBy = null] = name.trim().split('.', 2)
  return {
    api_name: apiName,
    index,
    format: null,
    find_by: findBy,
    module: null,
    parent_column_index: null,
    default_value: null,
  }
}
