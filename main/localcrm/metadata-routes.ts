import { errorReply, type JsonReply } from './http-util.ts'
import type { Metadata } from './metadata.ts'
import { type Route, VERSION } from './route-types.ts'
import { need } from './scopes.ts'
import { ORG, USERS } from './seed/org.ts'

const noModule = (name: string | null): JsonReply =>
  name
    ? errorReply(
        400,
        'INVALID_MODULE',
        'the module name given seems to be invalid',
        {
          module: name,
        },
      )
    : errorReply(
        400,
        'REQUIRED_PARAM_MISSING',
        'One of the expected parameter is missing',
        {
          param: 'module',
        },
      )

/** Org, modules, fields, layouts and users, in Zoho's v8 shapes. */
export function metadataRoutes(metadata: Metadata): Route[] {
  const v = VERSION
  return [
    {
      method: 'GET',
      path: new RegExp(`^/crm/${v}/org$`),
      scopes: () => [need('ZohoCRM.org', 'READ')],
      handle: async () => ({ status: 200, body: { org: [ORG] } }),
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/${v}/settings/modules$`),
      scopes: () => [need('ZohoCRM.settings.modules', 'READ')],
      handle: async () => ({
        status: 200,
        body: { modules: metadata.modules.map((m) => m.info) },
      }),
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/${v}/settings/modules/([^/]+)$`),
      scopes: () => [need('ZohoCRM.settings.modules', 'READ')],
      handle: async (ctx) => {
        const module = metadata.module(decodeURIComponent(ctx.params[0] ?? ''))
        if (!module) return noModule(ctx.params[0] ?? '')

        return {
          status: 200,
          body: { modules: [{ ...module.info, fields: module.fields }] },
        }
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/${v}/settings/fields$`),
      scopes: () => [need('ZohoCRM.settings.fields', 'READ')],
      handle: async (ctx) => {
        const name = ctx.url.searchParams.get('module')
        const module = name ? metadata.module(name) : undefined
        if (!module) return noModule(name)

        return { status: 200, body: { fields: module.fields } }
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/${v}/settings/fields/(\\d+)$`),
      scopes: () => [need('ZohoCRM.settings.fields', 'READ')],
      handle: async (ctx) => {
        const name = ctx.url.searchParams.get('module')
        const module = name ? metadata.module(name) : undefined
        if (!module) return noModule(name)

        const field = module.fields.find((f) => f.id === ctx.params[0])
        if (!field) {
          return errorReply(
            400,
            'INVALID_DATA',
            'the given field id seems to be invalid',
            {
              id: ctx.params[0],
            },
          )
        }
        return { status: 200, body: { fields: [field] } }
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/${v}/settings/layouts$`),
      scopes: () => [need('ZohoCRM.settings.layouts', 'READ')],
      handle: async (ctx) => {
        const name = ctx.url.searchParams.get('module')
        const module = name ? metadata.module(name) : undefined
        if (!module) return noModule(name)

        const fields = module.fields.map((f) => ({
          api_name: f.api_name,
          display_label: f.display_label,
          id: f.id,
          data_type: f.data_type,
          required:
            f.system_mandatory || module.layoutRequired.includes(f.api_name),
          system_mandatory: f.system_mandatory,
        }))
        const layout = {
          id: metadata.layoutId(module),
          name: 'Standard',
          api_name: 'Standard',
          display_label: 'Standard',
          status: 'active',
          sections: [
            {
              display_label: `${String(module.info.singular_label)} Information`,
              api_name: `${String(module.info.singular_label)}_Information`,
              sequence_number: 1,
              fields,
            },
          ],
        }
        return { status: 200, body: { layouts: [layout] } }
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/crm/${v}/users$`),
      scopes: () => [need('ZohoCRM.users', 'READ')],
      handle: async (ctx) => {
        const type = ctx.url.searchParams.get('type') ?? 'AllUsers'
        const users = type === 'CurrentUser' ? USERS.slice(0, 1) : USERS
        return {
          status: 200,
          body: {
            users,
            info: {
              per_page: 200,
              count: users.length,
              page: 1,
              more_records: false,
            },
          },
        }
      },
    },
  ]
}
