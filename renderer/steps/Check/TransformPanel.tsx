import { useState } from 'react'
import type {
  CheckSummary,
  ColumnSummary,
  ColumnTransformPreview,
  TransformId,
} from '../../../app/contract.ts'
import type { CrmField } from '../../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { transformChoices } from './transform-choices.ts'

type Props = {
  fileId: string
  columns: ColumnSummary[]
  fields: CrmField[]
  mapping: ImportMapping
  onApplied: (summary: CheckSummary) => void
  /** Transforms applied so far. */
  applied: CheckSummary['transforms']
}

/** Fix a whole column at once, seeing before and after first. */
export function TransformPanel(props: Props) {
  const mapped = props.mapping.fields.filter((entry) => entry.column !== null)
  const [column, setColumn] = useState<number | null>(mapped[0]?.column ?? null)
  const field = props.fields.find(
    (f) =>
      f.apiName === mapped.find((entry) => entry.column === column)?.apiName,
  )
  const choices = transformChoices(field)
  const [choice, setChoice] = useState<TransformId>(choices[0]!.id)
  const [preview, setPreview] = useState<ColumnTransformPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const picked = choices.some((c) => c.id === choice) ? choice : choices[0]!.id

  const run = async (what: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await what()
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  const request = () => ({
    fileId: props.fileId,
    column: column as number,
    transform: picked,
  })

  const columnName = (index: number) =>
    props.columns.find((c) => c.index === index)?.name ?? `#${index + 1}`

  const undo = (target: number) =>
    void run(async () => {
      props.onApplied(
        await unwrap(
          api().undoTransform({ fileId: props.fileId, column: target }),
        ),
      )
      setPreview(null)
    })

  const current = props.applied.find((entry) => entry.column === column)

  return (
    <section className="transform-panel" aria-labelledby="transform-title">
      <h3 id="transform-title">Fix a whole column</h3>
      {props.applied.length > 0 && (
        <ul className="applied-changes" aria-label="Changes applied">
          {props.applied.map((entry) => {
            const name = props.columns.find((c) => c.index === entry.column)
            const field = props.fields.find(
              (f) =>
                f.apiName ===
                mapped.find((m) => m.column === entry.column)?.apiName,
            )
            const label =
              transformChoices(field).find((c) => c.id === entry.transform)
                ?.label ?? entry.transform
            return (
              <li key={entry.column}>
                <span>
                  ✓ {name?.name}:{' '}
                  {label.charAt(0).toLowerCase() + label.slice(1)}
                </span>{' '}
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  aria-label={`Undo the change to ${columnName(entry.column)}`}
                  onClick={() => undo(entry.column)}
                >
                  Undo
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <div className="option-row">
        <label className="option-line">
          Column
          <select
            className="compact"
            value={column ?? ''}
            onChange={(event) => {
              setColumn(Number(event.target.value))
              setPreview(null)
            }}
          >
            {mapped.map((entry) => (
              <option key={entry.apiName} value={entry.column ?? ''}>
                {props.columns.find((c) => c.index === entry.column)?.name}
              </option>
            ))}
          </select>
        </label>
        <label className="option-line">
          Change
          <select
            className="compact"
            value={picked}
            onChange={(event) => {
              setChoice(event.target.value as TransformId)
              setPreview(null)
            }}
          >
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="small"
          disabled={busy || column === null}
          onClick={() =>
            void run(async () =>
              setPreview(await unwrap(api().previewTransform(request()))),
            )
          }
        >
          Preview
        </button>
      </div>
      {current && column !== null && (
        <p className="transform-current">
          {columnName(column)} already has a change applied; applying another
          replaces it.{' '}
          <button
            type="button"
            className="small"
            disabled={busy}
            onClick={() => undo(column)}
          >
            Undo the change to {columnName(column)}
          </button>
        </p>
      )}
      <ErrorMessage message={error} />
      {preview && (
        <div className="transform-preview">
          <p>
            <strong>{preview.description}.</strong>{' '}
            {preview.changedCount.toLocaleString()} values would change
            {preview.failedCount > 0
              ? `, ${preview.failedCount.toLocaleString()} cannot be converted and stay as they are`
              : ''}
            , {preview.unchangedCount.toLocaleString()} are fine already.
          </p>
          {preview.changed.length > 0 && (
            <table aria-label="Before and after" className="compact-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {preview.changed.map((change) => (
                  <tr key={change.row}>
                    <td className="line">{change.line}</td>
                    <td>
                      <del>{change.before}</del>
                    </td>
                    <td>
                      <ins>{change.after}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions left">
            <button
              type="button"
              className="primary small"
              disabled={busy || preview.changedCount === 0}
              onClick={() =>
                void run(async () => {
                  props.onApplied(await unwrap(api().applyTransform(request())))
                  setPreview(null)
                })
              }
            >
              Apply to {preview.changedCount.toLocaleString()} values
            </button>
            <button
              type="button"
              className="small"
              onClick={() => setPreview(null)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
