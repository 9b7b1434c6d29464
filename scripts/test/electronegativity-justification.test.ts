import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { justifiedNear } from '../check-electronegativity.mjs'

describe('justifiedNear', () => {
  it('reads one id from a comment just above the finding', () => {
    const text = [
      'const a = 1',
      '// electronegativity-ok OPEN_EXTERNAL_JS_CHECK: allow-listed URL only',
      'await shell.openExternal(url)',
    ].join('\n')
    assert.deepEqual(justifiedNear(text, 3), ['OPEN_EXTERNAL_JS_CHECK'])
  })

  it('reads several ids, also when the list wraps onto the next line', () => {
    const text = [
      '  // electronegativity-ok CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK,',
      '  // AUXCLICK_JS_CHECK: set by secureWebPreferences()',
      '  const window = new BrowserWindow({',
    ].join('\n')
    assert.deepEqual(justifiedNear(text, 3), [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'AUXCLICK_JS_CHECK',
    ])
  })

  it('reads HTML comments', () => {
    const text =
      "<!-- electronegativity-ok CSP_GLOBAL_CHECK: 'self' is the app -->\n<meta>"
    assert.deepEqual(justifiedNear(text, 2), ['CSP_GLOBAL_CHECK'])
  })

  it('ignores comments too far above, below, or without a reason', () => {
    const far = [
      '// electronegativity-ok SANDBOX_JS_CHECK: far away',
      ...Array(6).fill(''),
      'new BrowserWindow({})',
    ].join('\n')
    assert.deepEqual(justifiedNear(far, 8), [])
    const below =
      'new BrowserWindow({})\n// electronegativity-ok SANDBOX_JS_CHECK: x'
    assert.deepEqual(justifiedNear(below, 1), [])
    const bare =
      '// electronegativity-ok SANDBOX_JS_CHECK\nnew BrowserWindow({})'
    assert.deepEqual(justifiedNear(bare, 2), [])
  })
})
