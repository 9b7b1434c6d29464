import type { LocalCrm } from '../localcrm/local-crm.ts'
import {
  createCrmClient,
  type CrmClient,
  type CrmOrg,
} from '../zoho/crm-client.ts'
import { UserFacingError } from '../user-facing-error.ts'
import { createTokenManager } from '../oauth/token-manager.ts'
import { isRefusal, parseTokenAnswer } from '../oauth/token-answer.ts'

/** A connected CRM: the client and the organisation it belongs to. */
export interface CrmConnection {
  client: CrmClient
  org: CrmOrg
  description: string
}

/**
 * Connects to an embedded LocalCRM the way a Self Client does with Zoho: a
 * grant code from the console, exchanged over HTTP at the token endpoint.
 */
export async function connectLocalCrm(
  localCrm: LocalCrm,
): Promise<CrmConnection> {
  const tokenUrl = `${localCrm.url}/oauth/v2/token`
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: localCrm.client.clientId,
    client_secret: localCrm.client.clientSecret,
    code: localCrm.createGrantCode(),
  })
  const response = await fetch(tokenUrl, { method: 'POST', body: form })
  const answer = parseTokenAnswer(await response.json().catch(() => null))
  if (isRefusal(answer) || answer.refreshToken === null) {
    throw new UserFacingError(
      'LOCALCRM_REFUSED',
      'LocalCRM refused to connect. Restart Bulkwright; if it happens again, ' +
        'delete the LocalCRM data folder.',
    )
  }

  const tokens = createTokenManager({
    client: {
      accounts: localCrm.url,
      clientId: localCrm.client.clientId,
      clientSecret: localCrm.client.clientSecret,
    },
    refreshToken: answer.refreshToken,
    first: answer,
  })
  const apiDomain = answer.apiDomain || localCrm.url
  const client = createCrmClient({ apiDomain, uploadBase: apiDomain, tokens })
  const org = await client.getOrg()
  return { client, org, description: 'LocalCRM on this computer' }
}
