/**
 * Zoho's data centres and the hosts of each (api-reference §1.1). These are
 * only the starting points: once a user has consented, the `accounts-server`
 * of the redirect and the `api_domain` of the token decide every later host.
 */

/** A data centre's location code, as Zoho's redirect reports it. */
export type DataCentreCode =
  | 'us'
  | 'eu'
  | 'in'
  | 'au'
  | 'jp'
  | 'cn'
  | 'ca'
  | 'sa'
  | 'uk'

/** Which kind of org the user connects to; tokens are environment-specific. */
export type ZohoEnvironment = 'production' | 'sandbox' | 'developer'

/** The hosts of one data centre. */
export interface DataCentre {
  code: DataCentreCode
  label: string
  accounts: string
  /** The production API domain; sandbox and developer swap the `www.`. */
  api: string
  /** The bulk-write upload host (CA and SA are not `content.`). */
  upload: string
  /** True where Zoho's own material does not confirm the hosts (UK). */
  unconfirmed: boolean
}

const dc = (
  code: DataCentreCode,
  label: string,
  tld: string,
  upload = `https://content.zohoapis.${tld}`,
  accounts = `https://accounts.zoho.${tld}`,
): DataCentre => ({
  code,
  label,
  accounts,
  api: `https://www.zohoapis.${tld}`,
  upload,
  unconfirmed: code === 'uk',
})

/** Every data centre, in the order the Connect screen lists them. */
export const DATA_CENTRES: readonly DataCentre[] = [
  dc('us', 'United States (zoho.com)', 'com'),
  dc('eu', 'Europe (zoho.eu)', 'eu'),
  dc('in', 'India (zoho.in)', 'in'),
  dc('au', 'Australia (zoho.com.au)', 'com.au'),
  dc('jp', 'Japan (zoho.jp)', 'jp'),
  dc('cn', 'China (zoho.com.cn)', 'com.cn'),
  dc(
    'ca',
    'Canada (zohocloud.ca)',
    'ca',
    'https://upload.zohocloud.ca',
    'https://accounts.zohocloud.ca',
  ),
  dc('sa', 'Saudi Arabia (zoho.sa)', 'sa', 'https://files.zoho.sa'),
  // UK hosts other than accounts are Zoho's pattern, not confirmed (§1.1).
  dc('uk', 'United Kingdom (zoho.uk)', 'uk'),
]

/** The environments, in the order the Connect screen lists them. */
export const ENVIRONMENTS: readonly ZohoEnvironment[] = [
  'production',
  'sandbox',
  'developer',
]

/** The data centre of a location code; undefined when unknown. */
export function dataCentreOf(code: string): DataCentre | undefined {
  return DATA_CENTRES.find((centre) => centre.code === code.toLowerCase())
}

/** The API domain of an environment in a data centre, before any token. */
export function apiDomainFor(
  centre: DataCentre,
  environment: ZohoEnvironment,
): string {
  if (environment === 'production') return centre.api

  return centre.api.replace('://www.', `://${environment}.`)
}

/**
 * The API domain to call for an environment, starting from the token's
 * `api_domain`: Zoho answers with the production domain, and sandbox and
 * developer orgs live on `sandbox.` / `developer.` of the same data centre.
 * Other hosts (LocalCRM) are kept as they are.
 */
export function apiDomainForEnvironment(
  apiDomain: string,
  environment: ZohoEnvironment,
): string {
  if (environment === 'production') return apiDomain

  return apiDomain.replace(
    /^https:\/\/www\.zohoapis\./,
    `https://${environment}.zohoapis.`,
  )
}

/**
 * The data centre an accounts server or API domain belongs to, so that a
 * redirect from another DC (Zoho's multi-DC hand-over) or a token's
 * `api_domain` picks the right upload host. Undefined for any other host
 * (LocalCRM on 127.0.0.1, a test server).
 */
export function dataCentreOfHost(url: string): DataCentre | undefined {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  return DATA_CENTRES.find(
    (centre) =>
      host === new URL(centre.accounts).hostname ||
      host.endsWith(`.${zohoapisHost(centre)}`) ||
      host === new URL(centre.upload).hostname,
  )
}

function zohoapisHost(centre: DataCentre): string {
  return new URL(centre.api).hostname.replace(/^www\./, '')
}

/**
 * Where uploads go for an API domain: the upload host of its data centre,
 * or the API domain itself when it is no Zoho host (LocalCRM takes uploads
 * on any host).
 */
export function uploadHostFor(apiDomain: string): string {
  return dataCentreOfHost(apiDomain)?.upload ?? apiDomain
}

/**
 * True for an https URL on any Zoho domain of a data centre (zoho.eu,
 * zohoapis.eu, download-accl.zoho.com, zohocloud.ca, ...): the only hosts
 * besides the connection's own that may receive the access token.
 */
export function isZohoHost(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:') return false

  const host = parsed.hostname.toLowerCase()
  return DATA_CENTRES.some((centre) =>
    [centre.accounts, centre.api].some((base) => {
      // accounts.zoho.eu -> zoho.eu; www.zohoapis.eu -> zohoapis.eu
      const domain = new URL(base).hostname.replace(/^(accounts|www)\./, '')
      return host === domain || host.endsWith(`.${domain}`)
    }),
  )
}

/** Human words for a connection: "Zoho EU, sandbox". */
export function describeZoho(
  code: DataCentreCode,
  environment: ZohoEnvironment,
): string {
  return `Zoho ${code.toUpperCase()}, ${environment}`
}
