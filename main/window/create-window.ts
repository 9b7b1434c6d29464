import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { secureWebPreferences } from './web-preferences.ts'

/** The wizard page's address, the only page the window may show. */
export function rendererUrl(distDir: string): string {
  return pathToFileURL(join(distDir, 'renderer', 'index.html')).toString()
}

/**
 * Opens the wizard in a sandboxed, context-isolated window without Node.
 * The entry point locks the session and every web contents down before
 * this runs (`lockDownSession`, `lockDownContents`).
 */
export async function createWindow(distDir: string): Promise<BrowserWindow> {
  // electronegativity-ok CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK,
  // AUXCLICK_JS_CHECK: the scanner cannot follow secureWebPreferences(),
  // which sets contextIsolation, sandbox and disableBlinkFeatures 'Auxclick'
  // (checked by web-preferences.test.ts).
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Bulkwright',
    show: false,
    // The preload is our own bundled script; it exposes only the contract's
    // methods (preload.test.ts, e2e/security.spec.ts).
    webPreferences: secureWebPreferences(join(distDir, 'main', 'preload.cjs'), {
      packaged: app.isPackaged,
    }),
  })
  const url = rendererUrl(distDir)
  window.once('ready-to-show', () => window.show())
  await window.loadURL(url)
  return window
}
