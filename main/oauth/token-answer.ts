/**
 * Reads the answer of Zoho's token endpoint. Zoho reports errors with HTTP
 * 200 and an `error` key, so the body alone decides.
 */

/** A successful token answer. */
export interface TokenAnswer {
  accessToken: string
  refreshToken: string | null
  apiDomain: string
  /** Milliseconds until the access token expires. */
  expiresInMs: number
}

/** A refused token request, with Zoho's error word. */
export interface TokenRefusal {
  error: string
  description: string | null
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Parses a token endpoint body into an answer or a refusal. */
export function parseTokenAnswer(body: unknown): TokenAnswer | TokenRefusal {
  if (!isObject(body) || typeof body.access_token !== 'string') {
    const error = isObject(body)
      ? String(body.error ?? 'no_access_token')
      : 'not_json'
    const description =
      isObject(body) && typeof body.error_description === 'string'
        ? body.error_description
        : null
    return { error, description }
  }

  // Legacy answers give milliseconds in expires_in plus expires_in_sec.
  const seconds =
    typeof body.expires_in_sec === 'number'
      ? body.expires_in_sec
      : typeof body.expires_in === 'number'
        ? body.expires_in
        : 3600

  return {
    accessToken: body.access_token,
    refreshToken:
      typeof body.refresh_token === 'string' ? body.refresh_token : null,
    apiDomain: typeof body.api_domain === 'string' ? body.api_domain : '',
    expiresInMs: seconds * 1000,
  }
}

/** Tells a refusal from an answer. */
export function isRefusal(
  value: TokenAnswer | TokenRefusal,
): value is TokenRefusal {
  return 'error' in value
}
