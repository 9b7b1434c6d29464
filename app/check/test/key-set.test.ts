import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { KeySet } from '../key-set.ts'

describe('KeySet', () => {
  it('returns the first line of a value seen before, ignoring spaces and case', () => {
    const keys = new KeySet(false)
    assert.equal(keys.firstLine('Ann@Example.com', 2), 0)
    assert.equal(keys.firstLine('  ann@example.COM ', 9), 2)
    assert.equal(keys.firstLine('ann@example.org', 10), 0)
  })

  it('tells case apart when the field is case-sensitive', () => {
    const keys = new KeySet(true)
    assert.equal(keys.firstLine('ABC', 2), 0)
    assert.equal(keys.firstLine('abc', 3), 0)
    assert.equal(keys.firstLine('ABC', 4), 2)
  })

  it('keeps every key while growing past its first capacity', () => {
    const keys = new KeySet(false, 4)
    for (let i = 0; i < 50_000; i++)
      assert.equal(keys.firstLine(`k${i}`, i + 2), 0)
    for (let i = 0; i < 50_000; i += 997)
      assert.equal(keys.firstLine(`K${i}`, 1), i + 2)
  })

  it('folds non-ASCII case too', () => {
    const keys = new KeySet(false)
    keys.firstLine('ÅRHUS', 2)
    assert.equal(keys.firstLine('århus', 3), 2)
  })
})
