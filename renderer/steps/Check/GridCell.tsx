import { memo, useState, type CSSProperties } from 'react'
import type { GridRow } from '../../../app/contract.ts'

/** Row height in pixels; fixed so that a million rows scroll evenly. */
export const ROW_HEIGHT = 34

/** What a grid column shows: the exclude box, the file line, or a file column. */
export type GridColumn =
  | { kind: 'exclude'; width: number }
  | { kind: 'line'; width: number }
  | { kind: 'value'; width: number; index: number; name: string }

/** The columns in view: their range in the column list and left offset. */
export interface ColumnWindow {
  from: number
  /** Exclusive. */
  to: number
  /** Pixels before the first column in view. */
  offset: number
}

/** The cell being edited, by row and file column. */
export interface EditingCell {
  row: number
  column: number
}

type RowProps = {
  columns: readonly GridColumn[]
  /** One style object per column, made once, so cells allocate nothing. */
  styles: readonly CSSProperties[]
  inView: ColumnWindow
  /** Position within the block being scrolled (sets the row's place). */
  index: number
  /** Position among all rows the filter shows. */
  absolute: number
  row: GridRow | undefined
  /** The file column being edited in this row, if any. */
  editingColumn: number | null
  onCommit: (row: GridRow, column: number, value: string) => void
  onCancel: () => void
}

/**
 * One grid row, drawing only the columns in view. Memoised: a vertical
 * scroll renders only the rows that come into view. Clicks and ticks are
 * handled once for the whole body (see RowGrid), so cells hold no handlers.
 */
export const GridRowView = memo(function GridRowView(props: RowProps) {
  const { row, index, absolute, columns, styles, inView } = props
  const bad = row?.problems.some((p) => p.severity === 'error')
  const cells = []
  if (row !== undefined) {
    for (let i = inView.from; i < inView.to; i++) {
      cells.push(
        <td key={i} aria-colindex={i + 1} style={styles[i]}>
          {cellContent(props, row, columns[i]!)}
        </td>,
      )
    }
  }

  return (
    <tr
      aria-rowindex={absolute + 2}
      className={`${row?.excluded ? 'excluded' : ''}${bad ? ' has-error' : ''}`}
      style={{
        transform: `translateY(${index * ROW_HEIGHT}px)`,
        paddingLeft: inView.offset,
      }}
      data-line={row?.line}
      data-index={absolute}
    >
      {row === undefined ? <td className="loading">Loading…</td> : cells}
    </tr>
  )
})

function cellContent(props: RowProps, row: GridRow, column: GridColumn) {
  switch (column.kind) {
    case 'exclude':
      return (
        <input
          type="checkbox"
          data-exclude=""
          aria-label={`Exclude line ${row.line}`}
          checked={row.excluded}
          readOnly
        />
      )
    case 'line':
      return row.line
    case 'value':
      if (props.editingColumn === column.index) {
        return (
          <CellEditor
            value={row.values[column.index] ?? ''}
            where={`line ${row.line}, ${column.name}`}
            onCommit={(value) => props.onCommit(row, column.index, value)}
            onCancel={props.onCancel}
          />
        )
      }

      return valueButton(row, column)
  }
}

/** A cell's value, marked when it has a problem; a click edits it. */
function valueButton(
  row: GridRow,
  column: Extract<GridColumn, { kind: 'value' }>,
) {
  const value = row.values[column.index] ?? ''
  const problem = row.problems.find((p) => p.column === column.index)
  const edited = row.edited.includes(column.index)
  const kind = problem ? ` cell-${problem.severity}` : ''
  return (
    <button
      type="button"
      className={`cell${kind}${edited ? ' cell-edited' : ''}`}
      data-column={column.index}
      title={problem ? problem.message : 'Click to edit'}
      aria-label={`line ${row.line}, ${column.name}: ${value === '' ? 'empty' : value}${problem ? `. Problem: ${problem.message}` : ''}`}
    >
      {problem && (
        <span className="cell-mark" aria-hidden="true">
          {problem.severity === 'error' ? '!' : '?'}
        </span>
      )}
      <span className="cell-text">{value}</span>
    </button>
  )
}

/** The text box a cell turns into while it is edited. */
function CellEditor(props: {
  value: string
  where: string
  onCommit: (value: string) => void
  onCancel: () => void
}) {
  const [draft, setDraft] = useState(props.value)
  return (
    <input
      className="cell-input"
      aria-label={`New value for ${props.where}`}
      autoFocus
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onCommit(draft)
        if (event.key === 'Escape') props.onCancel()
      }}
      onBlur={() => props.onCommit(draft)}
    />
  )
}
