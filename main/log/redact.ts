/**
 * Removes anything that looks like a secret from a log line before it is
 * written: Zoho tokens and grant codes, authorization and cookie headers,
 * values of keys whose names say they are secret (in JSON, query strings
 * and `key: value` text) and e-mail addresses, the commonest customer value.
 */

// Zoho access and refresh tokens and grant codes: `1000.<hex>.<hex>`.
const ZOHO_TOKEN = /\b1000\.[0-9a-z]{8,}\.[0-9a-z]{8,}\b/gi

// `Authorization: Zoho-oauthtoken x`, `Bearer x`, `Basic x`, with or
// without the header name; and cookie headers, whose values are sessions.
const AUTH_SCHEME = /\b(Zoho-oauthtoken|Bearer|Basic)(\s+|%20|\+)[^\s"',;&]+/gi
const AUTH_HEADER =
  /\b((?:proxy-)?authorization|(?:set-)?cookie)(["']?\s*[:=]\s*["']?)(?!\s*(?:\[redacted\]|(?:Zoho-oauthtoken|Bearer|Basic)\b))[^"'\r\n,}]+/gi

// Keys whose values are secrets wherever they appear: `key=value` (query
// strings, form bodies), `"key": "value"` (JSON) and `key: value` (text).
const SECRET_KEY_NAMES = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'code_verifier',
  'password',
  'passwd',
  'secret',
  'token',
  'api_key',
  'apikey',
]
const SECRET_KEYS = new RegExp(
  `(?<![\\w-])(["']?(?:${SECRET_KEY_NAMES.join('|')})["']?\\s*[:=]\\s*["']?)` +
    `(?!\\[redacted\\])[^"'&\\s,;}]+`,
  'gi',
)

// The OAuth grant code travels as `code=` in a redirect or token request.
// A JSON `"code"` is left alone: Zoho's error codes (`INVALID_DATA`) live
// there and help a support call; a grant code itself matches ZOHO_TOKEN.
const GRANT_CODE = /([?&\s]code=|^code=)(?!\[redacted\])[^&\s"']+/gi

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g

/** Returns the text with tokens, secrets, authorization values and e-mails masked. */
export function redact(text: string): string {
  return text
    .replace(ZOHO_TOKEN, '1000.[redacted]')
    .replace(AUTH_SCHEME, '$1$2[redacted]')
    .replace(AUTH_HEADER, '$1$2[redacted]')
    .replace(SECRET_KEYS, '$1[redacted]')
    .replace(GRANT_CODE, '$1[redacted]')
    .replace(EMAIL, '[e-mail]')
}
