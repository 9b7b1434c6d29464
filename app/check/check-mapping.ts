import type { CsvColumn } from '../csv/csv-types.ts'
import type { CrmField } from '../fields/crm-field.ts'
import type { ImportMapping } from '../mapping/import-mapping.ts'
import type { CellTransform } from '../plan/job-file.ts'
import { MAX_COLUMNS_PER_JOB } from '../plan/zoho-limits.ts'
import type { Problem, ProblemCode } from './problem.ts'

/** What checking needs to know about the import. */
export interface CheckInput {
  fileName: string
  fields: CrmField[]
  mapping: ImportMapping
  columns: CsvColumn[]
  /** Column transforms; the checker checks the values they produce. */
  transform?: CellTransform
  /** Rows the file probably has, to size the duplicate check up front. */
  expectedRows?: number
}

function mappingProblem(
  code: ProblemCode,
  field: string | null,
  message: string,
  fix: string | null,
): Problem {
  return {
    row: null,
    line: null,
    endLine: null,
    column: null,
    columnName: '',
    field,
    value: '',
    code,
    severity: 'error',
    message,
    fix,
  }
}

/** "Last Name (Last_Name)" */
export function fieldTitle(field: CrmField): string {
  return field.label === field.apiName
    ? field.apiName
    : `${field.label} (${field.apiName})`
}

/** Problems of the mapping itself (mandatory field not mapped, find_by missing, >200 columns). */
export function checkMapping(input: CheckInput): Problem[] {
  const { mapping, fields, fileName } = input
  const problems: Problem[] = []
  const byName = new Map(fields.map((field) => [field.apiName, field]))
  const columnIndexes = new Set(input.columns.map((column) => column.index))
  const mapped = new Set(mapping.fields.map((entry) => entry.apiName))

  for (const entry of mapping.fields) {
    if (!byName.has(entry.apiName) && entry.apiName !== 'id') {
      problems.push(
        mappingProblem(
          'UNKNOWN_FIELD',
          entry.apiName,
          `The mapping names the field ${entry.apiName}, which ${mapping.module} does not have.`,
          'Remove it from the mapping or map the column to another field.',
        ),
      )
    }

    if (entry.column !== null && !columnIndexes.has(entry.column)) {
      problems.push(
        mappingProblem(
          'UNKNOWN_FIELD',
          entry.apiName,
          `The mapping reads ${entry.apiName} from column ${entry.column + 1}, which ${fileName} does not have.`,
          'Map the field to one of the file’s columns.',
        ),
      )
    }
  }

  for (const entry of mapping.fields) {
    const field = byName.get(entry.apiName)
    const insert = mapping.operation !== 'update'
    const writable = insert ? field?.creatable : field?.updatable
    if (!field || writable !== false) continue

    problems.push({
      ...mappingProblem(
        'UNKNOWN_FIELD',
        field.apiName,
        `${fieldTitle(field)} cannot be set by an import${insert ? '' : ' that updates records'}; Zoho ignores or refuses it.`,
        `Unmap ${field.label}.`,
      ),
      severity: 'warning',
    })
  }

  if (mapping.operation !== 'update') {
    for (const field of fields) {
      if (!field.mandatory || mapped.has(field.apiName)) continue

      problems.push(
        mappingProblem(
          'MANDATORY_NOT_MAPPED',
          field.apiName,
          `${fieldTitle(field)} is mandatory in ${mapping.module}, but no column of ${fileName} is mapped to it.`,
          `Map a column to ${field.label}, or give it a default value.`,
        ),
      )
    }
  }

  problems.push(...checkFindBy(input, byName, mapped))
  if (mapping.fields.length > MAX_COLUMNS_PER_JOB) {
    problems.push(
      mappingProblem(
        'LIMIT_EXCEEDED',
        null,
        `${mapping.fields.length} fields are mapped; Zoho accepts at most ${MAX_COLUMNS_PER_JOB} per import.`,
        `Unmap ${mapping.fields.length - MAX_COLUMNS_PER_JOB} fields, or import the rest in a second update.`,
      ),
    )
  }

  return problems
}

function checkFindBy(
  input: CheckInput,
  byName: Map<string, CrmField>,
  mapped: Set<string>,
): Problem[] {
  const { mapping } = input
  const findBy = mapping.findBy
  const needed = mapping.operation !== 'insert'
  if (!findBy) {
    return needed
      ? [
          mappingProblem(
            'FIND_BY_MISSING',
            null,
            `An ${mapping.operation} needs a field that finds the existing records, and none is chosen.`,
            'Choose the record id or a unique field (such as Email) as “find by”.',
          ),
        ]
      : []
  }

  const field = byName.get(findBy)
  if (findBy !== 'id' && !field?.unique) {
    return [
      mappingProblem(
        'FIND_BY_MISSING',
        findBy,
        `${findBy} cannot find records: Zoho only finds records by their id or a unique field.`,
        'Choose the record id or a field with “do not allow duplicates” on.',
      ),
    ]
  }

  if (!mapped.has(findBy)) {
    return [
      mappingProblem(
        'FIND_BY_MISSING',
        findBy,
        `Records are found by ${findBy}, but no column of ${input.fileName} is mapped to it.`,
        `Map the column that holds ${findBy} to it.`,
      ),
    ]
  }

  return []
}
