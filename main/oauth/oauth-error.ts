import { UserFacingError } from '../user-facing-error.ts'

/** The ways Zoho Accounts refuses, as codes the Connect screen can act on. */
export type OAuthErrorCode =
  | 'OAUTH_INVALID_CLIENT'
  | 'OAUTH_INVALID_SECRET'
  | 'OAUTH_INVALID_CODE'
  | 'OAUTH_INVALID_REDIRECT'
  | 'OAUTH_INVALID_VERIFIER'
  | 'OAUTH_THROTTLED'
  | 'OAUTH_DENIED'
  | 'OAUTH_STATE_MISMATCH'
  | 'OAUTH_TIMEOUT'
  | 'OAUTH_UNREACHABLE'
  | 'OAUTH_REFUSED'

/** A refusal from Zoho Accounts, with a sentence and a next step. */
export class OAuthError extends UserFacingError {
  constructor(
    override readonly code: OAuthErrorCode,
    message: string,
  ) {
    super(code, message)
    this.name = 'OAuthError'
  }
}

const SENTENCES: Record<string, [OAuthErrorCode, string]> = {
  invalid_client: [
    'OAUTH_INVALID_CLIENT',
    'Zoho does not know this client id at the chosen data centre. Check the ' +
      'client id, and choose the data centre where you registered the client ' +
      '(the address of your API console: zoho.com is US, zoho.eu is EU, ...).',
  ],
  invalid_client_secret: [
    'OAUTH_INVALID_SECRET',
    'Zoho refused the client secret. Copy it again from the API console ' +
      '(Client Secret tab) and connect again.',
  ],
  invalid_code: [
    'OAUTH_INVALID_CODE',
    'Zoho refused the code or the saved sign-in: a code works once and only ' +
      'for a few minutes. Generate a new code (or click Connect) and try again.',
  ],
  invalid_redirect_uri: [
    'OAUTH_INVALID_REDIRECT',
    'Zoho refused the redirect address. In the API console, set the ' +
      "client's redirect URI to http://127.0.0.1 and try again.",
  ],
  invalid_code_verifier: [
    'OAUTH_INVALID_VERIFIER',
    'Zoho refused the sign-in proof (PKCE). Click Connect again.',
  ],
  'Access Denied': [
    'OAUTH_THROTTLED',
    'Zoho is limiting sign-ins for this connection (at most 10 new access ' +
      'tokens in 10 minutes). Wait ten minutes, then try again.',
  ],
  access_denied: [
    'OAUTH_DENIED',
    "Access was not granted on Zoho's consent page. Click Connect and " +
      'choose Accept to let Bulkwright import into your org.',
  ],
}

/** Turns Zoho's `error` word into a typed, readable error. */
export function oauthErrorFrom(error: string): OAuthError {
  const known = SENTENCES[error]
  if (known) return new OAuthError(known[0], known[1])

  return new OAuthError(
    'OAUTH_REFUSED',
    `Zoho refused the sign-in (${error.slice(0, 80)}). Check the client id, ` +
      'data centre and scopes, then connect again.',
  )
}
