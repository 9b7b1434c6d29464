import type { IncomingMessage, ServerResponse } from 'node:http'

/** Zoho's shared error body: `{code, details, message, status:"error"}`. */
export interface ZohoError {
  code: string
  details: Record<string, unknown>
  message: string
  status: 'error'
}

/** A handler's answer: a status, a JSON body and optional extra headers. */
export interface JsonReply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** Builds a reply carrying Zoho's error shape. */
export function errorReply(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): JsonReply {
  const body: ZohoError = { code, details, message, status: 'error' }
  return { status, body }
}

/** Writes a JSON reply; 204 replies carry no body, as Zoho's do. */
export function sendJson(res: ServerResponse, reply: JsonReply): void {
  if (res.headersSent || res.destroyed) return

  const headers = { ...reply.headers }
  if (reply.status === 204) {
    res.writeHead(204, headers)
    res.end()
    return
  }

  const text = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    ...headers,
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/** Thrown when a request body is larger than the route allows. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
}

/** Reads a whole request body, refusing more than `limit` bytes. */
export async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)

    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Reads a JSON body; returns undefined when it is not valid JSON. */
export async function readJson(
  req: IncomingMessage,
  limit: number,
): Promise<unknown> {
  const text = (await readBody(req, limit)).toString('utf8')
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Narrows an unknown value to a plain object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Formats an instant the way Zoho prints times: `2021-05-11T12:38:29+00:00`. */
export function zohoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}
