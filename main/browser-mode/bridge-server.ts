import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import type { AddressInfo } from 'node:net'
import { registerHandlers } from '../ipc/register-handlers.ts'
import { createLogger } from '../log/logger.ts'
import { CONTENT_SECURITY_POLICY } from '../window/content-security-policy.ts'
import { createServices, type ServicesOptions } from '../services.ts'
import { builtCheckWorker } from '../engine/worker-url.ts'
import { decodeBridgeJson, encodeBridgeJson } from './bridge-json.ts'
import { IpcMainStandIn } from './ipc-main-stand-in.ts'

const log = createLogger('browser-mode')

/** Bodies above this are refused (files arrive as base64 JSON). */
const MAX_BODY_BYTES = 700 * 1024 * 1024

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Where the built files are and how to run the services. */
export interface BrowserModeOptions extends ServicesOptions {
  port?: number
  /** The folder holding `renderer/` and `bridge/` from `npm run build`. */
  distDir: string
}

/** A running browser-mode server. */
export interface BrowserMode {
  url: string
  localCrmUrl: string
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Serves the built wizard to a plain browser and carries its requests to the
 * real main-process services. Only the transport differs from the desktop
 * app: the real preload and the real handler registration run here too.
 */
export async function startBrowserMode(
  options: BrowserModeOptions,
): Promise<BrowserMode> {
  // The same built check worker as the desktop app (`npm run build`).
  const services = await createServices({
    checkWorker: builtCheckWorker(options.distDir),
    ...options,
  })
  const ipcMain = new IpcMainStandIn()
  const streams = new Set<ServerResponse>()
  let origin = ''

  registerHandlers(ipcMain, services.handlers, (frame) => frame.url === origin)
  services.setEventSender((event, payload) => {
    const line = `data: ${encodeBridgeJson({ channel: event, payload })}\n\n`
    streams.forEach((stream) => stream.write(line))
  })

  const sendFile = async (
    response: ServerResponse,
    path: string,
    inject = false,
  ) => {
    const safe = normalize(path)
    if (!safe.startsWith(options.distDir)) return notFound(response)

    let body = await readFile(safe).catch(() => null)
    if (body === null) return notFound(response)
    if (inject) {
      // The bridge's preload runs before the wizard, as Electron's would.
      const tag = '<script src="/bridge/preload.js"></script>'
      body = Buffer.from(
        body.toString('utf8').replace('<head>', `<head>${tag}`),
      )
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(safe)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
    })
    response.end(body)
  }

  const notFound = (response: ServerResponse) => {
    response.writeHead(404, { 'Content-Type': 'text/plain' })
    response.end('Not found')
  }

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      log.error('bridge request failed', error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', origin)
    if (
      request.method === 'POST' &&
      url.pathname.startsWith('/bridge/invoke/')
    ) {
      // A page from another origin cannot use the bridge.
      const from = request.headers.origin ?? ''
      const channel = decodeURIComponent(
        url.pathname.slice('/bridge/invoke/'.length),
      )
      const payload = decodeBridgeJson(await readBody(request))
      const answer = await ipcMain.invoke(channel, { url: from }, payload)
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(encodeBridgeJson(answer))
      return
    }
    if (url.pathname === '/bridge/events') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
      })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (url.pathname === '/bridge/preload.js') {
      return sendFile(response, join(options.distDir, 'bridge', 'preload.js'))
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return sendFile(
        response,
        join(options.distDir, 'renderer', 'index.html'),
        true,
      )
    }
    return sendFile(response, join(options.distDir, 'renderer', url.pathname))
  }

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  )
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  log.info(`browser mode on ${origin}`)

  return {
    url: origin,
    localCrmUrl: services.localCrmUrl,
    async close() {
      streams.forEach((stream) => stream.end())
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await services.close()
    },
  }
}
