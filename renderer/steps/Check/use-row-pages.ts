import { useCallback, useEffect, useRef, useState } from 'react'
import type { GridRow, RowFilter } from '../../../app/contract.ts'
import { api, unwrap } from '../../api.ts'

/** Rows asked for at a time. */
export const PAGE_SIZE = 100

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

  const load = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return

      asked.current.add(page)
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

          setTotal(result.total)
          setPages((old) => new Map(old).set(page, result.rows))
        })
        .catch((failure: unknown) => {
          asked.current.delete(page)
          setError(failure instanceof Error ? failure.message : String(failure))
        })
    },
    [fileId, filterKey],
  )

  useEffect(() => {
    epoch.current += 1
    asked.current = new Set()
    setPages(new Map())
    setTotal(null)
    setError(null)
    load(0)
  }, [load, generation])

  /** Makes sure the rows from start to end (exclusive) are loaded. */
  const ensure = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(start / PAGE_SIZE)
      const last = Math.floor(Math.max(start, end - 1) / PAGE_SIZE)
      for (let page = first; page <= last; page++) load(page)
    },
    [load],
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
