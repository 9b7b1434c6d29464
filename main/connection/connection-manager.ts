import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  dataCentreOf,
  dataCentreOfHost,
  type DataCentreCode,
} from '../../app/connection/data-centres.ts'
import type { ConnectionInfo, ZohoSignInRequest } from '../../app/contract.ts'
import type { LocalCrm } from '../localcrm/local-crm.ts'
import { createLogger } from '../log/logger.ts'
import { signInWithBrowser, type PendingSignIn } from '../oauth/authorize.ts'
import type { TokenAnswer } from '../oauth/token-answer.ts'
import { exchangeCode } from '../oauth/token-endpoint.ts'
import { createTokenManager } from '../oauth/token-manager.ts'
import type { TokenVault } from '../oauth/vault.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { CrmConnection } from './crm-connection.ts'
import { connectLocalCrm } from './local-connection.ts'
import {
  openZohoConnection,
  parseSaved,
  type SavedZoho,
  type ZohoConnection,
} from './zoho-connection.ts'

const log = createLogger('connection')
const VAULT_KEY = 'zoho'

/** What the connection manager works with. */
export interface ConnectionManagerOptions {
  /** Null when LocalCRM could not start; `localCrmError` says why. */
  localCrm: LocalCrm | null
  localCrmError?: string | null
  dataDir: string
  vault: TokenVault
  /** Opens the consent page in the system browser. */
  openExternal: (url: string) => Promise<void>
  /**
   * Sends every Zoho sign-in to this accounts server instead of the data
   * centre's: only for browser mode and tests, pointing at LocalCRM.
   */
  accountsOverride?: string
  /** Told after every change, for the renderer's `connection` event. */
  onChange?: (info: ConnectionInfo) => void
}

/** The current connection and every way of changing it. */
export type ConnectionManager = Awaited<
  ReturnType<typeof createConnectionManager>
>

/**
 * Holds the LocalCRM connection and at most one Zoho org, knows which one
 * is in use, and switches between them in one step. Tokens stay in here
 * and in the vault; `info()` is all the renderer ever learns.
 */
