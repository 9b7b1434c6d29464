import {
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react'
import type { GridRow, RowFilter } from '../../../app/contract.ts'
import { api, unwrap } from '../../api.ts'

/** Rows asked for at a time. */
export const PAGE_SIZE = 100

/** Page requests allowed at once. */
const MAX_IN_FLIGHT = 2

/**
 * Pages kept in memory. Far pages are dropped (and asked for again if the
 * user scrolls back), so that a scroll through a million rows neither holds
 * every row nor copies a growing list on each arrival.
 */
export const MAX_PAGES_KEPT = 60

/** Drops the pages farthest from the view once more than the cap are kept. */
export function evictFarPages(
  pages: Map<number, GridRow[]>,
  near: number,
  asked: Set<number>,
): Map<number, GridRow[]> {
  if (pages.size <= MAX_PAGES_KEPT) return pages

  const byDistance = [...pages.keys()].sort(
    (a, b) => Math.abs(b - near) - Math.abs(a - near),
  )
  const kept = new Map(pages)
  for (const page of byDistance.slice(0, pages.size - MAX_PAGES_KEPT)) {
    kept.delete(page)
    asked.delete(page)
  }
  return kept
}

/** The grid's rows, fetched a page at a time as they scroll into view. */
export function useRowPages(
  fileId: string,
  filter: RowFilter,
  generation: number,
) {
  const [pages, setPages] = useState<Map<number, GridRow[]>>(() => new Map())
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const asked = useRef(new Set<number>())
  const epoch = useRef(0)
  const filterKey = JSON.stringify(filter)

  const wanted = useRef({ first: 0, last: 0 })
  const inFlight = useRef(0)

  // Asks for the pages in view, at most two at a time; pages scrolled past
  // before their turn are never asked for, so a fast scroll leaves no queue.
  const pump = useCallback(() => {
    const { first, last } = wanted.current
    for (let page = first; page <= last; page++) {
      if (inFlight.current >= MAX_IN_FLIGHT) return

      if (asked.current.has(page)) continue

      asked.current.add(page)
      inFlight.current += 1
      const mine = epoch.current
      unwrap(
        api().listRows({
          fileId,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          filter: JSON.parse(filterKey) as RowFilter,
        }),
      )
        .then((result) => {
          if (mine !== epoch.current) return

          // Arriving rows render in the background; scrolling stays smooth.
          startTransition(() => {
            setTotal(result.total)
            setPages((old) =>
              evictFarPages(
                new Map(old).set(page, result.rows),
                wanted.current.first,
                asked.current,
              ),
            )
          })
        })
        .catch((failure: unknown) => {
          asked.current.delete(page)
          setError(failure instanceof Error ? failure.message : String(failure))
        })
        .finally(() => {
          if (mine !== epoch.current) return

          inFlight.current -= 1
          pump()
        })
    }
  }, [fileId, filterKey])

  useEffect(() => {
    epoch.current += 1
    asked.current = new Set()
    inFlight.current = 0
    wanted.current = { first: 0, last: 0 }
    setPages(new Map())
    setTotal(null)
    setError(null)
    pump()
  }, [pump, generation])

  /** Makes sure the rows from start to end (exclusive) are loaded. */
  const ensure = useCallback(
    (start: number, end: number) => {
      wanted.current = {
        first: Math.floor(start / PAGE_SIZE),
        last: Math.floor(Math.max(start, end - 1) / PAGE_SIZE),
      }
      pump()
    },
    [pump],
  )

  /** Puts a changed row in place without reloading the page. */
  const replaceRows = useCallback((change: (row: GridRow) => GridRow) => {
    setPages((old) => {
      const next = new Map<number, GridRow[]>()
      for (const [page, rows] of old) next.set(page, rows.map(change))
      return next
    })
  }, [])

  const rowAt = (index: number): GridRow | undefined =>
    pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]

  return { pages, total, error, ensure, replaceRows, rowAt }
}
