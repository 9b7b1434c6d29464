import type { AccessTokenSource } from '../zoho/crm-client.ts'
import { UserFacingError } from '../user-facing-error.ts'
import { createLogger } from '../log/logger.ts'
import {
  isRefusal,
  parseTokenAnswer,
  type TokenAnswer,
} from './token-answer.ts'

const log = createLogger('oauth')

/** What a token source needs to mint access tokens from a refresh token. */
export interface RefreshSettings {
  /** `{accounts}/oauth/v2/token` */
  tokenUrl: string
  clientId: string
  clientSecret: string
  refreshToken: string
  fetch?: typeof fetch
  now?: () => number
}

/** Renew this long before the access token expires. */
const EARLY_MS = 5 * 60 * 1000

/**
 * Keeps one access token in memory and refreshes it shortly before it
 * expires, one refresh at a time however many calls wait for it.
 */
export function createRefreshingTokenSource(
  settings: RefreshSettings,
  first: TokenAnswer | null,
): AccessTokenSource {
  const now = settings.now ?? Date.now
  const doFetch = settings.fetch ?? fetch
  let token = first?.accessToken ?? null
  let expiresAt = first === null ? 0 : now() + first.expiresInMs
  let pending: Promise<string> | null = null

  async function refresh(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      refresh_token: settings.refreshToken,
    })
    const response = await doFetch(settings.tokenUrl, {
      method: 'POST',
      body: form,
    })
    const answer = parseTokenAnswer(await response.json().catch(() => null))
    if (isRefusal(answer)) {
      log.warn(`refresh refused: ${answer.error}`)
      throw new UserFacingError(
        'TOKEN_REFRESH_FAILED',
        `The CRM refused to renew access (${answer.error}). Connect again.`,
      )
    }

    log.info('access token renewed')
    token = answer.accessToken
    expiresAt = now() + answer.expiresInMs
    return token
  }

  return {
    async accessToken() {
      if (token !== null && now() < expiresAt - EARLY_MS) return token

      pending ??= refresh().finally(() => {
        pending = null
      })
      return pending
    },
    invalidate() {
      token = null
    },
  }
}
