import { dataCentreOfHost } from '../../app/connection/data-centres.ts'
import { createLogger } from '../log/logger.ts'
import { startLoopbackListener } from './loopback-listener.ts'
import { OAuthError } from './oauth-error.ts'
import { createPkce, createState } from './pkce.ts'
import type { TokenAnswer } from './token-answer.ts'
import { exchangeCode, type OAuthClient } from './token-endpoint.ts'

const log = createLogger('oauth')

/** The scopes Bulkwright asks for (api-reference §1.9). */
export const SCOPES = [
  'ZohoCRM.org.READ',
  'ZohoCRM.settings.ALL',
  'ZohoCRM.modules.ALL',
  'ZohoCRM.bulk.ALL',
  'ZohoFiles.files.ALL',
  'ZohoCRM.users.READ',
]

/** How long the user has to finish the consent page. */
export const CONSENT_TIMEOUT_MS = 5 * 60_000

/** What a finished sign-in yields. */
export interface SignIn {
  answer: TokenAnswer & { refreshToken: string }
  /** The accounts server to refresh and revoke at from now on. */
  accounts: string
}

/** A sign-in in progress, which the user may cancel. */
export interface PendingSignIn {
  done: Promise<SignIn>
  cancel(): void
}

/** Builds the consent page address. */
export function consentUrl(
  accounts: string,
  fields: {
    clientId: string
    redirectUri: string
    state: string
    challenge: string
  },
): string {
  const url = new URL('/oauth/v2/auth', accounts)
  url.search = new URLSearchParams({
    client_id: fields.clientId,
    response_type: 'code',
    redirect_uri: fields.redirectUri,
    scope: SCOPES.join(','),
    access_type: 'offline',
    prompt: 'consent',
    state: fields.state,
    code_challenge: fields.challenge,
    code_challenge_method: 'S256',
  }).toString()
  return url.toString()
}

/**
 * The accounts server named by the redirect is used only when it is a Zoho
 * accounts host over https (Zoho's multi-DC hand-over) or the server the
 * sign-in started at; anything else could be a trap for the code.
 */
export function trustedAccounts(started: string, named: string | null): string {
  if (named === null || named === '') return started

  const origin = new URL(started).origin
  let candidate: URL
  try {
    candidate = new URL(named)
  } catch {
    return origin
  }
  if (candidate.origin === origin) return origin

  const centre = dataCentreOfHost(candidate.origin)
  const isAccounts =
    candidate.protocol === 'https:' &&
    centre !== undefined &&
    new URL(centre.accounts).origin === candidate.origin
  if (isAccounts) return candidate.origin

  log.warn('redirect named an unknown accounts server; keeping the first')
  return origin
}

/**
 * Authorization code with PKCE (S256): opens the consent page through
 * `openExternal` (the system browser), waits for the loopback redirect,
 * and exchanges the code at the accounts server the redirect names.
 */
export async function signInWithBrowser(options: {
  client: OAuthClient
  openExternal: (url: string) => Promise<void>
  timeoutMs?: number
}): Promise<PendingSignIn> {
  const { client } = options
  const pkce = createPkce()
  const state = createState()
  const listener = await startLoopbackListener({
    state,
    timeoutMs: options.timeoutMs ?? CONSENT_TIMEOUT_MS,
  })
  const url = consentUrl(client.accounts, {
    clientId: client.clientId,
    redirectUri: listener.redirectUri,
    state,
    challenge: pkce.challenge,
  })

  const done = (async () => {
    try {
      // electronegativity-ok OPEN_EXTERNAL_JS_CHECK: an injected function;
      // the app passes openExternalLink (https, allow-listed Zoho hosts only).
      await options.openExternal(url)
    } catch {
      listener.cancel()
      throw new OAuthError(
        'OAUTH_REFUSED',
        'Bulkwright could not open the browser. Use a Self Client code instead.',
      )
    }
    const redirect = await listener.result
    const accounts = trustedAccounts(client.accounts, redirect.accountsServer)
    log.info(`consent given (location ${redirect.location ?? 'not named'})`)
    const answer = await exchangeCode(
      { ...client, accounts },
      {
        code: redirect.code,
        redirectUri: listener.redirectUri,
        codeVerifier: pkce.verifier,
      },
    )
    return { answer, accounts }
  })()
  return { done, cancel: listener.cancel }
}
