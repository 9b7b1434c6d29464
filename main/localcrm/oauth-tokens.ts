import { join } from 'node:path'
import { randomHex } from './ids.ts'
import { JsonDocument } from './json-file.ts'

const HOUR = 3_600_000
const TEN_MINUTES = 600_000
/** Zoho: at most 10 access tokens per refresh token in any 10 minutes. */
const REFRESH_LIMIT = 10
/** Zoho: at most 15 live access tokens per refresh token. */
const LIVE_LIMIT = 15

interface RefreshEntry {
  scopes: string[]
  createdAt: number
  mints: number[]
}

interface AccessEntry {
  scopes: string[]
  expiresAt: number
  refreshToken: string | null
  issuedAt: number
}

interface OAuthDoc {
  client: { clientId: string; clientSecret: string }
  refreshTokens: Record<string, RefreshEntry>
  accessTokens: Record<string, AccessEntry>
}

/** A grant code waiting to be exchanged (kept in memory only). */
export interface Grant {
  scopes: string[]
  expiresAt: number
  offline: boolean
  redirectUri: string | null
  challenge: string | null
  challengeMethod: 'S256' | 'plain' | null
}

/** What the token endpoint sends back on success. */
export interface IssuedTokens {
  accessToken: string
  refreshToken: string | null
  scopes: string[]
}

/** The result of checking an `Authorization` header. */
export type TokenCheck =
  | { ok: true; scopes: string[] }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' }

/** Makes a token in Zoho's shape: `1000.<32 hex>.<32 hex>`. */
export function zohoToken(): string {
  return `1000.${randomHex(32)}.${randomHex(32)}`
}

/**
 * Grant codes, refresh tokens and access tokens of the built-in client,
 * with Zoho's lifetimes and limits. Tokens persist in `oauth.json`.
 */
export class TokenBook {
  private readonly grants = new Map<string, Grant>()

  private constructor(
    private readonly doc: JsonDocument<OAuthDoc>,
    private readonly now: () => number,
  ) {}

  /** Loads the token book of a data folder (a new client on first use). */
  static async open(dataDir: string, now: () => number): Promise<TokenBook> {
    const doc = await JsonDocument.load<OAuthDoc>(
      join(dataDir, 'oauth.json'),
      {
        client: {
          clientId: `1000.${randomHex(30).toUpperCase()}`,
          clientSecret: randomHex(42),
        },
        refreshTokens: {},
        accessTokens: {},
      },
      // Token changes are rare and small: write them on the next tick.
      0,
    )
    // Written at once: the client's id and secret must exist on disk from
    // the first moment (people copy them from the file, tests read it).
    doc.changed()
    await doc.flush()
    return new TokenBook(doc, now)
  }

  /** The built-in client's id and secret. */
  get client() {
    return this.doc.value.client
  }

  /** Stores a one-time grant code and returns it. */
  addGrant(grant: Omit<Grant, 'expiresAt'>, ttlMs: number): string {
    const code = zohoToken()
    this.grants.set(code, { ...grant, expiresAt: this.now() + ttlMs })
    return code
  }

  /** Takes a grant code out (it is single use); undefined when not valid. */
  takeGrant(code: string): Grant | undefined {
    const grant = this.grants.get(code)
    this.grants.delete(code)
    if (!grant || grant.expiresAt <= this.now()) return undefined

    return grant
  }

  /** Issues tokens for an exchanged grant code. */
  issueForGrant(grant: Grant): IssuedTokens {
    let refreshToken: string | null = null
    if (grant.offline) {
      refreshToken = zohoToken()
      this.doc.value.refreshTokens[refreshToken] = {
        scopes: grant.scopes,
        createdAt: this.now(),
        mints: [],
      }
    }
    const accessToken = this.mint(grant.scopes, refreshToken)
    return { accessToken, refreshToken, scopes: grant.scopes }
  }

  /** Mints an access token from a refresh token, under Zoho's throttle. */
  refresh(refreshToken: string): IssuedTokens | 'unknown' | 'throttled' {
    const entry = this.doc.value.refreshTokens[refreshToken]
    if (!entry) return 'unknown'

    const now = this.now()
    entry.mints = entry.mints.filter((at) => at > now - TEN_MINUTES)
    if (entry.mints.length >= REFRESH_LIMIT) return 'throttled'

    entry.mints.push(now)
    const accessToken = this.mint(entry.scopes, refreshToken)
    return { accessToken, refreshToken: null, scopes: entry.scopes }
  }

  /** Revokes a refresh token and every access token minted from it. */
  revoke(token: string): boolean {
    const { refreshTokens, accessTokens } = this.doc.value
    const known = token in refreshTokens || token in accessTokens
    delete refreshTokens[token]
    delete accessTokens[token]
    for (const [access, entry] of Object.entries(accessTokens)) {
      if (entry.refreshToken === token) delete accessTokens[access]
    }
    this.doc.changed()
    return known
  }

  /** Checks `Authorization: Zoho-oauthtoken <token>`. */
  check(header: string | undefined): TokenCheck {
    const match = /^Zoho-oauthtoken\s+(\S+)$/i.exec(header?.trim() ?? '')
    if (!match?.[1]) return { ok: false, reason: 'missing' }

    const entry = this.doc.value.accessTokens[match[1]]
    if (!entry) return { ok: false, reason: 'unknown' }
    if (entry.expiresAt <= this.now()) return { ok: false, reason: 'expired' }

    return { ok: true, scopes: entry.scopes }
  }

  /** Makes every access token expired now (a fault switch). */
  expireAll(): number {
    const now = this.now()
    const entries = Object.values(this.doc.value.accessTokens)
    for (const entry of entries)
      entry.expiresAt = Math.min(entry.expiresAt, now)
    this.doc.changed()
    return entries.length
  }

  /** Writes pending changes. */
  flush(): Promise<void> {
    return this.doc.flush()
  }

  private mint(scopes: string[], refreshToken: string | null): string {
    const now = this.now()
    const tokens = this.doc.value.accessTokens
    for (const [token, entry] of Object.entries(tokens)) {
      if (entry.expiresAt <= now - HOUR) delete tokens[token]
    }
    if (refreshToken) {
      const live = Object.entries(tokens)
        .filter(([, e]) => e.refreshToken === refreshToken && e.expiresAt > now)
        .sort((a, b) => a[1].issuedAt - b[1].issuedAt)
      // The 16th live token invalidates the oldest, as Zoho documents.
      for (const [token] of live.slice(
        0,
        Math.max(0, live.length - LIVE_LIMIT + 1),
      )) {
        delete tokens[token]
      }
    }
    const token = zohoToken()
    tokens[token] = {
      scopes,
      expiresAt: now + HOUR,
      refreshToken,
      issuedAt: now,
    }
    this.doc.changed()
    return token
  }
}
