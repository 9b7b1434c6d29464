import { createHash, randomBytes } from 'node:crypto'

/** A PKCE pair: the verifier stays here, the challenge goes to Zoho. */
export interface Pkce {
  verifier: string
  challenge: string
  method: 'S256'
}

/** Makes a fresh verifier (43 characters, RFC 7636) and its S256 challenge. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: challengeOf(verifier), method: 'S256' }
}

/** The S256 challenge of a verifier: base64url(sha256(verifier)). */
export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

/** An unguessable `state` that ties the redirect to this sign-in. */
export function createState(): string {
  return randomBytes(24).toString('base64url')
}
