import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { redact } from '../redact.ts'

const TOKEN = '1000.8cb99dxxxxxxxxxxxxx9be93.9b8xxxxxxxxxxxxxxxf'
const HEX_TOKEN =
  '1000.a1b2c3d4e5f60718293a4b5c6d7e8f90.0f1e2d3c4b5a69788796a5b4c3d2e1f0'

describe('redact', () => {
  it('masks Zoho access tokens, refresh tokens and grant codes anywhere', () => {
    const line = redact(`refreshed with ${HEX_TOKEN} ok`)
    assert.equal(line, 'refreshed with 1000.[redacted] ok')
    assert.doesNotMatch(redact(`got ${TOKEN.toUpperCase()}`), /8CB99D/)
  })

  it('masks authorization headers in every spelling', () => {
    for (const line of [
      'Authorization: Zoho-oauthtoken abcdef123456',
      '{"Authorization":"Zoho-oauthtoken abcdef123456"}',
      'authorization=Bearer abcdef123456',
      'Authorization: Basic abcdef123456',
      'Authorization: abcdef123456',
      "headers: { authorization: 'abcdef123456' }",
      'Cookie: session=abcdef123456',
      'set-cookie: a=abcdef123456; Path=/',
    ]) {
      assert.doesNotMatch(redact(line), /abcdef123456/, line)
    }
  })

  it('keeps the scheme of an authorization header readable', () => {
    assert.equal(
      redact('Authorization: Zoho-oauthtoken 1000.0123456789ab.ba9876543210'),
      'Authorization: Zoho-oauthtoken [redacted]',
    )
  })

  it('masks secret values in query strings and form bodies', () => {
    const body =
      'grant_type=authorization_code&client_id=1000.ABC&client_secret=s3cr3tvalue' +
      '&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000&code=grantcode42&code_verifier=verif99'
    const line = redact(body)
    for (const secret of ['s3cr3tvalue', 'grantcode42', 'verif99']) {
      assert.doesNotMatch(line, new RegExp(secret))
    }
    assert.match(line, /grant_type=authorization_code/)
    assert.match(line, /client_id=1000\.ABC/)
    assert.equal(
      redact('GET /callback?state=xyz&code=grantcode42&location=eu'),
      'GET /callback?state=xyz&code=[redacted]&location=eu',
    )
  })

  it('masks secret values of JSON keys', () => {
    const json = JSON.stringify({
      access_token: 'accessvalue1',
      refresh_token: 'refreshvalue2',
      client_secret: 'secretvalue3',
      api_domain: 'https://www.zohoapis.eu',
      token_type: 'Bearer',
      expires_in: 3600,
    })
    const line = redact(json)
    for (const secret of ['accessvalue1', 'refreshvalue2', 'secretvalue3']) {
      assert.doesNotMatch(line, new RegExp(secret))
    }
    assert.match(line, /"api_domain":"https:\/\/www\.zohoapis\.eu"/)
    assert.match(line, /"expires_in":3600/)
  })

  it("keeps Zoho's error codes, which a support call needs", () => {
    const line = '{"code":"INVALID_DATA","details":{"api_name":"Email"}}'
    assert.equal(redact(line), line)
    assert.equal(
      redact('failed: error_code=MANDATORY_NOT_FOUND'),
      'failed: error_code=MANDATORY_NOT_FOUND',
    )
  })

  it('masks e-mail addresses, the commonest customer value', () => {
    assert.equal(
      redact('row 12 duplicate of jane.doe+crm@example.co.uk'),
      'row 12 duplicate of [e-mail]',
    )
  })

  it('leaves counts, ids and ordinary words alone', () => {
    const line =
      'job 4150868000005350003: 25000 rows, 312 skipped, token refresh due'
    assert.equal(redact(line), line)
  })

  it('is idempotent', () => {
    const once = redact(`Authorization: Zoho-oauthtoken ${HEX_TOKEN} code=abc`)
    assert.equal(redact(once), once)
  })
})
