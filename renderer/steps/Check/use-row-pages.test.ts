import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { GridRow } from '../../../app/contract.ts'
import { evictFarPages, MAX_PAGES_KEPT } from './use-row-pages.ts'

const pagesUpTo = (count: number) =>
  new Map<number, GridRow[]>(
    Array.from({ length: count }, (_, page) => [page, []]),
  )

describe('evictFarPages', () => {
  it('keeps every page while there are no more than the cap', () => {
    const pages = pagesUpTo(MAX_PAGES_KEPT)
    assert.equal(evictFarPages(pages, 0, new Set()), pages)
  })

  it('drops the pages farthest from the view and lets them be asked again', () => {
    const pages = pagesUpTo(MAX_PAGES_KEPT + 10)
    const asked = new Set(pages.keys())
    const kept = evictFarPages(pages, MAX_PAGES_KEPT + 9, asked)
    assert.equal(kept.size, MAX_PAGES_KEPT)
    assert.ok(kept.has(MAX_PAGES_KEPT + 9), 'the page in view stays')
    assert.ok(!kept.has(0), 'the first page, farthest away, goes')
    assert.ok(!asked.has(0), 'and will be fetched again when scrolled back')
    assert.equal(asked.size, MAX_PAGES_KEPT)
  })
})
