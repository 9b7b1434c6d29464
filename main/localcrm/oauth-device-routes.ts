import { sendHtml } from './oauth-consent.ts'
import { DeviceFlow } from './oauth-device.ts'
import type { TokenBook } from './oauth-tokens.ts'
import { readParams } from './request-params.ts'
import type { Route } from './route-types.ts'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Device flow endpoints and the page where a person enters the user code. */
export function deviceRoutes(
  book: TokenBook,
  now: () => number,
  baseUrl: () => string,
): Route[] {
  const flow = new DeviceFlow(book, now)
  const page = `/oauth/v3/device`
  return [
    {
      method: 'POST',
      path: /^\/oauth\/v3\/device\/code$/,
      handle: async (ctx) =>
        flow.start(await readParams(ctx.req, ctx.url), baseUrl() + page),
    },
    {
      method: 'POST',
      path: /^\/oauth\/v3\/device\/token$/,
      handle: async (ctx) =>
        flow.poll(await readParams(ctx.req, ctx.url), baseUrl()),
    },
    {
      method: 'GET',
      path: /^\/oauth\/v3\/device$/,
      handle: async (ctx) => {
        const code = escape(ctx.url.searchParams.get('user_code') ?? '')
        sendHtml(
          ctx.res,
          200,
          `<h1>Connect a device to LocalCRM</h1>
<form method="post" action="${page}"><label>Code <input name="user_code" value="${code}"></label>
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="reject">Reject</button></form>`,
        )
      },
    },
    {
      method: 'POST',
      path: /^\/oauth\/v3\/device$/,
      handle: async (ctx) => {
        const params = await readParams(ctx.req, ctx.url)
        const approve = params.get('decision') === 'accept'
        const known = flow.decide(params.get('user_code') ?? '', approve)
        if (!known) {
          sendHtml(
            ctx.res,
            400,
            '<h1>Unknown or expired code</h1><p>Ask the app for a new code and try again.</p>',
          )
          return
        }
        sendHtml(
          ctx.res,
          200,
          approve
            ? '<h1>Done</h1><p>You can return to the app.</p>'
            : '<h1>Access denied</h1>',
        )
      },
    },
  ]
}
