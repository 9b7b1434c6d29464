import type { CrmOrg } from '../zoho/crm-client.ts'
import type { CachingCrmClient } from '../zoho/metadata-cache.ts'

/** A connected CRM: its client, its org, and its own data folder. */
export interface CrmConnection {
  client: CachingCrmClient
  org: CrmOrg
  /** "LocalCRM on this computer", "Zoho EU, sandbox". */
  description: string
  /** Tells connections apart: `localcrm` or `zoho-eu-sandbox-<zgid>`. */
  key: string
  /**
   * Runs, jobs and reports of this connection live here and nowhere
   * else, so LocalCRM's data and a real org's never mix.
   */
  workDir: string
}
