import { timingSafeEqual } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLogger } from '../log/logger.ts'
import { OAuthError, oauthErrorFrom } from './oauth-error.ts'

const log = createLogger('oauth')

/** What Zoho sends back to the loopback redirect. */
export interface Redirect {
  code: string
  /** Zoho's location code, e.g. `eu`; null when absent. */
  location: string | null
  /** The accounts server of the user's data centre; null when absent. */
  accountsServer: string | null
}

/** A listener waiting for one redirect. */
export interface LoopbackListener {
  /**
   * `http://127.0.0.1:<port>`: the registered `http://127.0.0.1` plus the
   * port, which loopback redirects may vary (RFC 8252 §7.3).
   */
  redirectUri: string
  /** Settles once: the redirect, or why there is none. */
  result: Promise<Redirect>
  /** Stops waiting (the user cancelled); result rejects. */
  cancel(): void
}

const PATH = '/'

function page(res: ServerResponse, status: number, text: string): void {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>Bulkwright</title></head><body><h1>${text}</h1>` +
    '<p>You can close this tab and return to Bulkwright.</p></body></html>'
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
    // The code is in this page's address: do not pass it on as a referrer.
    'referrer-policy': 'no-referrer',
  })
  res.end(html)
}

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Listens on 127.0.0.1 (a free port) for Zoho's redirect. It takes one
 * redirect to / that carries the expected `state`, then closes; it
 * also closes when the time is up or the sign-in is cancelled.
 */
export async function startLoopbackListener(options: {
  state: string
  timeoutMs: number
}): Promise<LoopbackListener> {
  let settle: (outcome: Redirect | OAuthError) => void = () => {}
  const result = new Promise<Redirect>((resolve, reject) => {
    settle = (outcome) =>
      outcome instanceof OAuthError ? reject(outcome) : resolve(outcome)
  })
  result.catch(() => {})

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method !== 'GET' || url.pathname !== PATH) {
      res.writeHead(404).end()
      return
    }

    const query = url.searchParams
    if (!sameState(query.get('state') ?? '', options.state)) {
      // Not our sign-in (or a forged one): refuse it and keep waiting.
      log.warn('redirect with a wrong state refused')
      page(res, 400, 'This sign-in link is not the one Bulkwright started.')
      return
    }

    const error = query.get('error')
    const code = query.get('code')
    if (error !== null || !code) {
      page(res, 200, 'Bulkwright was not given access.')
      finish(oauthErrorFrom(error ?? 'access_denied'))
      return
    }

    page(res, 200, 'Bulkwright is connected.')
    finish({
      code,
      location: query.get('location'),
      accountsServer: query.get('accounts-server'),
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const timer = setTimeout(
    () =>
      finish(
        new OAuthError(
          'OAUTH_TIMEOUT',
          "No answer came from Zoho's consent page in time. Click Connect " +
            'and finish the consent in the browser within a few minutes.',
        ),
      ),
    options.timeoutMs,
  )

  let done = false
  function finish(outcome: Redirect | OAuthError): void {
    if (done) return

    done = true
    clearTimeout(timer)
    settle(outcome)
    // Let the answer page reach the browser, then stop listening.
    server.close()
    log.info(
      outcome instanceof OAuthError
        ? `sign-in ended: ${outcome.code}`
        : 'redirect received',
    )
  }

  return {
    redirectUri: `http://127.0.0.1:${port}`,
    result,
    cancel: () =>
      finish(new OAuthError('OAUTH_DENIED', 'Connecting was cancelled.')),
  }
}
