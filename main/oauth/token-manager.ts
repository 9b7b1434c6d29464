import type { AccessTokenSource } from '../zoho/crm-client.ts'
import { createLogger } from '../log/logger.ts'
import { OAuthError } from './oauth-error.ts'
import type { TokenAnswer } from './token-answer.ts'
import {
  refreshAccessToken,
  revokeToken,
  type OAuthClient,
} from './token-endpoint.ts'

const log = createLogger('oauth')

/** Renew this long before the access token expires. */
export const EARLY_MS = 5 * 60 * 1000
/** Zoho: at most 10 access tokens per refresh token in any 10 minutes. */
export const REFRESH_LIMIT = 10
export const REFRESH_WINDOW_MS = 10 * 60 * 1000

/** How a token manager is set up. */
export interface TokenManagerOptions {
  client: OAuthClient
  refreshToken: string
  /** The answer of the code exchange, if there was one just now. */
  first?: TokenAnswer
  now?: () => number
}

/** An access token source that can also revoke its refresh token. */
export interface TokenManager extends AccessTokenSource {
  /** Revokes the refresh token at Zoho; the manager is useless after. */
  revoke(): Promise<boolean>
  /** How many access tokens were minted in the last ten minutes. */
  recentRefreshes(): number
}

/**
 * Keeps the access token in memory only and renews it shortly before it
 * expires. However many calls wait, one refresh runs at a time, and never
 * more than Zoho's 10 per refresh token per 10 minutes: past that, callers
 * get a clear error instead of Zoho's "Access Denied".
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now
  let token = options.first?.accessToken ?? null
  let expiresAt = options.first ? now() + options.first.expiresInMs : 0
  let pending: Promise<string> | null = null
  let revoked = false
  const mints: number[] = []

  const recent = () => {
    const since = now() - REFRESH_WINDOW_MS
    while (mints.length > 0 && mints[0]! <= since) mints.shift()
    return mints.length
  }

  async function refresh(): Promise<string> {
    if (revoked) throw disconnected()
    if (recent() >= REFRESH_LIMIT) {
      const waitMin = Math.ceil((mints[0]! + REFRESH_WINDOW_MS - now()) / 60000)
      log.warn(`refresh held back: ${REFRESH_LIMIT} in the last 10 minutes`)
      throw new OAuthError(
        'OAUTH_THROTTLED',
        `Zoho allows ${REFRESH_LIMIT} new access tokens per 10 minutes and ` +
          `Bulkwright has used them. Try again in ${waitMin} minute(s).`,
      )
    }

    mints.push(now())
    const answer = await refreshAccessToken(
      options.client,
      options.refreshToken,
    )
    token = answer.accessToken
    expiresAt = now() + answer.expiresInMs
    log.info(`access token renewed (${recent()} in the last 10 minutes)`)
    return answer.accessToken
  }

  return {
    async accessToken() {
      if (revoked) throw disconnected()
      if (token !== null && now() < expiresAt - EARLY_MS) return token

      pending ??= refresh().finally(() => {
        pending = null
      })
      return pending
    },

    invalidate(failed) {
      // Only the token that failed is dropped: when ten calls see the same
      // 401 at once, the first starts a refresh and the rest share it.
      if (failed === token) token = null
    },

    async revoke() {
      revoked = true
      token = null
      return revokeTokenQuietly(options.client, options.refreshToken)
    },

    recentRefreshes: recent,
  }
}

async function revokeTokenQuietly(
  client: OAuthClient,
  refreshToken: string,
): Promise<boolean> {
  try {
    return await revokeToken(client, refreshToken)
  } catch (error) {
    log.warn(`revoke failed: ${error instanceof Error ? error.message : ''}`)
    return false
  }
}

function disconnected(): OAuthError {
  return new OAuthError(
    'OAUTH_REFUSED',
    'This Zoho connection was disconnected. Connect again to continue.',
  )
}
