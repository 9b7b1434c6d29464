/**
 * The preload script: the only bridge between the sandboxed renderer and the
 * main process. It exposes one object, `window.bulkwright`, with one method
 * per request of the contract and a listener for its events. Nothing else
 * from Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  EVENT_NAMES,
  REQUEST_NAMES,
  type BulkwrightApi,
  type EventName,
} from '../app/contract.ts'

const events: ReadonlySet<string> = new Set(EVENT_NAMES)

function buildApi(): BulkwrightApi {
  const requests = Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      (request: unknown) => ipcRenderer.invoke(name, request),
    ]),
  ) as Omit<BulkwrightApi, 'on' | 'openFile'>

  return {
    ...requests,
    on(event: EventName, listener: (payload: unknown) => void) {
      if (!events.has(event)) throw new Error(`Unknown event ${event}`)

      const wrapped = (_sender: unknown, payload: unknown) => listener(payload)
      ipcRenderer.on(event, wrapped)
      return () => ipcRenderer.removeListener(event, wrapped)
    },
    async openFile(file: File) {
      // Files dropped from disk have a path; the main process streams them.
      const path = webUtils.getPathForFile(file)
      if (path !== '') return requests.openFilePath({ path })

      const bytes = new Uint8Array(await file.arrayBuffer())
      return requests.openFileBytes({ name: file.name, bytes })
    },
  } as BulkwrightApi
}

contextBridge.exposeInMainWorld('bulkwright', buildApi())
