import { errorReply, isObject, readJson } from './http-util.ts'
import type { Faults, FaultSettings } from './faults.ts'
import type { Route } from './route-types.ts'

/**
 * The fault control endpoint, `/__localcrm/faults`: POST arms faults
 * (JSON `FaultSettings`), DELETE disarms all, GET lists what is armed.
 * Served to loopback callers only. `POST /__localcrm/self-client-code`
 * hands out a grant code as Zoho's API console does for a Self Client.
 */
export function controlRoutes(
  faults: Faults,
  selfClientCode?: () => string,
): Route[] {
  const path = /^\/__localcrm\/faults$/
  return [
    {
      method: 'POST',
      path: /^\/__localcrm\/self-client-code$/,
      handle: async () =>
        selfClientCode
          ? { status: 200, body: { code: selfClientCode() } }
          : errorReply(404, 'INVALID_URL_PATTERN', 'no Self Client here'),
    },
    {
      method: 'GET',
      path,
      handle: async () => ({ status: 200, body: { faults: faults.active() } }),
    },
    {
      method: 'POST',
      path,
      handle: async (ctx) => {
        const body = await readJson(ctx.req, 64 * 1024)
        if (!isObject(body))
          return errorReply(
            400,
            'INVALID_DATA',
            'send a JSON object of fault settings',
          )

        faults.set(body as FaultSettings)
        return { status: 200, body: { faults: faults.active() } }
      },
    },
    {
      method: 'DELETE',
      path,
      handle: async () => {
        faults.reset()
        return { status: 200, body: { faults: {} } }
      },
    },
  ]
}
