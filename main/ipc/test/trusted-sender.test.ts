import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isFromPage } from '../trusted-sender.ts'

const PAGE =
  'file:///opt/Bulkwright/resources/app.asar/dist/renderer/index.html'

describe('isFromPage', () => {
  const trusted = isFromPage(PAGE)

  it("trusts the wizard's page, with or without a fragment", () => {
    assert.equal(trusted({ url: PAGE }), true)
    assert.equal(trusted({ url: `${PAGE}#/check` }), true)
  })

  it('refuses other files, other schemes and other hosts', () => {
    for (const url of [
      'file:///tmp/index.html',
      'file:///opt/Bulkwright/resources/app.asar/dist/renderer/other.html',
      'https://evil.example/dist/renderer/index.html',
      'http://127.0.0.1:5177/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      assert.equal(trusted({ url }), false, url)
    }
  })
})
