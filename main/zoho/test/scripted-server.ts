/**
 * For tests: an HTTP server on 127.0.0.1 that answers each request with the
 * next scripted reply (or cuts the connection), and counts what it saw.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One scripted answer; `cut` closes the socket without answering. */
export type Scripted =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | 'cut'

/** A running scripted server. */
export interface ScriptedServer {
  url: string
  /** Paths requested, in order. */
  seen: string[]
  close(): Promise<void>
}

/** Starts a server that plays `script` in order, then repeats the last. */
export async function startScriptedServer(
  script: Scripted[],
): Promise<ScriptedServer> {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const next = script[Math.min(seen.length - 1, script.length - 1)]!
    req.resume()
    if (next === 'cut') {
      req.socket.destroy()
      return
    }
    res.writeHead(next.status, {
      'content-type': 'application/json',
      ...next.headers,
    })
    res.end(JSON.stringify(next.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
