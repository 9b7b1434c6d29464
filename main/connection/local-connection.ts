import type { LocalCrm } from '../localcrm/local-crm.ts'
import { exchangeCode } from '../oauth/token-endpoint.ts'
import { createTokenManager } from '../oauth/token-manager.ts'
import { UserFacingError } from '../user-facing-error.ts'
import { createCrmClient } from '../zoho/crm-client.ts'
import { withMetadataCache } from '../zoho/metadata-cache.ts'
import type { CrmConnection } from './crm-connection.ts'

export type { CrmConnection } from './crm-connection.ts'

/**
 * Connects to an embedded LocalCRM the way a Self Client does with Zoho: a
 * grant code from the console, exchanged over HTTP at the token endpoint.
 * Its runs live in `workDir` (the app's data folder, as before).
 */
export async function connectLocalCrm(
  localCrm: LocalCrm,
  workDir = '',
): Promise<CrmConnection> {
  const oauth = {
    accounts: localCrm.url,
    clientId: localCrm.client.clientId,
    clientSecret: localCrm.client.clientSecret,
  }
  let first
  try {
    first = await exchangeCode(oauth, { code: localCrm.createGrantCode() })
  } catch {
    throw new UserFacingError(
      'LOCALCRM_REFUSED',
      'LocalCRM refused to connect. Restart Bulkwright; if it happens again, ' +
        'delete the LocalCRM data folder.',
    )
  }

  const tokens = createTokenManager({
    client: oauth,
    refreshToken: first.refreshToken,
    first,
  })
  const apiDomain = first.apiDomain || localCrm.url
  const client = withMetadataCache(
    createCrmClient({ apiDomain, uploadBase: apiDomain, tokens }),
  )
  const org = await client.getOrg()
  return {
    client,
    org,
    description: 'LocalCRM on this computer',
    key: 'localcrm',
    workDir,
  }
}
