import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalCrm, type LocalCrm } from '../localcrm/local-crm.ts'
import { signInWithBrowser, trustedAccounts } from './authorize.ts'
import { challengeOf } from './pkce.ts'
import { consentClicker, type BrowserVisit } from './test/consent-clicker.ts'
import { exchangeCode, type OAuthClient } from './token-endpoint.ts'
import { createTokenManager } from './token-manager.ts'

describe('signInWithBrowser against LocalCRM', () => {
  let crm: LocalCrm
  let dataDir: string
  let client: OAuthClient

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bulkwright-signin-'))
    crm = await startLocalCrm({ dataDir, msPerRow: 0 })
    client = { accounts: crm.url, ...crm.client }
  })
  after(async () => {
    await crm.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('asks for consent with PKCE S256, offline access and a random state', async () => {
    const visits: BrowserVisit[] = []
    const pending = await signInWithBrowser({
      client,
      openExternal: consentClicker('accept', visits),
    })
    const { answer, accounts } = await pending.done
    const asked = new URL(visits[0]!.consentUrl).searchParams
    assert.equal(asked.get('code_challenge_method'), 'S256')
    assert.equal(asked.get('code_challenge')?.length, 43)
    assert.equal(asked.get('access_type'), 'offline')
    assert.equal(asked.get('prompt'), 'consent')
    assert.equal(asked.get('response_type'), 'code')
    assert.match(asked.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.match(asked.get('scope') ?? '', /ZohoFiles\.files\.ALL/)
    assert.ok((asked.get('state') ?? '').length >= 32)
    assert.match(visits[0]!.finalPage, /Bulkwright is connected/)
    assert.equal(accounts, crm.url)
    assert.equal(answer.apiDomain, crm.url)

    const tokens = createTokenManager({
      client: { ...client, accounts },
      refreshToken: answer.refreshToken,
    })
    assert.ok((await tokens.accessToken()).startsWith('1000.'))
  })

  it('gives a different state and verifier to every sign-in', async () => {
    const visits: BrowserVisit[] = []
    for (let i = 0; i < 2; i += 1) {
      const pending = await signInWithBrowser({
        client,
        openExternal: consentClicker('accept', visits),
      })
      await pending.done
    }
    const [a, b] = visits.map((v) => new URL(v.consentUrl).searchParams)
    assert.notEqual(a!.get('state'), b!.get('state'))
    assert.notEqual(a!.get('code_challenge'), b!.get('code_challenge'))
  })

  it('reports a refused consent', async () => {
    const pending = await signInWithBrowser({
      client,
      openExternal: consentClicker('reject'),
    })
    await assert.rejects(pending.done, { code: 'OAUTH_DENIED' })
  })

  it('ignores a redirect with a forged state and keeps waiting', async () => {
    const visits: BrowserVisit[] = []
    let redirectUri = ''
    const pending = await signInWithBrowser({
      client,
      timeoutMs: 2_000,
      openExternal: async (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? ''
        const forged = await fetch(`${redirectUri}?state=forged&code=1000.x.y`)
        assert.equal(forged.status, 400)
        await consentClicker('accept', visits)(url)
      },
    })
    assert.ok((await pending.done).answer.refreshToken)
    // One use: the listener is closed now.
    await assert.rejects(fetch(`${redirectUri}?state=x&code=y`))
  })

  it('gives up when no redirect comes in time', async () => {
    const pending = await signInWithBrowser({
      client,
      timeoutMs: 50,
      openExternal: async () => {},
    })
    await assert.rejects(pending.done, { code: 'OAUTH_TIMEOUT' })
  })

  it('stops waiting when the user cancels', async () => {
    const pending = await signInWithBrowser({
      client,
      openExternal: async () => {},
    })
    pending.cancel()
    await assert.rejects(pending.done, /cancelled/)
  })

  it('exchanges a pasted Self Client code without a redirect', async () => {
    const answer = await exchangeCode(client, { code: crm.createGrantCode() })
    assert.equal(answer.apiDomain, crm.url)
    assert.ok(answer.refreshToken.startsWith('1000.'))
  })
})

describe('trustedAccounts', () => {
  it("follows Zoho's hand-over to another data centre's accounts server", () => {
    assert.equal(
      trustedAccounts('https://accounts.zoho.com', 'https://accounts.zoho.eu'),
      'https://accounts.zoho.eu',
    )
  })

  it('keeps the first server when the redirect names a foreign one', () => {
    for (const named of [
      'https://evil.example',
      'http://accounts.zoho.eu',
      'https://www.zohoapis.eu',
      'not a url',
    ]) {
      assert.equal(
        trustedAccounts('https://accounts.zoho.com', named),
        'https://accounts.zoho.com',
      )
    }
  })
})

describe('challengeOf', () => {
  it('matches the RFC 7636 example', () => {
    assert.equal(
      challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    )
  })
})
