import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  exchange,
  startHarness,
  uploadInit,
  zipOf,
  type Harness,
  type Loose,
} from './helpers.ts'

const HOUR = 3_600_000

describe('LocalCRM OAuth (reference §1)', () => {
  let h: Harness
  let clock = Date.UTC(2026, 0, 1)
  before(async () => {
    h = await startHarness({ now: () => clock })
  })
  after(() => h.stop())

  const token = (params: Record<string, string>, init: RequestInit = {}) =>
    fetch(`${h.crm.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams(params),
      ...init,
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Loose,
    }))
  const client = () => ({
    client_id: h.crm.client.clientId,
    client_secret: h.crm.client.clientSecret,
  })

  it('issues Zoho-shaped tokens for a Self Client code, once', async () => {
    const code = h.crm.createGrantCode()
    const first = await exchange(h.crm, code)
    assert.match(first.access_token, /^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/)
    assert.ok(first.refresh_token)
    assert.equal(first.api_domain, h.crm.url)
    assert.equal(first.expires_in, 3600)
    assert.equal(first.token_type, 'Bearer')
    const again = await exchange(h.crm, code)
    assert.deepEqual(again, { error: 'invalid_code' })
  })

  it('answers errors with HTTP 200 and an error key', async () => {
    const wrong = await token({
      grant_type: 'authorization_code',
      client_id: 'nope',
      code: 'x',
    })
    assert.deepEqual(wrong, { status: 200, body: { error: 'invalid_client' } })
    const secret = await token({
      ...client(),
      client_secret: 'bad',
      grant_type: 'refresh_token',
      refresh_token: h.refreshToken,
    })
    assert.deepEqual(secret.body, { error: 'invalid_client_secret' })
  })

  it('takes parameters from the query string and client credentials from Basic auth', async () => {
    const code = h.crm.createGrantCode()
    const basic = Buffer.from(
      `${h.crm.client.clientId}:${h.crm.client.clientSecret}`,
    ).toString('base64')
    const response = await fetch(
      `${h.crm.url}/oauth/v2/token?grant_type=authorization_code&code=${code}`,
      {
        method: 'POST',
        headers: { authorization: `Basic ${basic}` },
      },
    )
    assert.ok(((await response.json()) as Loose).access_token)
  })

  it('expires access tokens after one hour; a refresh gives a working one', async () => {
    const { body } = await token({
      ...client(),
      grant_type: 'refresh_token',
      refresh_token: h.refreshToken,
    })
    assert.equal(body.refresh_token, undefined)
    const use = (t: string) =>
      fetch(`${h.crm.url}/crm/v8/org`, {
        headers: { authorization: `Zoho-oauthtoken ${t}` },
      })
    assert.equal((await use(body.access_token)).status, 200)
    clock += HOUR
    const expired = await use(body.access_token)
    assert.equal(expired.status, 401)
    assert.equal(((await expired.json()) as Loose).code, 'INVALID_TOKEN')
  })

  it('throttles the eleventh refresh within ten minutes with "Access Denied" (HTTP 200)', async () => {
    clock += HOUR
    const refresh = () =>
      token({
        ...client(),
        grant_type: 'refresh_token',
        refresh_token: h.refreshToken,
      })
    for (let i = 0; i < 10; i += 1)
      assert.ok((await refresh()).body.access_token)
    const denied = await refresh()
    assert.equal(denied.status, 200)
    assert.equal(denied.body.error, 'Access Denied')
    clock += 600_001
    assert.ok((await refresh()).body.access_token)
  })

  it('revokes a refresh token and the access tokens minted from it', async () => {
    const tokens = await exchange(h.crm, h.crm.createGrantCode())
    const revoke = await fetch(
      `${h.crm.url}/oauth/v2/token/revoke?token=${tokens.refresh_token}`,
      { method: 'POST' },
    )
    assert.equal(((await revoke.json()) as Loose).status, 'success')
    const after = await token({
      ...client(),
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    })
    assert.deepEqual(after.body, { error: 'invalid_code' })
    const use = await fetch(`${h.crm.url}/crm/v8/org`, {
      headers: { authorization: `Zoho-oauthtoken ${tokens.access_token}` },
    })
    assert.equal(use.status, 401)
  })

  it('enforces scopes per endpoint with OAUTH_SCOPE_MISMATCH', async () => {
    const narrow = await exchange(
      h.crm,
      h.crm.createGrantCode(['ZohoCRM.org.READ', 'ZohoCRM.bulk.ALL']),
    )
    const headers = { authorization: `Zoho-oauthtoken ${narrow.access_token}` }
    assert.equal(
      (await fetch(`${h.crm.url}/crm/v8/org`, { headers })).status,
      200,
    )
    const fields = await fetch(
      `${h.crm.url}/crm/v8/settings/fields?module=Contacts`,
      { headers },
    )
    assert.equal(fields.status, 401)
    assert.equal(((await fields.json()) as Loose).code, 'OAUTH_SCOPE_MISMATCH')
    const init = uploadInit(await zipOf('a.csv', 'Last_Name\nA'))
    const upload = await fetch(`${h.crm.url}/crm/v8/upload`, {
      ...init,
      headers: { ...(init.headers as object), ...headers },
    })
    assert.equal(((await upload.json()) as Loose).code, 'OAUTH_SCOPE_MISMATCH')
    const job = await fetch(`${h.crm.url}/crm/bulk/v8/write`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        operation: 'insert',
        resource: [
          { type: 'data', module: { api_name: 'Contacts' }, file_id: '1' },
        ],
      }),
    })
    assert.equal(((await job.json()) as Loose).code, 'OAUTH_SCOPE_MISMATCH')
  })
})

describe('LocalCRM consent page (authorization-code flow with PKCE)', () => {
  let h: Harness
  before(async () => {
    h = await startHarness()
  })
  after(() => h.stop())

  const verifier = 'a-verifier-of-enough-length-0123456789-abcdefghijkl'
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const query = () =>
    new URLSearchParams({
      client_id: h.crm.client.clientId,
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:53682/callback',
      scope: 'ZohoCRM.org.READ,ZohoCRM.modules.ALL',
      access_type: 'offline',
      state: 'st-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })

  it('shows a page with Accept and Reject for a loopback redirect URI', async () => {
    const page = await fetch(`${h.crm.url}/oauth/v2/auth?${query()}`)
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.match(html, /<button[^>]*value="accept"[^>]*>Accept<\/button>/)
    assert.match(html, /ZohoCRM\.modules\.ALL/)
  })

  it('refuses a redirect URI that is not loopback', async () => {
    const params = query()
    params.set('redirect_uri', 'https://evil.example/cb')
    const page = await fetch(`${h.crm.url}/oauth/v2/auth?${params}`)
    assert.equal(page.status, 400)
  })

  it('redirects with code, location, accounts-server and state; the code needs the PKCE verifier', async () => {
    const form = query()
    form.set('decision', 'accept')
    const answer = await fetch(`${h.crm.url}/oauth/v2/auth`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    assert.equal(answer.status, 302)
    const location = new URL(answer.headers.get('location') ?? '')
    assert.equal(
      location.origin + location.pathname,
      'http://127.0.0.1:53682/callback',
    )
    assert.equal(location.searchParams.get('state'), 'st-1')
    assert.equal(location.searchParams.get('location'), 'us')
    assert.equal(location.searchParams.get('accounts-server'), h.crm.url)
    const code = location.searchParams.get('code') ?? ''

    const exchangeWith = (v: string, c: string) =>
      fetch(`${h.crm.url}/oauth/v2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: h.crm.client.clientId,
          redirect_uri: 'http://127.0.0.1:53682/callback',
          code: c,
          code_verifier: v,
        }),
      }).then((r) => r.json() as Promise<Loose>)
    assert.deepEqual(await exchangeWith('wrong', code), {
      error: 'invalid_code_verifier',
    })

    const second = await fetch(`${h.crm.url}/oauth/v2/auth`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    const code2 =
      new URL(second.headers.get('location') ?? '').searchParams.get('code') ??
      ''
    const tokens = await exchangeWith(verifier, code2)
    assert.ok(tokens.access_token)
    assert.ok(tokens.refresh_token)
  })

  it('redirects with error=access_denied when the person rejects', async () => {
    const form = query()
    form.set('decision', 'reject')
    const answer = await fetch(`${h.crm.url}/oauth/v2/auth`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    const location = new URL(answer.headers.get('location') ?? '')
    assert.equal(location.searchParams.get('error'), 'access_denied')
    assert.equal(location.searchParams.get('code'), null)
  })
})
