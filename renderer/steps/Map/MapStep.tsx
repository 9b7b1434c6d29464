import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core'
import { useMemo, useState, type Dispatch } from 'react'
import { suggestMatches } from '../../../app/mapping/auto-match.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import { saveMapping } from '../../../app/mapping/saved-mapping.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import { ColumnCard, ColumnCardBody } from './ColumnCard.tsx'
import { columnStats } from './column-stats.ts'
import { FieldRow } from './FieldRow.tsx'
import { ImportOptions } from './ImportOptions.tsx'
import { fieldRowCoordinates } from './keyboard-coordinates.ts'
import { mapAnnouncements, mapInstructions } from './map-announcements.ts'
import {
  setColumn,
  setDefault,
  setLookupFindBy,
  unmappedMandatory,
  writableFields,
} from './mapping-edits.ts'
import { SavedMappings } from './SavedMappings.tsx'

type Props = {
  state: Extract<WizardState, { step: 'map' }>
  dispatch: Dispatch<WizardAction>
}

interface Change {
  before: ImportMapping
  what: string
}

/** Pointer drags land on the field under the pointer; keyboard drags on the nearest. */
const collision: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : closestCenter(args)

/** Step 3: which column fills which CRM field, by drag, keyboard or list. */
export function MapStep({ state, dispatch }: Props) {
  const { file, fields, mapping } = state
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [history, setHistory] = useState<Change[]>([])
  const [accepted, setAccepted] = useState<Set<string>>(new Set())
  const [dragging, setDragging] = useState<number | null>(null)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: fieldRowCoordinates }),
  )
  const stats = useMemo(() => columnStats(file), [file])
  const suggestions = useMemo(
    () => suggestMatches(file.columns, fields),
    [file, fields],
  )
  const shown = writableFields(fields, mapping)
  const missing = unmappedMandatory(fields, mapping)
  const usedColumns = new Set(mapping.fields.map((entry) => entry.column))
  const unusedColumns = file.columns.filter((c) => !usedColumns.has(c.index))
  const fieldLabel = (apiName: string) =>
    shown.find((f) => f.apiName === apiName)?.label ?? apiName
  const columnName = (index: number) =>
    file.columns.find((c) => c.index === index)?.name ?? `Column ${index + 1}`
  const mappedTo = (index: number) => {
    const entry = mapping.fields.find((e) => e.column === index)
    return entry ? fieldLabel(entry.apiName) : null
  }

  const change = (next: ImportMapping, what: string) => {
    setHistory((past) => [...past.slice(-49), { before: mapping, what }])
    dispatch({ type: 'mappingChanged', mapping: next })
  }

  const undo = () => {
    const last = history[history.length - 1]
    if (last === undefined) return

    setHistory((past) => past.slice(0, -1))
    dispatch({ type: 'mappingChanged', mapping: last.before })
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null)
    const column = active.data.current?.column as number | undefined
    const apiName = over?.data.current?.apiName as string | undefined
    const field = shown.find((f) => f.apiName === apiName)
    if (column === undefined || field === undefined) return

    change(
      setColumn(mapping, field, column),
      `mapped “${columnName(column)}” to ${field.label}`,
    )
  }

  const check = async () => {
    setBusy(true)
    setError(null)
    try {
      void api().rememberMapping({
        headers: file.columns.map((column) => column.name),
        mapping: saveMapping(mapping, file.columns),
      })
      const summary = await unwrap(
        // The Check step opens at once; the rows are checked meanwhile.
        api().checkImport({ fileId: file.fileId, mapping, background: true }),
      )
      dispatch({ type: 'checked', summary })
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  const lastChange = history[history.length - 1]
  return (
    <section
      aria-labelledby="map-title"
      className="map-step"
      onKeyDown={(event) => {
        const target = event.target as HTMLElement
        if (
          (event.ctrlKey || event.metaKey) &&
          event.key === 'z' &&
          !['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)
        ) {
          event.preventDefault()
          undo()
        }
      }}
    >
      <div className="step-heading">
        <div>
          <h2 id="map-title">Map columns to {mapping.module} fields</h2>
          <p className="lead">
            Drag a column onto a field, or choose it in the field&apos;s list.{' '}
            {mapping.fields.length} of {shown.length} fields are filled.
          </p>
        </div>
        <button
          type="button"
          className="small"
          disabled={lastChange === undefined}
          onClick={undo}
          title="Ctrl+Z"
        >
          {lastChange ? `Undo: ${lastChange.what}` : 'Undo'}
        </button>
      </div>
      <SavedMappings
        file={file}
        mapping={mapping}
        onLoad={change}
        onError={setError}
      />
      <ErrorMessage message={error} />
      <ImportOptions fields={fields} mapping={mapping} onChange={change} />
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{
          announcements: mapAnnouncements(
            (id) => columnName(Number(id.replace('column-', ''))),
            (id) => fieldLabel(id.replace('field-', '')),
          ),
          screenReaderInstructions: mapInstructions,
        }}
        onDragStart={({ active }) =>
          setDragging((active.data.current?.column as number) ?? null)
        }
        onDragCancel={() => setDragging(null)}
        onDragEnd={onDragEnd}
      >
        <div className="map-grid">
          <div className="columns-panel">
            <h3 id="columns-title">Columns in {file.name}</h3>
            <ul className="column-cards">
              {file.columns.map((column) => (
                <ColumnCard
                  key={column.index}
                  column={column}
                  stats={stats.get(column.index)}
                  mappedTo={mappedTo(column.index)}
                />
              ))}
            </ul>
          </div>
          <div className="fields-panel">
            <table className="mapping" aria-label="Field mapping">
              <thead>
                <tr>
                  <th scope="col">{mapping.module} field</th>
                  <th scope="col">Column from the file</th>
                  <th scope="col">Default when empty</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((field) => (
                  <FieldRow
                    key={field.apiName}
                    field={field}
                    entry={mapping.fields.find(
                      (m) => m.apiName === field.apiName,
                    )}
                    columns={file.columns}
                    suggestion={suggestions.find(
                      (s) => s.apiName === field.apiName,
                    )}
                    accepted={accepted.has(field.apiName)}
                    onAccept={() =>
                      setAccepted((old) => new Set(old).add(field.apiName))
                    }
                    onColumn={(column) =>
                      change(
                        setColumn(mapping, field, column),
                        column === null
                          ? `cleared ${field.label}`
                          : `mapped “${columnName(column)}” to ${field.label}`,
                      )
                    }
                    onDefault={(value) =>
                      change(
                        setDefault(mapping, field, value),
                        `set the default of ${field.label}`,
                      )
                    }
                    onLookupFindBy={(findBy) =>
                      change(
                        setLookupFindBy(mapping, field, findBy),
                        `changed how ${field.label} is found`,
                      )
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <DragOverlay>
          {dragging !== null ? (
            <div className="column-card overlay">
              <ColumnCardBody
                column={file.columns.find((c) => c.index === dragging)!}
                stats={stats.get(dragging)}
                mappedTo={null}
              />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <div className="map-lists">
        {missing.length > 0 && (
          <div className="warning" role="status" aria-label="Required fields">
            <strong>Required and not mapped yet:</strong>{' '}
            {missing.map((field) => field.label).join(', ')}. Map a column or
            give a default value to go on.
          </div>
        )}
        {unusedColumns.length > 0 && (
          <p className="muted" aria-label="Columns not sent">
            <strong>Not sent (no field):</strong>{' '}
            {unusedColumns.map((column) => column.name).join(', ')}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'back' })}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || missing.length > 0}
          onClick={() => void check()}
        >
          {busy ? 'Checking every row…' : 'Next: check the rows'}
        </button>
      </div>
    </section>
  )
}
