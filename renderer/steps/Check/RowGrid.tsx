import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Table,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import type {
  ColumnSummary,
  GridRow,
  RowFilter,
} from '../../../app/contract.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import { GridCell } from './GridCell.tsx'
import { rows } from './ImportPlan.tsx'
import { useRowPages } from './use-row-pages.ts'

type Props = {
  fileId: string
  fileName: string
  columns: ColumnSummary[]
  mapping: ImportMapping
  fieldLabels: Map<string, string>
  filter: RowFilter
  /** Bumped when every row may have changed (a transform was applied). */
  generation: number
  onEdit: (row: GridRow, column: number, value: string) => Promise<GridRow>
  onExclude: (row: GridRow, excluded: boolean) => void
}

/** Row height in pixels; fixed so that a million rows scroll evenly. */
const ROW_HEIGHT = 34

/**
 * Rows scrolled through at once. Browsers cap an element's height at about
 * 33 million pixels (under a million rows of 34 px), so longer files are
 * shown in blocks of this many rows, moved with Earlier / Later buttons.
 */
export const BLOCK_ROWS = 400_000

interface Slot {
  /** Position within the block being scrolled. */
  index: number
  /** Position among all rows the filter shows. */
  absolute: number
  row: GridRow | undefined
}

/** Every row of the file, virtualised: only the rows in view are in the page. */
export function RowGrid(props: Props) {
  const { fileId, columns, mapping, filter, generation } = props
  const scroller = useRef<HTMLDivElement>(null)
  const pages = useRowPages(fileId, filter, generation)
  const [editing, setEditing] = useState<{
    row: number
    column: number
  } | null>(null)
  const total = pages.total ?? 0
  const [block, setBlock] = useState(0)
  const blockStart = block * BLOCK_ROWS
  const blocks = Math.max(1, Math.ceil(total / BLOCK_ROWS))
  const virtualizer = useVirtualizer({
    count: Math.max(0, Math.min(BLOCK_ROWS, total - blockStart)),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  useEffect(() => {
    if (total > 0) pages.ensure(blockStart + first, blockStart + last + 1)
  }, [first, last, total, pages, blockStart])

  const filterKey = JSON.stringify(filter)
  useEffect(() => setBlock(0), [filterKey, generation])

  const mappedTo = useMemo(() => {
    const byColumn = new Map<number, string>()
    for (const entry of mapping.fields) {
      if (entry.column === null) continue

      byColumn.set(
        entry.column,
        props.fieldLabels.get(entry.apiName) ?? entry.apiName,
      )
    }
    return byColumn
  }, [mapping, props.fieldLabels])

  const tableColumns = useMemo<ColumnDef<Slot>[]>(
    () => [
      {
        id: 'exclude',
        size: 44,
        header: () => <span className="visually-hidden">Exclude</span>,
        cell: ({ row: { original }, table }) =>
          original.row && (
            <input
              type="checkbox"
              aria-label={`Exclude line ${original.row.line}`}
              checked={original.row.excluded}
              onChange={(event) =>
                (table.options.meta as CellMeta).exclude(
                  original.row as GridRow,
                  event.target.checked,
                )
              }
            />
          ),
      },
      {
        id: 'line',
        size: 72,
        header: 'Line',
        cell: ({ row: { original } }) => original.row?.line ?? '',
      },
      ...[...columns]
        // Columns that are sent come first, where their problems show.
        .sort(
          (a, b) =>
            Number(mappedTo.has(b.index)) - Number(mappedTo.has(a.index)) ||
            a.index - b.index,
        )
        .map(
          (column): ColumnDef<Slot> => ({
            id: `c${column.index}`,
            size: 190,
            header: () => (
              <span className="grid-head">
                <span>{column.name}</span>
                <span className="grid-field">
                  {mappedTo.get(column.index)
                    ? `→ ${mappedTo.get(column.index)}`
                    : 'not sent'}
                </span>
              </span>
            ),
            cell: ({ row: { original }, table }) => {
              const row = original.row
              if (!row) return null

              const meta = latest(table)
              return (
                <GridCell
                  value={row.values[column.index] ?? ''}
                  line={row.line}
                  columnName={column.name}
                  problem={row.problems.find((p) => p.column === column.index)}
                  edited={row.edited.includes(column.index)}
                  editing={
                    meta.editing?.row === row.row &&
                    meta.editing.column === column.index
                  }
                  onStartEdit={() =>
                    latest(table).setEditing({
                      row: row.row,
                      column: column.index,
                    })
                  }
                  onCancel={() => latest(table).setEditing(null)}
                  onCommit={(value) =>
                    latest(table).commit(row, column.index, value)
                  }
                />
              )
            },
          }),
        ),
    ],
    // The callbacks read the latest props through table meta.
    [columns, mappedTo],
  )

  const data = useMemo<Slot[]>(
    () =>
      items.map((item) => ({
        index: item.index,
        absolute: blockStart + item.index,
        row: pages.rowAt(blockStart + item.index),
      })),
    [first, last, pages.pages, blockStart],
  )

  const commit = async (row: GridRow, column: number, value: string) => {
    setEditing(null)
    if ((row.values[column] ?? '') === value) return

    const updated = await props.onEdit(row, column, value)
    pages.replaceRows((old) => (old.row === updated.row ? updated : old))
  }

  const table = useReactTable({
    data,
    columns: tableColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (slot) => String(slot.index),
    meta: {
      editing,
      setEditing,
      commit,
      exclude: (row, excluded) => {
        props.onExclude(row, excluded)
        pages.replaceRows((old) =>
          old.row === row.row ? { ...old, excluded } : old,
        )
      },
    } satisfies CellMeta,
  })
  const width = table.getTotalSize()

  return (
    <div className="grid-wrap">
      <div
        ref={scroller}
        className="grid-scroll"
        data-testid="grid-scroll"
        tabIndex={0}
        aria-label={`Rows of ${props.fileName}, scrollable`}
        role="region"
      >
        <table
          className="grid"
          aria-label={`Rows of ${props.fileName}`}
          aria-rowcount={total + 1}
          style={{ width }}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <th key={header.id} style={{ width: header.getSize() }}>
                    {flexRender(
                      header.column.columnDef.header,
                      header.getContext(),
                    )}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {data.map((slot) => (
              <GridRowView
                key={slot.index}
                table={table}
                index={slot.index}
                absolute={slot.absolute}
                row={slot.row}
                editingColumn={
                  editing !== null && editing.row === slot.row?.row
                    ? editing.column
                    : null
                }
              />
            ))}
          </tbody>
        </table>
        {pages.total === 0 && (
          <p className="grid-empty">No rows match these filters.</p>
        )}
      </div>
      {blocks > 1 && (
        <div className="grid-blocks" role="group" aria-label="Blocks of rows">
          <button
            type="button"
            className="small"
            disabled={block === 0}
            onClick={() => {
              setBlock(block - 1)
              scroller.current?.scrollTo({ top: 0 })
            }}
          >
            Earlier rows
          </button>
          <span>
            Rows {(blockStart + 1).toLocaleString()}–
            {Math.min(total, blockStart + BLOCK_ROWS).toLocaleString()} of{' '}
            {total.toLocaleString()}
          </span>
          <button
            type="button"
            className="small"
            disabled={block >= blocks - 1}
            onClick={() => {
              setBlock(block + 1)
              scroller.current?.scrollTo({ top: 0 })
            }}
          >
            Later rows
          </button>
        </div>
      )}
      <p className="muted grid-count" aria-live="polite">
        {pages.total === null ? 'Loading rows…' : `${rows(pages.total)} shown`}
        {pages.error ? ` — ${pages.error}` : ''}
      </p>
    </div>
  )
}

/** The table's current callbacks, read when an event happens. */
function latest(table: Table<Slot>): CellMeta {
  return table.options.meta as CellMeta
}

type RowProps = {
  table: Table<Slot>
  index: number
  absolute: number
  row: GridRow | undefined
  /** The column being edited in this row, if any (re-renders the row). */
  editingColumn: number | null
}

/**
 * One grid row. Memoised on the row's data, so that scrolling renders only
 * the rows that come into view, not every row on screen.
 */
const GridRowView = memo(function GridRowView({
  table,
  index,
  absolute,
  row,
}: RowProps) {
  const tableRow = table.getRow(String(index), true)
  const bad = row?.problems.some((p) => p.severity === 'error')
  return (
    <tr
      aria-rowindex={absolute + 2}
      className={`${row?.excluded ? 'excluded' : ''}${bad ? ' has-error' : ''}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      data-line={row?.line}
    >
      {row === undefined || tableRow === undefined ? (
        <td className="loading">Loading…</td>
      ) : (
        tableRow.getVisibleCells().map((cell) => (
          <td key={cell.id} style={{ width: cell.column.getSize() }}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))
      )}
    </tr>
  )
})

interface CellMeta {
  editing: { row: number; column: number } | null
  setEditing: (cell: { row: number; column: number } | null) => void
  commit: (row: GridRow, column: number, value: string) => Promise<void>
  exclude: (row: GridRow, excluded: boolean) => void
}
