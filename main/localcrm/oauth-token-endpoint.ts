import { createHash } from 'node:crypto'
import type { JsonReply } from './http-util.ts'
import type { Grant, IssuedTokens, TokenBook } from './oauth-tokens.ts'

/** Zoho answers token errors with HTTP 200 and an `error` key. */
const refuse = (error: string, description?: string): JsonReply => ({
  status: 200,
  body: description ? { error, error_description: description } : { error },
})

/**
 * `POST /oauth/v2/token`: exchanges grant codes (Self Client codes need no
 * redirect_uri; PKCE codes need the verifier instead of the secret) and
 * refresh tokens, under Zoho's refresh throttle.
 */
export function tokenEndpoint(
  params: Map<string, string>,
  book: TokenBook,
  apiDomain: string,
): JsonReply {
  const grantType = params.get('grant_type')
  if (params.get('client_id') !== book.client.clientId) {
    return refuse('invalid_client')
  }

  const secret = params.get('client_secret')
  if (secret !== undefined && secret !== book.client.clientSecret) {
    return refuse('invalid_client_secret')
  }

  if (grantType === 'authorization_code') {
    const grant = book.takeGrant(params.get('code') ?? '')
    if (!grant) return refuse('invalid_code')

    const problem = checkGrant(grant, params, secret !== undefined)
    if (problem) return refuse(problem)

    return issued(book.issueForGrant(grant), apiDomain)
  }

  if (grantType === 'refresh_token') {
    if (secret === undefined) return refuse('invalid_client_secret')

    const result = book.refresh(params.get('refresh_token') ?? '')
    if (result === 'unknown') return refuse('invalid_code')
    if (result === 'throttled') {
      return refuse(
        'Access Denied',
        'You have made too many requests continuously. Please try again after some time.',
      )
    }
    return issued(result, apiDomain)
  }

  return refuse('unsupported_grant_type')
}

function checkGrant(
  grant: Grant,
  params: Map<string, string>,
  hasSecret: boolean,
): string | undefined {
  const redirectUri = params.get('redirect_uri')
  if (grant.redirectUri !== null && redirectUri !== grant.redirectUri) {
    return 'invalid_redirect_uri'
  }

  if (grant.challenge === null)
    return hasSecret ? undefined : 'invalid_client_secret'

  const verifier = params.get('code_verifier') ?? ''
  const expected =
    grant.challengeMethod === 'S256'
      ? createHash('sha256').update(verifier).digest('base64url')
      : verifier
  return expected === grant.challenge ? undefined : 'invalid_code_verifier'
}

function issued(tokens: IssuedTokens, apiDomain: string): JsonReply {
  const body: Record<string, unknown> = { access_token: tokens.accessToken }
  if (tokens.refreshToken) body.refresh_token = tokens.refreshToken
  Object.assign(body, {
    scope: tokens.scopes.join(' '),
    api_domain: apiDomain,
    token_type: 'Bearer',
    expires_in: 3600,
  })
  return { status: 200, body }
}