export async function createConnectionManager(
  options: ConnectionManagerOptions,
) {
  const { vault } = options
  const settingsPath = join(options.dataDir, 'connection.json')
  let active: 'localcrm' | 'zoho' = 'localcrm'
  let local: CrmConnection | null = null
  let localError: string | null = null
  let zoho: ZohoConnection | null = null
  let zohoError: string | null = null
  let saved = parseSaved(await vault.read(VAULT_KEY))
  let signIn: PendingSignIn | null = null

  const accountsFor = (code: DataCentreCode) =>
    options.accountsOverride ?? dataCentreOf(code)!.accounts
  const simulated = options.accountsOverride ? ' (simulated by LocalCRM)' : ''

  function info(): ConnectionInfo {
    const live = active === 'localcrm' ? local : zoho
    const error = active === 'localcrm' ? localError : zohoError
    const description =
      active === 'localcrm'
        ? 'LocalCRM on this computer'
        : `${zoho?.description ?? 'Zoho'}${simulated}`
    return {
      kind: active,
      state: signIn ? 'connecting' : live ? 'connected' : 'error',
      orgName: live?.org.name ?? null,
      description,
      message: live ? null : error,
      savedZoho: saved && {
        orgName: saved.orgName,
        dataCentre: saved.dataCentre,
        environment: saved.environment,
      },
      tokenStorage: vault.kind,
    }
  }

  async function changed(): Promise<ConnectionInfo> {
    await writeFile(settingsPath, JSON.stringify({ active })).catch(() => {})
    const now = info()
    options.onChange?.(now)
    return now
  }

  async function adopt(
    base: Omit<SavedZoho, 'orgName' | 'zgid'>,
    first: TokenAnswer,
  ): Promise<ConnectionInfo> {
    let next: ZohoConnection
    try {
      next = await openZohoConnection(base, options.dataDir, first)
    } catch (error) {
      // Do not leave a live refresh token behind for an org we cannot use.
      void createTokenManager({
        client: clientOf(base),
        refreshToken: base.refreshToken,
      }).revoke()
      throw error
    }
    if (zoho && zoho.saved.refreshToken !== base.refreshToken) {
      void zoho.tokens.revoke()
    }
    await vault.write(VAULT_KEY, JSON.stringify(next.saved))
    saved = next.saved
    zoho = next
    zohoError = null
    active = 'zoho'
    log.info(`connected to Zoho org ${next.org.zgid} (${next.key})`)
    return changed()
  }

  async function restore(): Promise<void> {
    if (!saved) return

    try {
      zoho = await openZohoConnection(saved, options.dataDir)
      zohoError = null
    } catch (error) {
      zohoError = error instanceof Error ? error.message : String(error)
      log.warn('the saved Zoho org could not be reached')
    }
  }

  try {
    if (options.localCrm === null) throw new Error(options.localCrmError ?? '')

    local = await connectLocalCrm(options.localCrm, options.dataDir)
  } catch (error) {
    localError = error instanceof Error ? error.message : String(error)
    log.error('could not connect to LocalCRM', error)
  }
  const last = await readFile(settingsPath, 'utf8').catch(() => '{}')
  if (saved && /"active":"zoho"/.test(last)) {
    active = 'zoho'
    await restore()
  }

  return {
    info,

    /** The connection in use; a clear error when there is none. */
    current(): CrmConnection {
      const live = active === 'localcrm' ? local : zoho
      if (live) return live

      const why = (active === 'localcrm' ? localError : zohoError) ?? ''
      throw new UserFacingError(
        'NOT_CONNECTED',
        `Not connected to a CRM. ${why} Open Connect to switch or sign in again.`.replace(
          /\s+/g,
          ' ',
        ),
      )
    },

    async connectZoho(request: ZohoSignInRequest): Promise<ConnectionInfo> {
      signIn?.cancel()
      const client = clientOf({
        ...request,
        accounts: accountsFor(request.dataCentre),
      })
      const pending = await signInWithBrowser({
        client,
        openExternal: options.openExternal,
      })
      signIn = pending
      options.onChange?.(info())
      let done
      try {
        done = await pending.done
      } finally {
        if (signIn === pending) signIn = null
        options.onChange?.(info())
      }
      const { answer, accounts } = done
      return adopt(
        {
          ...request,
          // Zoho may hand a user over to their own data centre.
          dataCentre: dataCentreOfHost(accounts)?.code ?? request.dataCentre,
          accounts,
          apiDomain: answer.apiDomain,
          refreshToken: answer.refreshToken,
        },
        answer,
      )
    },

    async connectSelfClient(
      request: ZohoSignInRequest & { code: string },
    ): Promise<ConnectionInfo> {
      const accounts = accountsFor(request.dataCentre)
      const answer = await exchangeCode(clientOf({ ...request, accounts }), {
        code: request.code.trim(),
      })
      return adopt(
        {
          dataCentre: request.dataCentre,
          environment: request.environment,
          clientId: request.clientId,
          clientSecret: request.clientSecret,
          accounts,
          apiDomain: answer.apiDomain,
          refreshToken: answer.refreshToken,
        },
        answer,
      )
    },

    cancelConnect(): void {
      signIn?.cancel()
    },

    async use(kind: 'localcrm' | 'zoho'): Promise<ConnectionInfo> {
      if (kind === 'zoho') {
        if (!saved) {
          throw new UserFacingError(
            'NO_ZOHO_ORG',
            'No Zoho org is connected yet. Choose a data centre, enter the client id and click Connect.',
          )
        }
        if (!zoho) await restore()
      }
      active = kind
      return changed()
    },

    async disconnectZoho(): Promise<ConnectionInfo> {
      signIn?.cancel()
      const revoked = zoho
        ? await zoho.tokens.revoke()
        : saved
          ? await createTokenManager({
              client: clientOf(saved),
              refreshToken: saved.refreshToken,
            }).revoke()
          : true
      await vault.wipe(VAULT_KEY)
      saved = null
      zoho = null
      zohoError = null
      active = 'localcrm'
      log.info(
        revoked
          ? 'disconnected from Zoho'
          : 'forgot the Zoho org; revoking was not confirmed',
      )
      const now = await changed()
      return revoked
        ? now
        : {
            ...now,
            message:
              'Bulkwright forgot the Zoho sign-in, but Zoho did not confirm revoking it. ' +
              'Remove Bulkwright under Connected Apps in your Zoho account settings.',
          }
    },

    refreshMetadata(): void {
      const live = active === 'localcrm' ? local : zoho
      live?.client.refreshMetadata()
    },

    async close(): Promise<void> {
      signIn?.cancel()
    },
  }
}

function clientOf(settings: {
  accounts: string
  clientId: string
  clientSecret: string
}) {
  return {
    accounts: settings.accounts,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
  }
}
