import type { SenderFrame } from './register-handlers.ts'

/**
 * The sender check of the desktop app: a request is trusted only from the
 * wizard's own page. The fragment and query are ignored (they do not change
 * which document sent it); scheme, host and path must match exactly.
 */
export function isFromPage(pageUrl: string): (frame: SenderFrame) => boolean {
  const page = new URL(pageUrl)
  return (frame) => {
    if (!URL.canParse(frame.url)) return false

    const sender = new URL(frame.url)
    return (
      sender.protocol === page.protocol &&
      sender.host === page.host &&
      sender.pathname === page.pathname
    )
  }
}
