import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  apiDomainFor,
  apiDomainForEnvironment,
  isZohoHost,
  DATA_CENTRES,
  dataCentreOf,
  dataCentreOfHost,
  uploadHostFor,
} from './data-centres.ts'

describe('DATA_CENTRES', () => {
  it('lists the nine data centres the Connect screen offers', () => {
    assert.deepEqual(
      DATA_CENTRES.map((centre) => centre.code),
      ['us', 'eu', 'in', 'au', 'jp', 'cn', 'ca', 'sa', 'uk'],
    )
  })

  it('sends Canadian and Saudi uploads to their own upload hosts', () => {
    assert.equal(dataCentreOf('ca')?.upload, 'https://upload.zohocloud.ca')
    assert.equal(dataCentreOf('CA')?.accounts, 'https://accounts.zohocloud.ca')
    assert.equal(dataCentreOf('sa')?.upload, 'https://files.zoho.sa')
    assert.equal(dataCentreOf('eu')?.upload, 'https://content.zohoapis.eu')
  })
})

describe('apiDomainFor', () => {
  it('swaps www for sandbox and developer orgs', () => {
    const au = dataCentreOf('au')!
    assert.equal(apiDomainFor(au, 'production'), 'https://www.zohoapis.com.au')
    assert.equal(apiDomainFor(au, 'sandbox'), 'https://sandbox.zohoapis.com.au')
    assert.equal(
      apiDomainFor(au, 'developer'),
      'https://developer.zohoapis.com.au',
    )
  })
})

describe('dataCentreOfHost', () => {
  it('tells Australia from the United States by the whole ending', () => {
    assert.equal(dataCentreOfHost('https://www.zohoapis.com.au')?.code, 'au')
    assert.equal(dataCentreOfHost('https://sandbox.zohoapis.com')?.code, 'us')
    assert.equal(dataCentreOfHost('https://accounts.zoho.com.cn')?.code, 'cn')
    assert.equal(dataCentreOfHost('https://accounts.zohocloud.ca')?.code, 'ca')
  })

  it('knows no data centre for a local or foreign host', () => {
    assert.equal(dataCentreOfHost('http://127.0.0.1:4000'), undefined)
    assert.equal(dataCentreOfHost('https://example.com'), undefined)
    assert.equal(dataCentreOfHost('not a url'), undefined)
  })
})

describe('uploadHostFor', () => {
  it("follows the token's api_domain to its data centre's upload host", () => {
    assert.equal(
      uploadHostFor('https://www.zohoapis.sa'),
      'https://files.zoho.sa',
    )
    assert.equal(
      uploadHostFor('https://sandbox.zohoapis.eu'),
      'https://content.zohoapis.eu',
    )
  })

  it('uploads to the API domain itself when it is no Zoho host', () => {
    assert.equal(
      uploadHostFor('http://127.0.0.1:4000'),
      'http://127.0.0.1:4000',
    )
  })
})

describe('isZohoHost', () => {
  it('accepts https hosts on Zoho domains, download hosts included', () => {
    assert.equal(isZohoHost('https://download-accl.zoho.com/v2/x.zip'), true)
    assert.equal(isZohoHost('https://www.zohoapis.com.au/crm'), true)
    assert.equal(isZohoHost('https://upload.zohocloud.ca'), true)
  })

  it('refuses look-alikes, plain http and other hosts', () => {
    assert.equal(isZohoHost('https://zoho.com.evil.example/x'), false)
    assert.equal(isZohoHost('https://evilzoho.com/x'), false)
    assert.equal(isZohoHost('http://download.zoho.com/x'), false)
    assert.equal(isZohoHost('https://127.0.0.1/x'), false)
  })
})

describe('apiDomainForEnvironment', () => {
  it("moves the token's production domain to the sandbox host", () => {
    assert.equal(
      apiDomainForEnvironment('https://www.zohoapis.eu', 'sandbox'),
      'https://sandbox.zohoapis.eu',
    )
    assert.equal(
      apiDomainForEnvironment('https://www.zohoapis.eu', 'production'),
      'https://www.zohoapis.eu',
    )
  })

  it('keeps a local API domain as it is', () => {
    assert.equal(
      apiDomainForEnvironment('http://127.0.0.1:4000', 'developer'),
      'http://127.0.0.1:4000',
    )
  })
})
