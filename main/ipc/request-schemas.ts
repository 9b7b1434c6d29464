import { z } from 'zod'
import type { ProblemCode } from '../../app/check/problem.ts'
import type { RequestName, Requests } from '../../app/contract.ts'
import { savedMappingSchema } from '../../app/mapping/saved-mapping.ts'

const mapping = z.object({
  module: z.string().min(1).max(100),
  operation: z.enum(['insert', 'update', 'upsert']),
  findBy: z.string().max(100).nullable(),
  ignoreEmpty: z.boolean(),
  fields: z
    .array(
      z.object({
        apiName: z.string().min(1).max(100),
        column: z.number().int().min(0).max(100_000).nullable(),
        defaultValue: z.string().max(32_000).nullable(),
        lookupFindBy: z.string().max(100).nullable(),
      }),
    )
    .max(1_000),
})

const id = z.string().min(1).max(100)

const rowFilter = z.object({
  onlyProblems: z.boolean(),
  column: z.number().int().min(0).max(100_000).nullable(),
  code: z
    .string()
    .regex(/^[A-Z_]{1,40}$/)
    .nullable() as z.ZodType<ProblemCode | null>,
})

const transformChoice = z.object({
  fileId: id,
  column: z.number().int().min(0).max(100_000),
  transform: z.enum([
    'trim',
    'phone-drop-extension',
    'date-dmy',
    'date-mdy',
    'number-comma',
    'number-dot',
    'checkbox',
    'picklist',
  ]),
})

const rowNumber = z.number().int().min(0).max(100_000_000)

const zohoSignIn = z.object({
  dataCentre: z.enum(['us', 'eu', 'in', 'au', 'jp', 'cn', 'ca', 'sa', 'uk']),
  environment: z.enum(['production', 'sandbox', 'developer']),
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().trim().max(200),
})

/**
 * The schema of every request payload. The main process checks each payload
 * against its schema before any handler runs.
 */
export const requestSchemas: {
  [K in RequestName]: z.ZodType<Requests[K]['request']>
} = {
  getConnection: z.null(),
  connectZoho: zohoSignIn,
  connectSelfClient: zohoSignIn.extend({
    code: z.string().trim().min(1).max(500),
  }),
  cancelConnect: z.null(),
  useConnection: z.object({ kind: z.enum(['localcrm', 'zoho']) }),
  disconnectZoho: z.null(),
  refreshMetadata: z.null(),
  listModules: z.null(),
  listFields: z.object({ module: z.string().min(1).max(100) }),
  openFilePath: z.object({ path: z.string().min(1).max(4_096) }),
  reopenFile: z.object({
    fileId: z.string().min(1).max(100),
    layout: z
      .object({
        encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
        delimiter: z.enum([',', ';', '\t', '|', ':']),
        headerLine: z.number().int().min(1).max(1_000),
      })
      .partial(),
  }),
  openFileBytes: z.object({
    name: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array),
  }),
  listRecentMappings: z.null(),
  rememberMapping: z.object({
    headers: z.array(z.string().max(1_000)).max(2_000),
    mapping: savedMappingSchema,
  }),
  checkImport: z.object({
    fileId: id,
    mapping,
    background: z.boolean().optional(),
  }),
  listRows: z.object({
    fileId: id,
    offset: rowNumber,
    limit: z.number().int().min(1).max(500),
    filter: rowFilter,
  }),
  editCell: z.object({
    fileId: id,
    row: rowNumber,
    column: z.number().int().min(0).max(100_000),
    value: z.string().max(32_000),
  }),
  excludeRows: z.object({
    fileId: id,
    rows: z.array(rowNumber).max(100_000).nullable(),
    filter: rowFilter.nullable(),
    excluded: z.boolean(),
  }),
  previewTransform: transformChoice,
  applyTransform: transformChoice,
  undoTransform: z.object({
    fileId: id,
    column: z.number().int().min(0).max(100_000),
  }),
  startImport: z.object({
    fileId: id,
    mapping,
    sendRowsWithErrors: z.boolean(),
  }),
  getRun: z.object({ runId: id }),
  getReport: z.object({ runId: id }),
  exportSkipped: z.object({
    runId: id,
    format: z.enum(['spreadsheet', 'reimport']).optional(),
  }),
  listRuns: z.null(),
  openSkippedRows: z.object({ runId: id }),
  resumeRun: z.object({ runId: id }),
}
