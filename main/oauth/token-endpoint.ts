import { createLogger } from '../log/logger.ts'
import { OAuthError, oauthErrorFrom } from './oauth-error.ts'
import {
  isRefusal,
  parseTokenAnswer,
  type TokenAnswer,
} from './token-answer.ts'

const log = createLogger('oauth')

/** Zoho Accounts answers in well under a second; give up after this. */
const TIMEOUT_MS = 30_000

/** The client registered in Zoho's API console, and where it lives. */
export interface OAuthClient {
  /** The accounts server, e.g. `https://accounts.zoho.eu` (no path). */
  accounts: string
  clientId: string
  /** Empty for public (PKCE) clients that have none. */
  clientSecret: string
  fetch?: typeof fetch
}

/** What a grant code is exchanged with. */
export interface CodeExchange {
  code: string
  /** Only for codes from the consent page; Self Client codes have none. */
  redirectUri?: string
  codeVerifier?: string
}

async function post(
  client: OAuthClient,
  path: string,
  fields: Record<string, string>,
): Promise<unknown> {
  const form = new URLSearchParams(fields)
  const url = `${client.accounts.replace(/\/+$/, '')}${path}`
  let response: Response
  try {
    response = await (client.fetch ?? fetch)(url, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch {
    throw new OAuthError(
      'OAUTH_UNREACHABLE',
      `Could not reach Zoho Accounts at ${new URL(url).origin}. Check the ` +
        'internet connection and the data centre, then try again.',
    )
  }
  return response.json().catch(() => null)
}

function withSecret(client: OAuthClient, fields: Record<string, string>) {
  const base = { client_id: client.clientId, ...fields }
  return client.clientSecret === ''
    ? base
    : { ...base, client_secret: client.clientSecret }
}

function answerOrThrow(body: unknown, what: string): TokenAnswer {
  const answer = parseTokenAnswer(body)
  if (!isRefusal(answer)) return answer

  log.warn(`${what} refused: ${answer.error}`)
  throw oauthErrorFrom(answer.error)
}

/** Exchanges a grant code for a refresh token and a first access token. */
export async function exchangeCode(
  client: OAuthClient,
  exchange: CodeExchange,
): Promise<TokenAnswer & { refreshToken: string }> {
  const fields: Record<string, string> = {
    grant_type: 'authorization_code',
    code: exchange.code,
  }
  if (exchange.redirectUri) fields.redirect_uri = exchange.redirectUri
  if (exchange.codeVerifier) fields.code_verifier = exchange.codeVerifier

  const answer = answerOrThrow(
    await post(client, '/oauth/v2/token', withSecret(client, fields)),
    'code exchange',
  )
  if (answer.refreshToken === null) {
    throw new OAuthError(
      'OAUTH_REFUSED',
      'Zoho gave no refresh token, so Bulkwright could not stay connected. ' +
        'Generate the code with access type "offline" and try again.',
    )
  }
  log.info('grant code exchanged')
  return { ...answer, refreshToken: answer.refreshToken }
}

/** Mints a new access token from a refresh token. */
export async function refreshAccessToken(
  client: OAuthClient,
  refreshToken: string,
): Promise<TokenAnswer> {
  const fields = { grant_type: 'refresh_token', refresh_token: refreshToken }
  return answerOrThrow(
    await post(client, '/oauth/v2/token', withSecret(client, fields)),
    'refresh',
  )
}

/** Revokes a refresh token (and with it its access tokens). */
export async function revokeToken(
  client: OAuthClient,
  token: string,
): Promise<boolean> {
  const body = await post(client, '/oauth/v2/token/revoke', { token })
  const ok =
    typeof body === 'object' &&
    body !== null &&
    (body as Record<string, unknown>).status === 'success'
  log.info(ok ? 'refresh token revoked' : 'revoke not confirmed')
  return ok
}
