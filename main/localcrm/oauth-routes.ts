import { readParams } from './request-params.ts'
import {
  parseAuthRequest,
  sendConsentAnswer,
  sendConsentPage,
  sendHtml,
} from './oauth-consent.ts'
import { tokenEndpoint } from './oauth-token-endpoint.ts'
import type { TokenBook } from './oauth-tokens.ts'
import type { Route } from './route-types.ts'

/** Token, revoke and consent endpoints of LocalCRM's accounts server. */
export function oauthRoutes(book: TokenBook, baseUrl: () => string): Route[] {
  const consent = async (
    ctx: Parameters<Route['handle']>[0],
    post: boolean,
  ) => {
    const params = await readParams(ctx.req, ctx.url)
    const request = parseAuthRequest(params, book)
    if (typeof request === 'string') {
      sendHtml(
        ctx.res,
        400,
        `<h1>LocalCRM cannot sign you in</h1><p>${request}</p>`,
      )
      return
    }
    if (post) sendConsentAnswer(ctx.res, params, request, book, baseUrl())
    else sendConsentPage(ctx.res, params, request)
  }

  return [
    {
      method: 'POST',
      path: /^\/oauth\/v2\/token$/,
      handle: async (ctx) =>
        tokenEndpoint(await readParams(ctx.req, ctx.url), book, baseUrl()),
    },
    {
      method: 'POST',
      path: /^\/oauth\/v2\/token\/revoke$/,
      handle: async (ctx) => {
        const params = await readParams(ctx.req, ctx.url)
        const known = book.revoke(params.get('token') ?? '')
        return {
          status: 200,
          body: known
            ? { status: 'success' }
            : { status: 'failure', error: 'invalid_token' },
        }
      },
    },
    {
      method: 'GET',
      path: /^\/oauth\/v2\/auth$/,
      handle: (ctx) => consent(ctx, false),
    },
    {
      method: 'POST',
      path: /^\/oauth\/v2\/auth$/,
      handle: (ctx) => consent(ctx, true),
    },
  ]
}
