import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { readBody } from './http-util.ts'

/** Form bodies of the OAuth endpoints are small; refuse anything larger. */
const FORM_LIMIT = 64 * 1024

/**
 * Collects OAuth parameters the three ways Zoho accepts them: the query
 * string, a form body (urlencoded or multipart) and HTTP Basic auth for
 * the client id and secret. Body values win over query values.
 */
export async function readParams(
  req: IncomingMessage,
  url: URL,
): Promise<Map<string, string>> {
  const params = new Map<string, string>(url.searchParams)
  const type = req.headers['content-type'] ?? ''
  const body = await readBody(req, FORM_LIMIT)

  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(
      Readable.toWeb(Readable.from([body])) as ReadableStream,
      {
        headers: { 'content-type': type },
      },
    ).formData()
    for (const [key, value] of form) {
      if (typeof value === 'string') params.set(key, value)
    }
  } else if (body.length > 0) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
      params.set(key, value)
    }
  }

  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) {
      params.set('client_id', decodeURIComponent(decoded.slice(0, colon)))
      params.set('client_secret', decodeURIComponent(decoded.slice(colon + 1)))
    }
  }
  return params
}
