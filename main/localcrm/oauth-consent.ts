import type { ServerResponse } from 'node:http'
import type { TokenBook } from './oauth-tokens.ts'
import { parseScopes } from './scopes.ts'

/** Loopback redirect URIs the built-in client accepts (any port, any path). */
export const REDIRECT_PATTERNS = ['http://127.0.0.1/*']
const LOOPBACK = /^http:\/\/127\.0\.0\.1(:\d{1,5})?(\/[^\s#]*)?$/

/** Grant codes from the consent page live two minutes, as Zoho's do. */
const CODE_TTL_MS = 120_000

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The `/oauth/v2/auth` parameters after checking. */
interface AuthRequest {
  redirectUri: string
  scopes: string[]
  state: string | null
  offline: boolean
  challenge: string | null
  challengeMethod: 'S256' | 'plain' | null
}

/** Checks the query of `/oauth/v2/auth`; a string is the problem to show. */
export function parseAuthRequest(
  params: Map<string, string>,
  book: TokenBook,
): AuthRequest | string {
  if (params.get('client_id') !== book.client.clientId)
    return 'Invalid client: the client_id is not registered in LocalCRM.'

  const redirectUri = params.get('redirect_uri') ?? ''
  if (!LOOPBACK.test(redirectUri))
    return 'Invalid redirect URI: LocalCRM accepts http://127.0.0.1 (any port) only.'
  if (params.get('response_type') !== 'code')
    return 'Invalid response_type: use code.'

  const scopes = parseScopes(params.get('scope') ?? '')
  if (scopes.length === 0) return 'Invalid scope: ask for at least one scope.'

  const method = params.get('code_challenge_method') ?? 'plain'
  const challenge = params.get('code_challenge') ?? null
  if (challenge !== null && method !== 'S256' && method !== 'plain')
    return 'Invalid code_challenge_method: use S256 or plain.'

  return {
    redirectUri,
    scopes,
    state: params.get('state') ?? null,
    offline: params.get('access_type') === 'offline',
    challenge,
    challengeMethod: challenge === null ? null : (method as 'S256' | 'plain'),
  }
}

/** Writes the consent page: the scopes asked for and Accept / Reject. */
export function sendConsentPage(
  res: ServerResponse,
  params: Map<string, string>,
  request: AuthRequest,
): void {
  const hidden = [...params]
    .map(
      ([k, v]) =>
        `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`,
    )
    .join('\n')
  const scopes = request.scopes.map((s) => `<li>${escape(s)}</li>`).join('')
  sendHtml(
    res,
    200,
    `<h1>Bulkwright wants to access LocalCRM</h1>
<p>Organisation: Zylker Traders (LocalCRM). It asks for:</p><ul>${scopes}</ul>
<form method="post" action="/oauth/v2/auth">${hidden}
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="reject">Reject</button>
</form>`,
  )
}

/** Answers the consent form: a redirect with a code, or with access_denied. */
export function sendConsentAnswer(
  res: ServerResponse,
  params: Map<string, string>,
  request: AuthRequest,
  book: TokenBook,
  accountsServer: string,
): void {
  const target = new URL(request.redirectUri)
  if (params.get('decision') === 'accept') {
    const code = book.addGrant(
      {
        scopes: request.scopes,
        offline: request.offline,
        redirectUri: request.redirectUri,
        challenge: request.challenge,
        challengeMethod: request.challengeMethod,
      },
      CODE_TTL_MS,
    )
    target.searchParams.set('code', code)
    target.searchParams.set('location', 'us')
    target.searchParams.set('accounts-server', accountsServer)
  } else {
    target.searchParams.set('error', 'access_denied')
  }
  if (request.state !== null) target.searchParams.set('state', request.state)
  res.writeHead(302, { location: target.toString() })
  res.end()
}

/** Writes a small HTML page. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  body: string,
): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LocalCRM</title></head><body>${body}</body></html>`
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
  })
  res.end(html)
}
