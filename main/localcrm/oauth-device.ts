import { randomHex } from './ids.ts'
import type { JsonReply } from './http-util.ts'
import type { TokenBook } from './oauth-tokens.ts'
import { parseScopes } from './scopes.ts'

/** Zoho: user codes live 5 minutes; polling more than once per 30 s is slow_down. */
const CODE_TTL_MS = 300_000
const INTERVAL_MS = 30_000

interface DeviceGrant {
  userCode: string
  scopes: string[]
  offline: boolean
  expiresAt: number
  lastPoll: number
  decision: 'pending' | 'approved' | 'denied'
}

const answer = (body: Record<string, unknown>): JsonReply => ({
  status: 200,
  body,
})

/**
 * The non-browser ("device") flow of Zoho Accounts: the app asks for a user
 * code, the person approves it on the verification page, the app polls
 * for tokens. Kept in memory only.
 */
export class DeviceFlow {
  private readonly byDeviceCode = new Map<string, DeviceGrant>()

  constructor(
    private readonly book: TokenBook,
    private readonly now: () => number,
  ) {}

  /** `POST /oauth/v3/device/code` */
  start(params: Map<string, string>, verificationUrl: string): JsonReply {
    if (params.get('client_id') !== this.book.client.clientId)
      return answer({ error: 'invalid_client' })
    if (params.get('grant_type') !== 'device_request')
      return answer({ error: 'unsupported_grant_type' })

    const scopes = parseScopes(params.get('scope') ?? '')
    if (scopes.length === 0) return answer({ error: 'invalid_scope' })

    const deviceCode = `1000.${randomHex(32)}.${randomHex(32)}`
    const userCode = randomHex(8).toUpperCase()
    this.byDeviceCode.set(deviceCode, {
      userCode,
      scopes,
      offline: params.get('access_type') === 'offline',
      expiresAt: this.now() + CODE_TTL_MS,
      lastPoll: 0,
      decision: 'pending',
    })
    return answer({
      user_code: userCode,
      device_code: deviceCode,
      verification_url: verificationUrl,
      interval: INTERVAL_MS / 1000,
      expires_in: CODE_TTL_MS / 1000,
    })
  }

  /** `POST /oauth/v3/device/token` */
  poll(params: Map<string, string>, apiDomain: string): JsonReply {
    if (params.get('client_id') !== this.book.client.clientId)
      return answer({ error: 'invalid_client' })
    if (params.get('client_secret') !== this.book.client.clientSecret)
      return answer({ error: 'invalid_client_secret' })

    const code = params.get('code') ?? ''
    const grant = this.byDeviceCode.get(code)
    if (!grant) return answer({ error: 'invalid_code' })

    const now = this.now()
    if (grant.expiresAt <= now) {
      this.byDeviceCode.delete(code)
      return answer({ error: 'expired' })
    }
    if (grant.decision === 'denied') return answer({ error: 'access_denied' })
    if (grant.decision === 'pending') {
      const tooSoon = now - grant.lastPoll < INTERVAL_MS
      grant.lastPoll = now
      return answer({ error: tooSoon ? 'slow_down' : 'authorization_pending' })
    }

    this.byDeviceCode.delete(code)
    const tokens = this.book.issueForGrant({
      scopes: grant.scopes,
      offline: grant.offline,
      expiresAt: 0,
      redirectUri: null,
      challenge: null,
      challengeMethod: null,
    })
    const body: Record<string, unknown> = { access_token: tokens.accessToken }
    if (tokens.refreshToken) body.refresh_token = tokens.refreshToken
    return answer({
      ...body,
      api_domain: apiDomain,
      token_type: 'Bearer',
      expires_in: 3600,
    })
  }

  /** Records the person's answer on the verification page; false if the code is unknown. */
  decide(userCode: string, approve: boolean): boolean {
    const wanted = userCode.trim().toUpperCase()
    for (const grant of this.byDeviceCode.values()) {
      if (
        grant.userCode === wanted &&
        grant.expiresAt > this.now() &&
        grant.decision === 'pending'
      ) {
        grant.decision = approve ? 'approved' : 'denied'
        return true
      }
    }
    return false
  }
}
