import { after, before, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { OAuthError } from './oauth-error.ts'
import { startAccountsStub, type AccountsStub } from './test/accounts-stub.ts'
import { exchangeCode, type OAuthClient } from './token-endpoint.ts'
import { createTokenManager, type TokenManager } from './token-manager.ts'

const MINUTE = 60_000

describe('createTokenManager', () => {
  let stub: AccountsStub
  let client: OAuthClient
  let manager: TokenManager
  let firstToken: string

  before(async () => {
    stub = await startAccountsStub()
    client = {
      accounts: stub.url,
      clientId: stub.book.client.clientId,
      clientSecret: stub.book.client.clientSecret,
    }
  })
  after(() => stub.close())

  beforeEach(async () => {
    stub.calls.length = 0
    const first = await exchangeCode(client, { code: stub.selfClientCode() })
    firstToken = first.accessToken
    manager = createTokenManager({
      client,
      refreshToken: first.refreshToken,
      first,
      now: () => stub.clock.now,
    })
  })

  it('uses the token of the code exchange while it is fresh', async () => {
    stub.clock.now += 30 * MINUTE
    assert.equal(await manager.accessToken(), firstToken)
    assert.deepEqual(stub.calls, ['authorization_code'])
  })

  it('renews the token five minutes before it expires', async () => {
    stub.clock.now += 56 * MINUTE
    const renewed = await manager.accessToken()
    assert.notEqual(renewed, firstToken)
    assert.equal(stub.book.check(`Zoho-oauthtoken ${renewed}`).ok, true)
    assert.deepEqual(stub.calls, ['authorization_code', 'refresh_token'])
  })

  it('runs one refresh for twenty callers waiting at once', async () => {
    stub.clock.now += 2 * 60 * MINUTE
    stub.hold()
    const waiting = Array.from({ length: 20 }, () => manager.accessToken())
    stub.release()
    const tokens = new Set(await Promise.all(waiting))
    assert.equal(tokens.size, 1)
    assert.equal(stub.calls.filter((c) => c === 'refresh_token').length, 1)
  })

  it('refreshes once when many calls report the same token as refused', async () => {
    for (let i = 0; i < 5; i += 1) manager.invalidate(firstToken)
    const [a, b] = await Promise.all([
      manager.accessToken(),
      manager.accessToken(),
    ])
    assert.equal(a, b)
    assert.notEqual(a, firstToken)
    // A late report about the old token does not throw away the new one.
    manager.invalidate(firstToken)
    assert.equal(await manager.accessToken(), a)
    assert.equal(stub.calls.filter((c) => c === 'refresh_token').length, 1)
  })

  it('holds back the eleventh refresh in ten minutes with a clear error', async () => {
    let last = ''
    for (let i = 0; i < 10; i += 1) {
      manager.invalidate(await manager.accessToken())
      last = await manager.accessToken()
      stub.clock.now += 10_000
    }
    assert.equal(manager.recentRefreshes(), 10)
    manager.invalidate(last)
    await assert.rejects(manager.accessToken(), (error: unknown) => {
      assert.ok(error instanceof OAuthError)
      assert.equal(error.code, 'OAUTH_THROTTLED')
      assert.match(error.message, /Try again in \d+ minute/)
      return true
    })
    // Zoho was never asked an eleventh time, so it never said Access Denied.
    assert.equal(stub.calls.filter((c) => c === 'refresh_token').length, 10)

    stub.clock.now += 10 * MINUTE
    assert.ok((await manager.accessToken()).startsWith('1000.'))
  })

  it('reports Zoho throttling as the same clear error', async () => {
    const refreshToken = (
      await exchangeCode(client, { code: stub.selfClientCode() })
    ).refreshToken
    for (let i = 0; i < 10; i += 1) stub.book.refresh(refreshToken)
    const other = createTokenManager({
      client,
      refreshToken,
      now: () => stub.clock.now,
    })
    await assert.rejects(other.accessToken(), { code: 'OAUTH_THROTTLED' })
  })

  it('revokes the refresh token and refuses to mint after', async () => {
    assert.equal(await manager.revoke(), true)
    assert.equal(stub.book.check(`Zoho-oauthtoken ${firstToken}`).ok, false)
    await assert.rejects(manager.accessToken(), /disconnected/)
  })

  it('says which data centre to check when the client id is unknown', async () => {
    await assert.rejects(
      exchangeCode(
        { ...client, clientId: '1000.NOTHERE' },
        { code: stub.selfClientCode() },
      ),
      (error: unknown) => {
        assert.ok(error instanceof OAuthError)
        assert.equal(error.code, 'OAUTH_INVALID_CLIENT')
        assert.match(error.message, /data centre/)
        return true
      },
    )
  })

  it('explains a used Self Client code', async () => {
    const code = stub.selfClientCode()
    await exchangeCode(client, { code })
    await assert.rejects(exchangeCode(client, { code }), {
      code: 'OAUTH_INVALID_CODE',
    })
  })
})
