import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createLogger } from '../log/logger.ts'
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts'

const log = createLogger('window')

/** The wizard page's address, the only page the window may show. */
export function rendererUrl(distDir: string): string {
  return pathToFileURL(join(distDir, 'renderer', 'index.html')).toString()
}

/** Refuses every permission request, navigation and new window. */
function lockDown(window: BrowserWindow, allowedUrl: string): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, done) =>
    done(false),
  )
  session.defaultSession.webRequest.onHeadersReceived((details, done) => {
    done({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== allowedUrl) {
      event.preventDefault()
      log.warn('blocked a navigation away from the wizard')
    }
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    // External links go to the system browser, and only https ones.
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Opens the wizard in a sandboxed, context-isolated window without Node. */
export async function createWindow(distDir: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Bulkwright',
    show: false,
    webPreferences: {
      preload: join(distDir, 'main', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  const url = rendererUrl(distDir)
  lockDown(window, url)
  window.once('ready-to-show', () => window.show())
  await window.loadURL(url)
  return window
}
