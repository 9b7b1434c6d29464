import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { CONTENT_SECURITY_POLICY } from '../content-security-policy.ts'
import { secureWebPreferences } from '../web-preferences.ts'

describe('secureWebPreferences', () => {
  it('makes the renderer a sandboxed, context-isolated guest without Node', () => {
    const preferences = secureWebPreferences('/app/dist/main/preload.cjs', {
      packaged: true,
    })
    assert.equal(preferences.sandbox, true)
    assert.equal(preferences.contextIsolation, true)
    assert.equal(preferences.nodeIntegration, false)
    assert.equal(preferences.nodeIntegrationInWorker, false)
    assert.equal(preferences.nodeIntegrationInSubFrames, false)
    assert.equal(preferences.webSecurity, true)
    assert.equal(preferences.allowRunningInsecureContent, false)
    assert.equal(preferences.webviewTag, false)
    assert.equal(preferences.navigateOnDragDrop, false)
    assert.equal(preferences.experimentalFeatures, false)
    assert.equal(preferences.preload, '/app/dist/main/preload.cjs')
  })

  it('turns developer tools off in a packaged app only', () => {
    const preload = '/app/dist/main/preload.cjs'
    assert.equal(
      secureWebPreferences(preload, { packaged: true }).devTools,
      false,
    )
    assert.equal(
      secureWebPreferences(preload, { packaged: false }).devTools,
      true,
    )
  })
})

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...values]) => [name!, values.join(' ')]),
  )

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the app itself: no inline script, eval or remote hosts', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    assert.equal(policy.get('default-src'), "'none'")
    assert.equal(policy.get('script-src'), "'self'")
    assert.equal(policy.get('object-src'), "'none'")
    assert.equal(policy.get('frame-ancestors'), "'none'")
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-|https?:|\*/)
  })

  it('matches the meta tag of the wizard page, which works without headers', () => {
    const html = readFileSync(
      new URL('../../../renderer/index.html', import.meta.url),
      'utf8',
    )
    const meta =
      /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    assert.ok(meta?.[1], 'renderer/index.html has a CSP meta tag')
    const fromHeader = directives(CONTENT_SECURITY_POLICY)
    // A meta policy cannot carry frame-ancestors; browsers ignore it there.
    fromHeader.delete('frame-ancestors')
    assert.deepEqual(directives(meta[1]), fromHeader)
  })
})
