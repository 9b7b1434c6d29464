/**
 * Test only: what the preload takes from Electron, recording every call so a
 * test can see exactly what the page was given and what crossed to main.
 */
type Listener = (event: unknown, payload: unknown) => void

/** Everything the preload did, read by preload.test.ts. */
export const recorded = {
  exposed: [] as { key: string; api: unknown }[],
  invoked: [] as { channel: string; payload: unknown }[],
  listened: [] as string[],
}

/** Stand-in for `contextBridge`. */
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    recorded.exposed.push({ key, api })
  },
}

/** Stand-in for `ipcRenderer`. */
export const ipcRenderer = {
  async invoke(channel: string, payload: unknown): Promise<unknown> {
    recorded.invoked.push({ channel, payload })
    return { ok: true, value: null }
  },
  on(channel: string, _listener: Listener): void {
    recorded.listened.push(channel)
  },
  removeListener(_channel: string, _listener: Listener): void {},
}

/** Stand-in for `webUtils`. */
export const webUtils = {
  getPathForFile(): string {
    return ''
  },
}
