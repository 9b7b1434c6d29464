import { errorReply } from './http-util.ts'
import type { Metadata } from './metadata.ts'
import type { CrmRecord } from './record-table.ts'
import { type Route, VERSION } from './route-types.ts'
import { need } from './scopes.ts'
import type { Store } from './store.ts'

const MAX_PER_PAGE = 200

/**
 * Records API, read only: `GET /crm/v8/{module}` (paged, optional
 * `fields`) and `GET /crm/v8/{module}/{id}`, so people and tests can see
 * what an import stored.
 */
export function recordsRoutes(metadata: Metadata, store: Store): Route[] {
  const moduleScope = (name: string) => [
    need(`ZohoCRM.modules.${name.toLowerCase()}`, 'READ'),
  ]
  const invalidModule = (name: string) =>
    errorReply(
      400,
      'INVALID_MODULE',
      'the module name given seems to be invalid',
      { module: name },
    )

  return [
    {
      method: 'GET',
      path: new RegExp(`^/crm/${VERSION}/([A-Za-z0-9_]+)$`),
      scopes: (ctx) => moduleScope(ctx.params[0] ?? ''),
      handle: async (ctx) => {
        const name = ctx.params[0] ?? ''
        const module = metadata.module(name)
        if (!module || !module.bulkWritable) return invalidModule(name)

        const page = Math.max(
          1,
          Number(ctx.url.searchParams.get('page') ?? 1) || 1,
        )
        const perPage = Math.min(
          MAX_PER_PAGE,
          Math.max(
            1,
            Number(ctx.url.searchParams.get('per_page') ?? MAX_PER_PAGE) ||
              MAX_PER_PAGE,
          ),
        )
        const table = store.table(module.info.api_name)
        const fields = ctx.url.searchParams
          .get('fields')
          ?.split(',')
          .map((f) => f.trim())
        const data = table
          .page((page - 1) * perPage, perPage)
          .map((r) => pick(r, fields))
        if (data.length === 0) return { status: 204, body: null }

        return {
          status: 200,
          body: {
            data,
            info: {
              per_page: perPage,
              count: data.length,
              page,
              more_records: page * perPage < table.size,
            },
          },
        }
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/${VERSION}/([A-Za-z0-9_]+)/(\\d+)$`),
      scopes: (ctx) => moduleScope(ctx.params[0] ?? ''),
      handle: async (ctx) => {
        const name = ctx.params[0] ?? ''
        const module = metadata.module(name)
        if (!module || !module.bulkWritable) return invalidModule(name)

        const record = store
          .table(module.info.api_name)
          .get(ctx.params[1] ?? '')
        if (!record) {
          return errorReply(
            400,
            'INVALID_DATA',
            'the related id given seems to be invalid',
            { id: ctx.params[1] },
          )
        }
        return { status: 200, body: { data: [record] } }
      },
    },
  ]
}

function pick(record: CrmRecord, fields: string[] | undefined): CrmRecord {
  if (!fields) return record

  const out: CrmRecord = { id: record.id }
  for (const f of fields) if (f in record) out[f] = record[f]
  return out
}
