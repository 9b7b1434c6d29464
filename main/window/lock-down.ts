import type { Session, WebContents } from 'electron'
import { createLogger } from '../log/logger.ts'
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts'

const log = createLogger('window')

/** Opens an external link after checking it (see `openExternalLink`). */
export type ExternalLinkOpener = (url: string) => Promise<unknown>

/**
 * Locks the app's session down: every permission request and check is
 * refused, only the wizard's own blobs may be downloaded, every response
 * carries the app's Content-Security-Policy, and
 * pages may load nothing from the network (the app's page is a local file;
 * the main process talks to Zoho and LocalCRM itself, outside the session).
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, done) => {
    log.warn(`refused a permission request: ${permission}`)
    done(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  // The wizard saves reports and mappings as downloads of blobs it made
  // itself; a download of anything else is not the app's doing.
  session.on('will-download', (event, item) => {
    if (item.getURL().startsWith('blob:')) return

    event.preventDefault()
    log.warn('blocked a download that the wizard did not create')
  })
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, done) => {
      const fromPage = details.webContentsId !== undefined
      if (fromPage) log.warn('blocked a network request from the page')
      done({ cancel: fromPage })
    },
  )
  session.webRequest.onHeadersReceived((details, done) => {
    // electronegativity-ok CSP_GLOBAL_CHECK: the policy is a constant the
    // scanner cannot read here; it is content-security-policy.ts, tested.
    done({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

/**
 * Locks one web contents down: it may show only `allowedUrl`, never
 * navigate, redirect, attach a webview or open a window. A link meant for a
 * new window goes to `openExternal`, which opens allow-listed pages only.
 */
export function lockDownContents(
  contents: WebContents,
  allowedUrl: string,
  openExternal: ExternalLinkOpener,
): void {
  contents.on('will-navigate', (event, url) => {
    if (url === allowedUrl) return

    event.preventDefault()
    log.warn('blocked a navigation away from the wizard')
  })
  contents.on('will-redirect', (event) => {
    event.preventDefault()
    log.warn('blocked a redirect')
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('blocked a webview')
  })
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url)
    return { action: 'deny' }
  })
}
