import { join } from 'node:path'
import {
  apiDomainForEnvironment,
  describeZoho,
  uploadHostFor,
  type DataCentreCode,
  type ZohoEnvironment,
} from '../../app/connection/data-centres.ts'
import type { TokenAnswer } from '../oauth/token-answer.ts'
import {
  createTokenManager,
  type TokenManager,
} from '../oauth/token-manager.ts'
import { createCrmClient } from '../zoho/crm-client.ts'
import { withMetadataCache } from '../zoho/metadata-cache.ts'
import type { CrmConnection } from './crm-connection.ts'

/** What is kept in the vault to reconnect without signing in again. */
export interface SavedZoho {
  dataCentre: DataCentreCode
  environment: ZohoEnvironment
  clientId: string
  clientSecret: string
  /** From the redirect (or the chosen DC): where to refresh and revoke. */
  accounts: string
  /** From the token answer: where every CRM call goes. */
  apiDomain: string
  refreshToken: string
  orgName: string
  zgid: string
}

/** A live Zoho connection and the token manager behind it. */
export interface ZohoConnection extends CrmConnection {
  tokens: TokenManager
  saved: SavedZoho
}

/** Reads a vault entry back; null when it is not one of ours. */
export function parseSaved(text: string | null): SavedZoho | null {
  if (text === null) return null
  try {
    const value = JSON.parse(text) as SavedZoho
    const strings = [
      value.dataCentre,
      value.environment,
      value.clientId,
      value.accounts,
      value.apiDomain,
      value.refreshToken,
    ]
    return strings.every((s) => typeof s === 'string' && s !== '')
      ? value
      : null
  } catch {
    return null
  }
}

/**
 * Opens a connection to a Zoho org: token manager, client (with the
 * upload host of the API domain's data centre), org, data folder. The
 * first token answer is used when the sign-in just happened.
 */
export async function openZohoConnection(
  saved: Omit<SavedZoho, 'orgName' | 'zgid'>,
  dataDir: string,
  first?: TokenAnswer,
): Promise<ZohoConnection> {
  const tokens = createTokenManager({
    client: {
      accounts: saved.accounts,
      clientId: saved.clientId,
      clientSecret: saved.clientSecret,
    },
    refreshToken: saved.refreshToken,
    ...(first === undefined ? {} : { first }),
  })
  const apiDomain = apiDomainForEnvironment(saved.apiDomain, saved.environment)
  const client = withMetadataCache(
    createCrmClient({
      apiDomain,
      uploadBase: uploadHostFor(apiDomain),
      tokens,
    }),
  )
  const org = await client.getOrg()
  const key = `zoho-${saved.dataCentre}-${saved.environment}-${org.zgid}`
  return {
    client,
    org,
    description: describeZoho(saved.dataCentre, saved.environment),
    key,
    workDir: join(dataDir, 'zoho', key),
    tokens,
    saved: { ...saved, orgName: org.name, zgid: org.zgid },
  }
}
