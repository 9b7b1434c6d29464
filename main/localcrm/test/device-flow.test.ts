import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startHarness, type Harness, type Loose } from './helpers.ts'

describe('LocalCRM device flow (reference §1.6)', () => {
  let h: Harness
  let clock = Date.UTC(2026, 0, 1)
  before(async () => {
    h = await startHarness({ now: () => clock })
  })
  after(() => h.stop())

  const post = (path: string, params: Record<string, string>) =>
    fetch(h.crm.url + path, {
      method: 'POST',
      body: new URLSearchParams(params),
    })

  it('hands out a user code, answers pending / slow_down until a person approves, then tokens', async () => {
    const { clientId, clientSecret } = h.crm.client
    const start = (await (
      await post('/oauth/v3/device/code', {
        client_id: clientId,
        grant_type: 'device_request',
        scope: 'ZohoCRM.org.READ',
        access_type: 'offline',
      })
    ).json()) as Loose
    assert.equal(start.verification_url, `${h.crm.url}/oauth/v3/device`)
    assert.equal(start.interval, 30)

    const poll = async () =>
      (await (
        await post('/oauth/v3/device/token', {
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'device_token',
          code: start.device_code,
        })
      ).json()) as Loose
    assert.deepEqual(await poll(), { error: 'authorization_pending' })
    assert.deepEqual(await poll(), { error: 'slow_down' })

    const page = await fetch(
      `${start.verification_url}?user_code=${start.user_code}`,
    )
    assert.match(await page.text(), /value="accept"/)
    const approved = await post('/oauth/v3/device', {
      user_code: start.user_code,
      decision: 'accept',
    })
    assert.equal(approved.status, 200)

    clock += 30_000
    const tokens = await poll()
    assert.ok(tokens.access_token)
    assert.ok(tokens.refresh_token)
    assert.equal(tokens.api_domain, h.crm.url)
    assert.deepEqual(await poll(), { error: 'invalid_code' })
  })

  it('answers access_denied when the person rejects and expired after five minutes', async () => {
    const start = async () =>
      (await (
        await post('/oauth/v3/device/code', {
          client_id: h.crm.client.clientId,
          grant_type: 'device_request',
          scope: 'ZohoCRM.org.READ',
        })
      ).json()) as Loose
    const poll = async (code: string) =>
      (await (
        await post('/oauth/v3/device/token', {
          client_id: h.crm.client.clientId,
          client_secret: h.crm.client.clientSecret,
          grant_type: 'device_token',
          code,
        })
      ).json()) as Loose
    const denied = await start()
    await post('/oauth/v3/device', {
      user_code: denied.user_code,
      decision: 'reject',
    })
    assert.deepEqual(await poll(denied.device_code), { error: 'access_denied' })

    const late = await start()
    clock += 300_000
    assert.deepEqual(await poll(late.device_code), { error: 'expired' })
  })
})
