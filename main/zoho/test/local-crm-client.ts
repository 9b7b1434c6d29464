/**
 * For tests: a LocalCRM on 127.0.0.1 in a temporary folder and a CRM client
 * connected to it through the token manager, with a fake sleep and clock
 * so that back-off never waits for real.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCrm, type LocalCrm } from '../../localcrm/local-crm.ts'
import { exchangeCode } from '../../oauth/token-endpoint.ts'
import { createTokenManager } from '../../oauth/token-manager.ts'
import {
  createCrmClient,
  type AccessTokenSource,
  type CrmClient,
} from '../crm-client.ts'
import type { RetryPolicy } from '../retry-policy.ts'

/** A LocalCRM, a client of it, and what the client's retries did. */
export interface ClientRig {
  crm: LocalCrm
  client: CrmClient
  tokens: AccessTokenSource
  /** The waits the client asked for, in order. */
  sleeps: number[]
  close(): Promise<void>
}

/** Starts LocalCRM and connects a client with the given scopes and policy. */
export async function startClientRig(
  options: {
    scopes?: string[]
    policy?: Partial<RetryPolicy>
    dailyCredits?: number
    invalidFileFormatStatus?: 200 | 400
    tokens?: AccessTokenSource
  } = {},
): Promise<ClientRig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-client-'))
  const crm = await startLocalCrm({
    dataDir,
    msPerRow: 0,
    ...(options.dailyCredits === undefined
      ? {}
      : { dailyCredits: options.dailyCredits }),
    ...(options.invalidFileFormatStatus === undefined
      ? {}
      : { invalidFileFormatStatus: options.invalidFileFormatStatus }),
  })
  const oauth = { accounts: crm.url, ...crm.client }
  const first = await exchangeCode(oauth, {
    code: crm.createGrantCode(options.scopes),
  })
  const tokens =
    options.tokens ??
    createTokenManager({
      client: oauth,
      refreshToken: first.refreshToken,
      first,
    })
  const sleeps: number[] = []
  let clock = 0
  const client = createCrmClient({
    apiDomain: first.apiDomain,
    uploadBase: first.apiDomain,
    tokens,
    policy: { baseMs: 1000, capMs: 8000, ...options.policy },
    random: () => 1,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock += ms
    },
  })
  return {
    crm,
    client,
    tokens,
    sleeps,
    async close() {
      await crm.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
