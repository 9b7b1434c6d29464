import { z } from 'zod'
import type { CsvColumn } from '../csv/csv-types.ts'
import type { ImportMapping } from './import-mapping.ts'

/**
 * A mapping saved to a file, reusable with another file of the same shape:
 * columns are named by their header text, not by position.
 */
export const savedMappingSchema = z.object({
  version: z.literal(1),
  module: z.string().min(1),
  operation: z.enum(['insert', 'update', 'upsert']),
  findBy: z.string().nullable().default(null),
  ignoreEmpty: z.boolean().default(false),
  fields: z.array(
    z.object({
      field: z.string().min(1),
      column: z.string().nullable(),
      defaultValue: z.string().nullable().default(null),
      lookupFindBy: z.string().nullable().default(null),
    }),
  ),
})

/** The file form of a mapping. */
export type SavedMapping = z.infer<typeof savedMappingSchema>

/** Turns a mapping into its file form. */
export function saveMapping(
  mapping: ImportMapping,
  columns: CsvColumn[],
): SavedMapping {
  return {
    version: 1,
    module: mapping.module,
    operation: mapping.operation,
    findBy: mapping.findBy,
    ignoreEmpty: mapping.ignoreEmpty,
    fields: mapping.fields.map((entry) => ({
      field: entry.apiName,
      column:
        entry.column === null
          ? null
          : (columns.find((c) => c.index === entry.column)?.name ?? null),
      defaultValue: entry.defaultValue,
      lookupFindBy: entry.lookupFindBy,
    })),
  }
}

/** Why a saved mapping cannot be used with a file. */
export interface SavedMappingError {
  code: 'NOT_A_MAPPING' | 'COLUMN_NOT_IN_FILE'
  message: string
}

function describeIssue(
  issue: { path: PropertyKey[]; message: string } | undefined,
): string {
  if (issue === undefined) return 'unreadable'
  const where = issue.path.map(String).join('.')
  if (where === 'version') return 'it has no "version": 1'
  return where === '' ? issue.message : `"${where}": ${issue.message}`
}

/** Reads a mapping file's JSON and applies it to a file's columns. */
export function loadMapping(
  json: unknown,
  columns: CsvColumn[],
  source: string,
): ImportMapping | SavedMappingError {
  const parsed = savedMappingSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      code: 'NOT_A_MAPPING',
      message:
        `${source} is not a Bulkwright mapping file (${describeIssue(issue)}). ` +
        "Save the mapping again with the wizard's Save mapping button.",
    }
  }

  const fields = []
  for (const entry of parsed.data.fields) {
    const column =
      entry.column === null
        ? null
        : columns.find((c) => c.name === entry.column)
    if (column === undefined) {
      return {
        code: 'COLUMN_NOT_IN_FILE',
        message:
          `${source} maps the column "${entry.column}" to ${entry.field}, ` +
          'but the file has no column with that header.',
      }
    }
    fields.push({
      apiName: entry.field,
      column: column === null ? null : column.index,
      defaultValue: entry.defaultValue,
      lookupFindBy: entry.lookupFindBy,
    })
  }

  const { module, operation, findBy, ignoreEmpty } = parsed.data
  return { module, operation, findBy, ignoreEmpty, fields }
}

/** Tells an error from a mapping. */
export function isMappingError(
  value: ImportMapping | SavedMappingError,
): value is SavedMappingError {
  return 'code' in value
}
