import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RecentMapping } from '../../contract.ts'
import { findRecentMapping, sameHeaders } from '../recent-mappings.ts'

const recent = (module: string, headers: string[]): RecentMapping => ({
  headers,
  savedAt: '2026-12-01T10:00:00.000Z',
  mapping: {
    version: 1,
    module,
    operation: 'insert',
    findBy: null,
    ignoreEmpty: false,
    fields: [],
  },
})

describe('recent mappings', () => {
  it('matches files with the same set of headers in any order', () => {
    assert.ok(sameHeaders(['Email', 'Name'], ['Name', ' Email']))
    assert.ok(!sameHeaders(['Email', 'Name'], ['Email', 'Name', 'Phone']))
  })

  it('offers the newest mapping for the same headers and module', () => {
    const list = [
      recent('Leads', ['A', 'B']),
      recent('Contacts', ['A', 'B']),
      recent('Contacts', ['A']),
    ]
    assert.equal(findRecentMapping(list, ['B', 'A'], 'Contacts'), list[1])
    assert.equal(findRecentMapping(list, ['C'], 'Contacts'), null)
  })
})
