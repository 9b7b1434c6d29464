import { readFile } from 'node:fs/promises'
import type { ColumnSummary } from '../../app/contract.ts'
import type { CrmField, ImportOperation } from '../../app/fields/crm-field.ts'
import { firstViewMatch } from '../../app/mapping/auto-match.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { isMappingError, loadMapping } from '../../app/mapping/saved-mapping.ts'
import { UserFacingError } from '../user-facing-error.ts'

/** What the command line says about the mapping; unset options are null. */
export interface MappingOptions {
  module: string
  operation: ImportOperation | null
  findBy: string | null
  mappingFile: string | null
}

async function readMappingFile(
  path: string,
  columns: ColumnSummary[],
): Promise<ImportMapping> {
  const text = await readFile(path, 'utf8').catch(() => null)
  if (text === null) {
    throw new UserFacingError(
      'NO_MAPPING_FILE',
      `Cannot read the mapping file ${path}. Check the path; the wizard's ` +
        '"Save mapping" button writes such a file.',
    )
  }

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new UserFacingError(
      'NOT_A_MAPPING',
      `${path} is not JSON, so it is not a mapping file.`,
    )
  }
  const mapping = loadMapping(json, columns, path)
  if (isMappingError(mapping))
    throw new UserFacingError(mapping.code, mapping.message)
  return mapping
}

/**
 * The mapping of a CLI import: the saved mapping file when given, else the
 * same automatic matching the wizard opens with. Options given on the
 * command line win over the file's.
 */
export async function cliMapping(
  options: MappingOptions,
  columns: ColumnSummary[],
  fields: CrmField[],
): Promise<ImportMapping> {
  const base: ImportMapping =
    options.mappingFile === null
      ? {
          module: options.module,
          operation: 'insert',
          findBy: null,
          ignoreEmpty: false,
          fields: firstViewMatch(columns, fields),
        }
      : await readMappingFile(options.mappingFile, columns)

  const operation = options.operation ?? base.operation
  return {
    ...base,
    module: options.module,
    operation,
    findBy: options.findBy ?? base.findBy,
    ignoreEmpty:
      options.mappingFile === null ? operation !== 'insert' : base.ignoreEmpty,
  }
}

/** One line per mapped field and one for the columns left out, for stderr. */
export function describeMapping(
  mapping: ImportMapping,
  columns: ColumnSummary[],
): string {
  const name = (index: number | null) =>
    index === null
      ? '(default value)'
      : (columns.find((c) => c.index === index)?.name ?? '?')
  const used = new Set(mapping.fields.map((entry) => entry.column))
  const unused = columns
    .filter((column) => !used.has(column.index))
    .map((c) => c.name)
  const target = `${mapping.module}, ${mapping.operation}${mapping.findBy ? ` by ${mapping.findBy}` : ''}`
  const lines = mapping.fields.map(
    (entry) => `  ${name(entry.column)} → ${entry.apiName}`,
  )
  return (
    `Mapping (${target}):\n${lines.join('\n')}\n` +
    (unused.length > 0 ? `  not sent: ${unused.join(', ')}\n` : '')
  )
}
