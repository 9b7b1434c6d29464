/**
 * The desktop app's entry point: locks Electron down, starts the services
 * (LocalCRM included), binds them to IPC and opens the wizard's window.
 */
import {
  app,
  ipcMain,
  safeStorage,
  session,
  type BrowserWindow,
} from 'electron'
import { join } from 'node:path'
import { registerHandlers } from './ipc/register-handlers.ts'
import { isFromPage } from './ipc/trusted-sender.ts'
import { useElectronLog } from './log/electron-log-sink.ts'
import { createLogger } from './log/logger.ts'
import { safeStorageVault } from './oauth/safe-storage-vault.ts'
import { createServices } from './services.ts'
import { createWindow, rendererUrl } from './window/create-window.ts'
import { lockDownContents, lockDownSession } from './window/lock-down.ts'
import { openExternalLink } from './window/open-external-link.ts'

const log = createLogger('app')
// The bundle lives in dist/main; the renderer in dist/renderer.
const distDir = join(__dirname, '..')
const pageUrl = rendererUrl(distDir)

async function start(): Promise<void> {
  useElectronLog(app.getPath('logs'))
  lockDownSession(session.defaultSession)
  const dataDir = app.getPath('userData')
  const services = await createServices({
    dataDir,
    // Refresh tokens only ever encrypted by the OS key store (or kept for
    // this run only); the consent page opens in the system browser.
    vault: safeStorageVault(safeStorage, join(dataDir, 'secrets')),
    openExternal: async (url) => {
      const outcome = await openExternalLink(url)
      if (!outcome.opened) throw new Error('the consent page was refused')
    },
  })
  let window: BrowserWindow | null = null

  registerHandlers(ipcMain, services.handlers, isFromPage(pageUrl))
  services.setEventSender((event, payload) =>
    window?.webContents.send(event, payload),
  )
  window = await createWindow(distDir)
  log.info('window open')

  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit())
  })
}

// Every web contents, the wizard's and any other, may show only the wizard
// and never navigate or open windows; set before any window exists.
app.on('web-contents-created', (_event, contents) =>
  lockDownContents(contents, pageUrl, openExternalLink),
)
app.enableSandbox()
app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    log.error('could not start', error)
    app.exit(1)
  })
