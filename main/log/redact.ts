/**
 * Removes anything that looks like a secret from a log line: Zoho tokens
 * (`1000.<hex>.<hex>`), authorization headers, and values of keys whose
 * names say they are secret. Applied to every line before it is written.
 */
const TOKEN = /\b1000\.[0-9a-f]{8,}\.[0-9a-f]{8,}\b/gi
const AUTH_HEADER = /(Zoho-oauthtoken|Bearer|Basic)\s+[^\s"',]+/gi
const SECRET_KEYS =
  /("?(?:access_token|refresh_token|client_secret|code|code_verifier|token|password|secret|authorization)"?\s*[:=]\s*"?)([^"&\s,}]+)/gi

/** Returns the text with tokens, secrets and authorization values masked. */
export function redact(text: string): string {
  return text
    .replace(TOKEN, '1000.[redacted]')
    .replace(AUTH_HEADER, '$1 [redacted]')
    .replace(SECRET_KEYS, '$1[redacted]')
}
