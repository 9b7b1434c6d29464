import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCrm, type LocalCrm } from '../localcrm/local-crm.ts'
import { fileVault } from '../oauth/file-vault.ts'
import { consentClicker } from '../oauth/test/consent-clicker.ts'
import { exchangeCode } from '../oauth/token-endpoint.ts'
import type { TokenVault } from '../oauth/vault.ts'
import { createConnectionManager } from './connection-manager.ts'
import { parseSaved } from './zoho-connection.ts'

describe('createConnectionManager', () => {
  let crm: LocalCrm
  let dir: string
  let vault: TokenVault

  const manager = (decision: 'accept' | 'reject' = 'accept') =>
    createConnectionManager({
      localCrm: crm,
      dataDir: dir,
      vault,
      openExternal: consentClicker(decision),
      accountsOverride: crm.url,
    })
  const signIn = {
    dataCentre: 'eu' as const,
    environment: 'sandbox' as const,
    clientId: '',
    clientSecret: '',
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulkwright-connections-'))
    crm = await startLocalCrm({ dataDir: join(dir, 'localcrm'), msPerRow: 0 })
    vault = fileVault(join(dir, 'secrets'))
    signIn.clientId = crm.client.clientId
    signIn.clientSecret = crm.client.clientSecret
  })
  after(async () => {
    await crm.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('starts on LocalCRM with nothing saved', async () => {
    const info = (await manager()).info()
    assert.equal(info.kind, 'localcrm')
    assert.equal(info.state, 'connected')
    assert.equal(info.savedZoho, null)
    assert.equal(info.tokenStorage, 'test-file')
  })

  it('connects with a Self Client code and keeps the org apart', async () => {
    const connections = await manager()
    const localDir = connections.current().workDir
    const info = await connections.connectSelfClient({
      ...signIn,
      code: crm.createGrantCode(),
    })
    assert.equal(info.kind, 'zoho')
    assert.equal(info.state, 'connected')
    assert.match(info.orgName ?? '', /^Zylker Traders/)
    assert.match(info.description, /^Zoho EU, sandbox/)
    assert.equal(info.savedZoho?.orgName, info.orgName)
    assert.equal(info.savedZoho?.dataCentre, 'eu')
    assert.equal(info.savedZoho?.environment, 'sandbox')
    const zoho = connections.current()
    assert.notEqual(zoho.workDir, localDir)
    assert.match(zoho.key, /^zoho-eu-sandbox-\d+$/)
  })

  it('switches to LocalCRM and back in one step without signing in', async () => {
    const connections = await manager()
    assert.equal(connections.info().kind, 'zoho')
    const zohoKey = connections.current().key
    assert.equal((await connections.use('localcrm')).kind, 'localcrm')
    assert.equal(connections.current().key, 'localcrm')
    const back = await connections.use('zoho')
    assert.equal(back.state, 'connected')
    assert.equal(connections.current().key, zohoKey)
  })

  it('signs in through the consent page', async () => {
    const connections = await manager()
    const info = await connections.connectZoho({
      ...signIn,
      environment: 'production',
    })
    assert.equal(info.state, 'connected')
    assert.match(info.description, /^Zoho EU, production/)
  })

  it('keeps the current connection when consent is refused', async () => {
    const connections = await manager('reject')
    await connections.use('localcrm')
    await assert.rejects(connections.connectZoho(signIn), {
      code: 'OAUTH_DENIED',
    })
    assert.equal(connections.info().kind, 'localcrm')
    assert.equal(connections.info().state, 'connected')
  })

  it('revokes and wipes the token on disconnect', async () => {
    const connections = await manager()
    await connections.use('zoho')
    const saved = parseSaved(await vault.read('zoho'))
    assert.ok(saved)
    const info = await connections.disconnectZoho()
    assert.equal(info.kind, 'localcrm')
    assert.equal(info.savedZoho, null)
    assert.equal(info.message, null)
    assert.equal(await vault.read('zoho'), null)
    await assert.rejects(
      exchangeCode(
        { accounts: crm.url, ...crm.client },
        { code: saved.refreshToken },
      ),
    )
    const refreshed = await fetch(`${crm.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: crm.client.clientId,
        client_secret: crm.client.clientSecret,
        refresh_token: saved.refreshToken,
      }),
    })
    assert.equal(
      ((await refreshed.json()) as { error?: string }).error,
      'invalid_code',
    )
    await assert.rejects(connections.use('zoho'), { code: 'NO_ZOHO_ORG' })
  })

  it('comes back to the saved org after a restart', async () => {
    const first = await manager()
    await first.connectSelfClient({ ...signIn, code: crm.createGrantCode() })
    const again = await manager()
    assert.equal(again.info().kind, 'zoho')
    assert.equal(again.info().state, 'connected')
    await again.disconnectZoho()
  })
})
