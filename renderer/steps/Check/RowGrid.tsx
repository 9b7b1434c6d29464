import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
} from 'react'
import type {
  ColumnSummary,
  GridRow,
  RowFilter,
} from '../../../app/contract.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import {
  GridRowView,
  ROW_HEIGHT,
  type ColumnWindow,
  type EditingCell,
  type GridColumn,
} from './GridCell.tsx'
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

/**
 * Rows scrolled through at once. Browsers cap an element's height at about
 * 33 million pixels (under a million rows of 34 px), so longer files are
 * shown in blocks of this many rows, moved with Earlier / Later buttons.
 */
export const BLOCK_ROWS = 400_000

/** The table has no data of its own: rows come from pages, drawn by hand. */
const NO_ROWS: GridRow[] = []

/** Columns drawn beyond each side of the view, for a smooth sideways scroll. */
const COLUMN_OVERSCAN = 2

/** Every row of the file, virtualised: only the rows and columns in view are in the page. */
export function RowGrid(props: Props) {
  const { fileId, columns, mapping, filter, generation } = props
  const scroller = useRef<HTMLDivElement>(null)
  const pages = useRowPages(fileId, filter, generation)
  const [editing, setEditing] = useState<EditingCell | null>(null)
  const total = pages.total ?? 0
  const [block, setBlock] = useState(0)
  const blockStart = block * BLOCK_ROWS
  const blocks = Math.max(1, Math.ceil(total / BLOCK_ROWS))

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

  const gridColumns = useMemo<GridColumn[]>(
    () => [
      { kind: 'exclude', width: 44 },
      { kind: 'line', width: 72 },
      ...[...columns]
        // Columns that are sent come first, where their problems show.
        .sort(
          (a, b) =>
            Number(mappedTo.has(b.index)) - Number(mappedTo.has(a.index)) ||
            a.index - b.index,
        )
        .map(
          (column): GridColumn => ({
            kind: 'value',
            width: 190,
            index: column.index,
            name: column.name,
          }),
        ),
    ],
    [columns, mappedTo],
  )
  const styles = useMemo<CSSProperties[]>(
    () => gridColumns.map((column) => ({ width: column.width })),
    [gridColumns],
  )

  // TanStack Table holds the column model (ids, sizes, headers); the body is
  // drawn from the pages directly, so a scroll never rebuilds a row model.
  const tableColumns = useMemo<ColumnDef<GridRow>[]>(
    () =>
      gridColumns.map((column, position) => ({
        id: String(position),
        size: column.width,
        header: () => headerOf(column, mappedTo),
      })),
    [gridColumns, mappedTo],
  )
  const table = useReactTable({
    data: NO_ROWS,
    columns: tableColumns,
    getCoreRowModel: getCoreRowModel(),
  })
  const headers = table.getHeaderGroups()[0]?.headers ?? []

  const rowsInView = useVirtualizer({
    count: Math.max(0, Math.min(BLOCK_ROWS, total - blockStart)),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // A scroll re-renders in React's own time, not inside the scroll event:
    // measured 10–25% less browser CPU per frame; the overscan hides the lag.
    useFlushSync: false,
  })
  const columnsInView = useVirtualizer({
    horizontal: true,
    count: gridColumns.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => gridColumns[i]?.width ?? 0,
    overscan: COLUMN_OVERSCAN,
    useFlushSync: false,
  })
  const items = rowsInView.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const columnItems = columnsInView.getVirtualItems()
  const from = columnItems[0]?.index ?? 0
  const to = (columnItems[columnItems.length - 1]?.index ?? -1) + 1
  const offset = columnItems[0]?.start ?? 0
  // A new object only when the columns in view change, so rows stay memoised.
  const inView = useMemo<ColumnWindow>(
    () => ({ from, to, offset }),
    [from, to, offset],
  )

  const { ensure } = pages
  useEffect(() => {
    if (total > 0) ensure(blockStart + first, blockStart + last + 1)
  }, [first, last, total, ensure, blockStart])

  const filterKey = JSON.stringify(filter)
  useEffect(() => setBlock(0), [filterKey, generation])

  // Handlers read the latest props through a ref, so that they stay the same
  // function and memoised rows do not render again when the parent does.
  const latest = useRef({ props, pages })
  latest.current = { props, pages }

  const commit = useCallback(
    async (row: GridRow, column: number, value: string) => {
      setEditing(null)
      if ((row.values[column] ?? '') === value) return

      const { props, pages } = latest.current
      const updated = await props.onEdit(row, column, value)
      pages.replaceRows((old) => (old.row === updated.row ? updated : old))
    },
    [],
  )
  const cancel = useCallback(() => setEditing(null), [])

  // One handler for every cell: a click on a value edits it, a tick on a
  // row's box excludes the row.
  const onBodyClick = useCallback((event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement
    const tr = target.closest('tr')
    const row = latest.current.pages.rowAt(Number(tr?.dataset.index))
    if (row === undefined) return

    const cell = target.closest<HTMLElement>('button.cell')
    if (cell?.dataset.column !== undefined) {
      setEditing({ row: row.row, column: Number(cell.dataset.column) })
      return
    }

    if (target instanceof HTMLInputElement && 'exclude' in target.dataset) {
      const excluded = target.checked
      latest.current.props.onExclude(row, excluded)
      latest.current.pages.replaceRows((old) =>
        old.row === row.row ? { ...old, excluded } : old,
      )
    }
  }, [])

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
          aria-colcount={gridColumns.length}
          style={{ width }}
        >
          <thead>
            <HeaderRow headers={headers} styles={styles} inView={inView} />
          </thead>
          <tbody
            style={{ height: rowsInView.getTotalSize() }}
            onClick={onBodyClick}
          >
            {items.map((item) => {
              const absolute = blockStart + item.index
              const row = pages.rowAt(absolute)
              return (
                <GridRowView
                  key={item.index}
                  columns={gridColumns}
                  styles={styles}
                  inView={inView}
                  index={item.index}
                  absolute={absolute}
                  row={row}
                  editingColumn={
                    editing !== null && editing.row === row?.row
                      ? editing.column
                      : null
                  }
                  onCommit={commit}
                  onCancel={cancel}
                />
              )
            })}
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

/** A column's heading: the file's column name and the field it fills. */
function headerOf(column: GridColumn, mappedTo: Map<number, string>) {
  if (column.kind === 'exclude')
    return <span className="visually-hidden">Exclude</span>

  if (column.kind === 'line') return 'Line'

  const field = mappedTo.get(column.index)
  return (
    <span className="grid-head">
      <span>{column.name}</span>
      <span className="grid-field">{field ? `→ ${field}` : 'not sent'}</span>
    </span>
  )
}

/** The headings of the columns in view; drawn again only when they change. */
const HeaderRow = memo(function HeaderRow(props: {
  headers: Header<GridRow, unknown>[]
  styles: readonly CSSProperties[]
  inView: ColumnWindow
}) {
  const { headers, styles, inView } = props
  return (
    <tr aria-rowindex={1} style={{ paddingLeft: inView.offset }}>
      {headers.slice(inView.from, inView.to).map((header, i) => (
        <th
          key={header.id}
          aria-colindex={inView.from + i + 1}
          style={styles[inView.from + i]}
        >
          {flexRender(header.column.columnDef.header, header.getContext())}
        </th>
      ))}
    </tr>
  )
})
