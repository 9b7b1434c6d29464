import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  checkExternalUrl,
  EXTERNAL_LINK_HOSTS,
  openCheckedLink,
} from '../external-links.ts'

const CONSENT =
  'https://accounts.zoho.eu/oauth/v2/auth?scope=ZohoCRM.bulk.ALL&client_id=1000.ABC&response_type=code'

describe('checkExternalUrl', () => {
  it('accepts the consent page of every Zoho data centre', () => {
    for (const tld of [
      'com',
      'eu',
      'in',
      'com.au',
      'jp',
      'com.cn',
      'sa',
      'uk',
    ]) {
      const verdict = checkExternalUrl(
        `https://accounts.zoho.${tld}/oauth/v2/auth`,
      )
      assert.equal(verdict.ok, true, tld)
    }
    assert.equal(
      checkExternalUrl('https://accounts.zohocloud.ca/oauth/v2/auth').ok,
      true,
    )
  })

  it('accepts Zoho documentation pages', () => {
    const verdict = checkExternalUrl(
      'https://www.zoho.com/crm/developer/docs/api/v8/bulk-write/overview.html',
    )
    assert.equal(verdict.ok, true)
  })

  it('returns the URL as parsed, with its query intact', () => {
    assert.deepEqual(checkExternalUrl(CONSENT), {
      ok: true,
      url: CONSENT,
      host: 'accounts.zoho.eu',
    })
  })

  it('refuses http, file, javascript and data URLs', () => {
    const refused = [
      'http://accounts.zoho.com/oauth/v2/auth',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://accounts.zoho.com/share',
    ]
    for (const url of refused) {
      assert.deepEqual(
        checkExternalUrl(url),
        { ok: false, code: 'NOT_HTTPS' },
        url,
      )
    }
  })

  it('refuses hosts that only look like Zoho', () => {
    const refused = [
      'https://accounts.zoho.com.evil.example/oauth',
      'https://evil-accounts.zoho.com.example/',
      'https://zoho.com/',
      'https://accounts.zoho.co/',
      'https://xn--ccounts-zoho-6pb.com/',
      'https://127.0.0.1/',
      'https://example.com/?next=https://accounts.zoho.com/',
    ]
    for (const url of refused) {
      assert.deepEqual(
        checkExternalUrl(url),
        { ok: false, code: 'HOST_NOT_ALLOWED' },
        url,
      )
    }
  })

  it('refuses user names, passwords and ports', () => {
    assert.deepEqual(
      checkExternalUrl('https://accounts.zoho.com@evil.example/'),
      { ok: false, code: 'HAS_CREDENTIALS' },
    )
    assert.deepEqual(checkExternalUrl('https://user:pw@accounts.zoho.com/'), {
      ok: false,
      code: 'HAS_CREDENTIALS',
    })
    assert.deepEqual(checkExternalUrl('https://accounts.zoho.com:8443/'), {
      ok: false,
      code: 'HAS_PORT',
    })
  })

  it('refuses text that is not a URL, or is absurdly long', () => {
    assert.deepEqual(checkExternalUrl('accounts.zoho.com'), {
      ok: false,
      code: 'NOT_A_URL',
    })
    assert.deepEqual(checkExternalUrl(''), { ok: false, code: 'NOT_A_URL' })
    const long = `https://www.zoho.com/${'a'.repeat(5_000)}`
    assert.deepEqual(checkExternalUrl(long), { ok: false, code: 'NOT_A_URL' })
  })

  it('compares hosts after the parser lower-cases them', () => {
    assert.equal(checkExternalUrl('https://ACCOUNTS.ZOHO.COM/').ok, true)
  })

  it('lists only https-able Zoho hosts', () => {
    for (const host of EXTERNAL_LINK_HOSTS) {
      assert.match(host, /^[a-z-]+\.(zoho|zohocloud)\.[a-z.]+$/)
    }
  })
})

describe('openCheckedLink', () => {
  it('opens an allowed link in the browser', async () => {
    const opened: string[] = []
    const outcome = await openCheckedLink(async (url) => {
      opened.push(url)
    }, CONSENT)
    assert.deepEqual(outcome, { opened: true })
    assert.deepEqual(opened, [CONSENT])
  })

  it('never calls the browser for a refused link', async () => {
    const opened: string[] = []
    const outcome = await openCheckedLink(async (url) => {
      opened.push(url)
    }, 'https://evil.example/')
    assert.deepEqual(outcome, { opened: false, code: 'HOST_NOT_ALLOWED' })
    assert.deepEqual(opened, [])
  })
})
