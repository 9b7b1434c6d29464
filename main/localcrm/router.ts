import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger } from '../log/logger.ts'
import type { Faults } from './faults.ts'
import {
  BodyTooLargeError,
  errorReply,
  sendJson,
  type JsonReply,
} from './http-util.ts'
import type { TokenBook } from './oauth-tokens.ts'
import type { Route } from './route-types.ts'
import { covers } from './scopes.ts'

const log = createLogger('localcrm')
const CONTROL = '/__localcrm/'

/** Routes, tokens and faults: everything one request passes through. */
export interface RouterDeps {
  routes: Route[]
  book: TokenBook
  faults: Faults
  /** Extra headers on every CRM answer (e.g. credits remaining). */
  extraHeaders: () => Record<string, string>
}

/**
 * Handles one request: injected faults first (never on the control
 * endpoint), then the route, the token and its scopes, then the handler.
 * Unknown paths get `INVALID_URL_PATTERN`, known paths with another
 * method `INVALID_REQUEST_METHOD`, and bugs `INTERNAL_ERROR`.
 */
export async function route(
  req: IncomingMessage,
  res: ServerResponse,
  deps: RouterDeps,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = url.pathname
  try {
    if (path.startsWith(CONTROL)) {
      if (!isLoopback(req))
        return sendJson(
          res,
          errorReply(
            403,
            'NO_PERMISSION',
            'the control endpoint answers loopback callers only',
          ),
        )
    } else {
      const fault = deps.faults.onRequest(path)
      if (fault.latencyMs > 0) await sleep(fault.latencyMs)
      if (fault.errorStatus !== null) {
        req.resume()
        return sendJson(res, injectedError(fault.errorStatus))
      }
    }

    const reply = await dispatch(req, res, url, deps)
    // Path only: query strings of the OAuth endpoints can carry secrets.
    log.debug(
      `${req.method ?? ''} ${path} → ${reply?.status ?? res.statusCode}`,
    )
    if (reply) {
      if (path.startsWith('/crm/'))
        reply.headers = { ...deps.extraHeaders(), ...reply.headers }
      sendJson(res, reply)
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return sendJson(res, {
        ...errorReply(413, 'FILE_TOO_LARGE', 'request body too large'),
        headers: { connection: 'close' },
      })
    }
    log.error(`request ${req.method ?? ''} ${path} failed`, error)
    sendJson(res, errorReply(500, 'INTERNAL_ERROR', 'Internal Server Error'))
  }
}

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: RouterDeps,
): Promise<JsonReply | void> {
  const matches = deps.routes.filter((r) => r.path.test(url.pathname))
  if (matches.length === 0) {
    return errorReply(
      404,
      'INVALID_URL_PATTERN',
      'Please check if the URL trying to access is a correct one',
    )
  }

  const route = matches.find((r) => r.method === req.method)
  if (!route)
    return errorReply(
      400,
      'INVALID_REQUEST_METHOD',
      'The http request method type is not a valid one',
    )

  const params = (route.path.exec(url.pathname) ?? [])
    .slice(1)
    .map((p) => p ?? '')
  const ctx = { req, res, url, params, scopes: [] as string[] }
  if (route.scopes) {
    const check = deps.book.check(req.headers.authorization)
    if (!check.ok)
      return errorReply(401, 'INVALID_TOKEN', 'invalid oauth token')

    ctx.scopes = check.scopes
    if (!route.scopes(ctx).every((need) => covers(check.scopes, need))) {
      return errorReply(
        401,
        'OAUTH_SCOPE_MISMATCH',
        'invalid oauth scope to access this URL',
      )
    }
  }
  return route.handle(ctx)
}

function injectedError(status: number): JsonReply {
  if (status === 429)
    return errorReply(429, 'TOO_MANY_REQUESTS', 'too many requests')

  return errorReply(
    status >= 500 && status <= 599 ? status : 500,
    'INTERNAL_ERROR',
    'Internal Server Error',
  )
}

function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? ''
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1'
  )
}
