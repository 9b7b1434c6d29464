/**
 * Which pages the app may open in the system browser, and the check every
 * external link goes through. Pure: no Electron, so it is unit-tested.
 */

// Zoho's sign-in and consent pages live on one accounts host per data
// centre; the API console (for a Self Client) on one host per data centre.
const ACCOUNTS_HOSTS = [
  'accounts.zoho.com',
  'accounts.zoho.eu',
  'accounts.zoho.in',
  'accounts.zoho.com.au',
  'accounts.zoho.jp',
  'accounts.zoho.com.cn',
  'accounts.zohocloud.ca',
  'accounts.zoho.sa',
  'accounts.zoho.uk',
]

const API_CONSOLE_HOSTS = [
  'api-console.zoho.com',
  'api-console.zoho.eu',
  'api-console.zoho.in',
  'api-console.zoho.com.au',
  'api-console.zoho.jp',
  'api-console.zoho.com.cn',
  'api-console.zohocloud.ca',
  'api-console.zoho.sa',
  'api-console.zoho.uk',
]

// Zoho's CRM developer documentation and help pages.
const DOCS_HOSTS = ['www.zoho.com', 'help.zoho.com']

/** Every host an external link may point at; nothing else is opened. */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  ...ACCOUNTS_HOSTS,
  ...API_CONSOLE_HOSTS,
  ...DOCS_HOSTS,
])

/** Why an external link was refused. */
export type ExternalLinkRefusal =
  | 'NOT_A_URL'
  | 'NOT_HTTPS'
  | 'HAS_CREDENTIALS'
  | 'HAS_PORT'
  | 'HOST_NOT_ALLOWED'

/** The verdict on one link: the normalised URL to open, or why not. */
export type ExternalLinkVerdict =
  | { ok: true; url: string; host: string }
  | { ok: false; code: ExternalLinkRefusal }

/** Longest link accepted; consent URLs are a few hundred characters. */
const MAX_URL_LENGTH = 4_096

/**
 * Accepts only `https:` URLs on a host of the allow-list, without user
 * names, passwords or ports, and returns the URL as the URL parser wrote it.
 */
export function checkExternalUrl(text: string): ExternalLinkVerdict {
  if (text.length > MAX_URL_LENGTH || !URL.canParse(text)) {
    return { ok: false, code: 'NOT_A_URL' }
  }

  const url = new URL(text)
  if (url.protocol !== 'https:') return { ok: false, code: 'NOT_HTTPS' }

  if (url.username !== '' || url.password !== '') {
    return { ok: false, code: 'HAS_CREDENTIALS' }
  }

  if (url.port !== '') return { ok: false, code: 'HAS_PORT' }

  if (!EXTERNAL_LINK_HOSTS.has(url.hostname)) {
    return { ok: false, code: 'HOST_NOT_ALLOWED' }
  }

  return { ok: true, url: url.toString(), host: url.hostname }
}

/** Opens a URL in the system browser; Electron's `shell.openExternal`. */
export type OpenInBrowser = (url: string) => Promise<void>

/** What happened to a link: opened, or refused with a reason. */
export type ExternalLinkOutcome =
  | { opened: true }
  | { opened: false; code: ExternalLinkRefusal }

/**
 * Checks a link and, only if it passes, hands the normalised URL to the
 * system browser. The one path from the app to a browser.
 */
export async function openCheckedLink(
  open: OpenInBrowser,
  text: string,
): Promise<ExternalLinkOutcome> {
  const verdict = checkExternalUrl(text)
  if (!verdict.ok) return { opened: false, code: verdict.code }

  await open(verdict.url)
  return { opened: true }
}
