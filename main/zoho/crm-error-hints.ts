/**
 * Zoho's error codes as sentences with a next step, for the wizard to show.
 * The codes are Zoho's own where Zoho has one; the rest are Bulkwright's.
 */

/** What a call was doing, so a hint can be specific (uploads need a scope). */
export type CallPurpose = 'metadata' | 'upload' | 'create' | 'status' | 'result'

const SCOPES_HINT =
  'Disconnect, then connect again and accept every scope Bulkwright asks ' +
  'for (a Self Client code must list them all, see the connection guide).'

/** A sentence and a next step for a Zoho or Bulkwright error code. */
export function hintFor(
  code: string,
  purpose: CallPurpose,
  httpStatus = 0,
): string {
  if (httpStatus >= 500 && code !== 'JOB_CREATE_UNCERTAIN') {
    return 'Zoho had a problem and did not recover. Try again in a few minutes.'
  }

  switch (code) {
    case 'INVALID_TOKEN':
    case 'INVALID_OAUTHTOKEN':
      return (
        'Zoho refused the access even after renewing it. Usually the org ' +
        'lives in another data centre than the one chosen, or the connection ' +
        'was revoked in Zoho. Disconnect, choose the data centre of the ' +
        'address you sign in to Zoho at, and connect again.'
      )
    case 'OAUTH_SCOPE_MISMATCH':
      return purpose === 'upload'
        ? 'The connection lacks the ZohoFiles.files.ALL scope that uploads ' +
            `need. ${SCOPES_HINT}`
        : `The connection lacks a scope this needs. ${SCOPES_HINT}`
    case 'NO_PERMISSION':
    case 'AUTHORIZATION_FAILED':
      return (
        'Your Zoho user is not allowed to do this. Ask your Zoho ' +
        'administrator to give your profile API access and permission to ' +
        'import into this module.'
      )
    case 'CREDITS_EXHAUSTED':
      return (
        "The org's API credits for the last 24 hours are used up (each " +
        'import job costs 500). Try again tomorrow, or ask your Zoho ' +
        'administrator about more credits.'
      )
    case 'TOO_MANY_REQUESTS':
      return 'Zoho is limiting requests just now. Wait a few minutes and try again.'
    case 'INVALID_URL_PATTERN':
      return purpose === 'upload'
        ? 'The upload went to a host that does not take uploads. Check the ' +
            'data centre of the connection and connect again.'
        : 'Zoho does not know this address. Check the data centre and ' +
            'environment of the connection.'
    case 'JOB_CREATE_UNCERTAIN':
      return (
        'The connection broke while Zoho was creating the import job, so it ' +
        'may or may not exist. Look at Setup > Data Administration > Import ' +
        'History in Zoho before starting the import again, so that no rows ' +
        'are imported twice.'
      )
    case 'CRM_UNREACHABLE':
    case 'CRM_TIMEOUT':
      return 'Check the internet connection and try again in a minute.'
    default:
      return code.startsWith('HTTP_5')
        ? 'Zoho had a problem and did not recover. Try again in a few minutes.'
        : 'Check the connection and the import settings, then try again.'
  }
}
