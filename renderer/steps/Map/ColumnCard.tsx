import { useDraggable } from '@dnd-kit/core'
import type { ColumnSummary } from '../../../app/contract.ts'
import type { ColumnStats } from './column-stats.ts'

type Props = {
  column: ColumnSummary
  stats: ColumnStats | undefined
  /** Label of the field the column fills, if any. */
  mappedTo: string | null
}

/** A CSV column to drag onto a field: its header, samples, empty cells. */
export function ColumnCard({ column, stats, mappedTo }: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `column-${column.index}`,
    data: { column: column.index },
  })

  return (
    <li>
      <div
        ref={setNodeRef}
        className={`column-card${isDragging ? ' dragging' : ''}${mappedTo ? ' mapped' : ''}`}
        {...attributes}
        {...listeners}
        aria-label={`Column ${column.name}${mappedTo ? `, mapped to ${mappedTo}` : ', not mapped'}`}
      >
        <ColumnCardBody column={column} stats={stats} mappedTo={mappedTo} />
      </div>
    </li>
  )
}

/** The card's content, also shown under the pointer while dragging. */
export function ColumnCardBody({ column, stats, mappedTo }: Props) {
  return (
    <>
      <span className="column-head">
        <span className="grip" aria-hidden="true">
          ⠿
        </span>
        <strong>{column.name}</strong>
        {mappedTo && <span className="maps-to">→ {mappedTo}</span>}
      </span>
      <span className="samples">
        {column.samples.length > 0
          ? column.samples.join(' · ')
          : 'No values in the first rows'}
      </span>
      {stats && stats.empty > 0 && (
        <span className="empties">
          {stats.empty} of {stats.of} first rows empty
        </span>
      )}
    </>
  )
}
