import { useDroppable } from '@dnd-kit/core'
import type { ColumnSummary } from '../../../app/contract.ts'
import type { CrmField } from '../../../app/fields/crm-field.ts'
import {
  AUTO_APPLY_CONFIDENCE,
  type MatchSuggestion,
} from '../../../app/mapping/auto-match.ts'
import type { FieldMapping } from '../../../app/mapping/import-mapping.ts'
import { DefaultValueEditor } from './DefaultValueEditor.tsx'
import { LookupFindBy } from './LookupFindBy.tsx'

type Props = {
  field: CrmField
  entry: FieldMapping | undefined
  columns: ColumnSummary[]
  suggestion: MatchSuggestion | undefined
  accepted: boolean
  onColumn: (column: number | null) => void
  onDefault: (value: string) => void
  onLookupFindBy: (findBy: string) => void
  onAccept: () => void
}

const REASONS = {
  name: 'same name',
  synonym: 'common synonym',
  similar: 'similar spelling',
}

/** One CRM field: a drop target for columns, with its column and default. */
export function FieldRow(props: Props) {
  const { field, entry, columns } = props
  const { setNodeRef, isOver } = useDroppable({
    id: `field-${field.apiName}`,
    data: { apiName: field.apiName },
  })
  const column = entry?.column ?? null
  const columnName = columns.find((c) => c.index === column)?.name

  return (
    <tr
      ref={setNodeRef}
      className={`${column !== null ? 'mapped' : ''}${isOver ? ' drop-over' : ''}`}
    >
      <th scope="row">
        <span className="field-label">{field.label}</span>
        {field.mandatory && <span className="badge required">required</span>}
        {field.unique && <span className="badge">unique</span>}
        <div className="api-name">
          {field.apiName} · {field.rawDataType}
          {field.lookupModule ? ` → ${field.lookupModule}` : ''}
        </div>
      </th>
      <td>
        <select
          aria-label={`Column for ${field.label}`}
          value={column ?? ''}
          className={column === null ? 'empty' : ''}
          onChange={(event) =>
            props.onColumn(
              event.target.value === '' ? null : Number(event.target.value),
            )
          }
        >
          <option value="">— drop a column here or choose —</option>
          {columns.map((c) => (
            <option key={c.index} value={c.index}>
              {c.name}
            </option>
          ))}
        </select>
        <Suggestion {...props} columnName={columnName} />
        {entry &&
          (field.dataType === 'lookup' || field.dataType === 'ownerlookup') && (
            <LookupFindBy
              field={field}
              value={entry.lookupFindBy}
              onChange={props.onLookupFindBy}
            />
          )}
      </td>
      <td>
        <DefaultValueEditor
          field={field}
          value={entry?.defaultValue ?? null}
          onChange={props.onDefault}
        />
      </td>
    </tr>
  )
}

function Suggestion({
  field,
  entry,
  columns,
  suggestion,
  accepted,
  onColumn,
  onAccept,
}: Props & { columnName: string | undefined }) {
  if (suggestion === undefined || accepted) return null

  const percent = `${Math.round(suggestion.confidence * 100)}%`
  const suggested = columns.find((c) => c.index === suggestion.column)
  if (
    entry?.column === suggestion.column &&
    suggestion.confidence >= AUTO_APPLY_CONFIDENCE
  ) {
    return (
      <div className="suggestion applied">
        <span>
          Matched automatically ({REASONS[suggestion.reason]}, {percent} sure)
        </span>
        <button
          type="button"
          className="link"
          aria-label={`Accept the match for ${field.label}`}
          onClick={onAccept}
        >
          Accept
        </button>
      </div>
    )
  }

  if (entry?.column != null || suggested === undefined) return null

  return (
    <div className="suggestion offered">
      <span>
        Maybe “{suggested.name}”? ({REASONS[suggestion.reason]}, {percent} sure)
      </span>
      <button
        type="button"
        className="link"
        aria-label={`Use “${suggested.name}” for ${field.label}`}
        onClick={() => onColumn(suggestion.column)}
      >
        Use it
      </button>
    </div>
  )
}
