/**
 * Browser mode only: a stand-in for the three things the preload script
 * takes from Electron. Requests go to the bridge server over fetch, events
 * come back over Server-Sent Events. The real preload runs on top of it.
 */
import { decodeBridgeJson, encodeBridgeJson } from '../bridge-json.ts'

type Listener = (event: unknown, payload: unknown) => void

const listeners = new Map<string, Set<Listener>>()
let source: EventSource | null = null

function connectEvents(): void {
  if (source !== null) return

  source = new EventSource('/bridge/events')
  source.onmessage = (message: MessageEvent<string>) => {
    const { channel, payload } = decodeBridgeJson(message.data) as {
      channel: string
      payload: unknown
    }
    listeners.get(channel)?.forEach((listener) => listener({}, payload))
  }
}

/** Stand-in for Electron's `ipcRenderer`. */
export const ipcRenderer = {
  async invoke(channel: string, payload: unknown): Promise<unknown> {
    const response = await fetch(
      `/bridge/invoke/${encodeURIComponent(channel)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: encodeBridgeJson(payload ?? null),
      },
    )
    return decodeBridgeJson(await response.text())
  },
  on(channel: string, listener: Listener): void {
    connectEvents()
    const set = listeners.get(channel) ?? new Set()
    set.add(listener)
    listeners.set(channel, set)
  },
  removeListener(channel: string, listener: Listener): void {
    listeners.get(channel)?.delete(listener)
  },
}

/** Stand-in for Electron's `contextBridge`. */
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    Object.defineProperty(window, key, {
      value: Object.freeze(api),
      writable: false,
    })
  },
}

/**
 * Where a benchmark or test says a File lies on disk, as Electron knows it
 * for files dropped from the desktop (`window.bulkwrightTestPaths`).
 */
type TestPaths = WeakMap<File, string>

/**
 * Stand-in for Electron's `webUtils`: files in a browser have no path,
 * unless the page was given one for the file (benchmarks open big files by
 * path, as the desktop app does).
 */
export const webUtils = {
  getPathForFile(file: File): string {
    const paths = (window as { bulkwrightTestPaths?: TestPaths })
      .bulkwrightTestPaths
    return paths?.get(file) ?? ''
  },
}
