import type { IncomingMessage, ServerResponse } from 'node:http'
import type { JsonReply } from './http-util.ts'
import type { ScopeNeed } from './scopes.ts'

/** One request as a handler sees it. */
export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** The capture groups of the route's path pattern. */
  params: string[]
  /** Scopes of the request's access token (empty on open endpoints). */
  scopes: string[]
}

/** One endpoint: method, path pattern, the scopes it needs, the handler. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE'
  path: RegExp
  /** Scopes the token must cover, all of them; absent = no token needed. */
  scopes?: (ctx: RequestContext) => ScopeNeed[]
  /** Answers with JSON, or writes the response itself and returns void. */
  handle: (ctx: RequestContext) => Promise<JsonReply | void>
}

/** API version segments LocalCRM accepts: v2, v2.1 and v3 to v8. */
export const VERSION = 'v(?:2(?:\\.1)?|[3-8])'
