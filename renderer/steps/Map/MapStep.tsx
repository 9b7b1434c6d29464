import { useState, type Dispatch } from 'react'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import {
  setColumn,
  setDefault,
  unmappedMandatory,
  writableFields,
} from './mapping-edits.ts'

type Props = {
  state: Extract<WizardState, { step: 'map' }>
  dispatch: Dispatch<WizardAction>
}

/** Step 3: which column fills which CRM field. */
export function MapStep({ state, dispatch }: Props) {
  const { file, fields, mapping } = state
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const missing = unmappedMandatory(fields, mapping)
  const usedColumns = new Set(mapping.fields.map((entry) => entry.column))
  const unusedColumns = file.columns.filter(
    (column) => !usedColumns.has(column.index),
  )

  const check = async () => {
    setBusy(true)
    setError(null)
    try {
      const summary = await unwrap(
        api().checkImport({ fileId: file.fileId, mapping }),
      )
      dispatch({ type: 'checked', summary })
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">Map columns to {mapping.module} fields</h2>
      <p className="lead">
        {mapping.fields.length} of {fields.length} fields are filled. Obvious
        pairs were matched for you; change any of them below.
      </p>
      {missing.length > 0 && (
        <p className="warning" role="status">
          Required and not yet mapped:{' '}
          {missing.map((field) => field.label).join(', ')}
        </p>
      )}
      <div className="table-scroll">
        <table className="mapping" aria-label="Field mapping">
          <thead>
            <tr>
              <th scope="col">CRM field</th>
              <th scope="col">Type</th>
              <th scope="col">Column from the file</th>
              <th scope="col">Default when empty</th>
            </tr>
          </thead>
          <tbody>
            {writableFields(fields, mapping).map((field) => {
              const entry = mapping.fields.find(
                (m) => m.apiName === field.apiName,
              )
              return (
                <tr key={field.apiName} className={entry ? 'mapped' : ''}>
                  <th scope="row">
                    {field.label}
                    {field.mandatory && (
                      <span className="badge required">required</span>
                    )}
                    {field.unique && <span className="badge">unique</span>}
                    <div className="api-name">{field.apiName}</div>
                  </th>
                  <td>{field.rawDataType}</td>
                  <td>
                    <select
                      aria-label={`Column for ${field.label}`}
                      value={entry?.column ?? ''}
                      onChange={(event) =>
                        dispatch({
                          type: 'mappingChanged',
                          mapping: setColumn(
                            mapping,
                            field,
                            event.target.value === ''
                              ? null
                              : Number(event.target.value),
                          ),
                        })
                      }
                    >
                      <option value="">— not mapped —</option>
                      {file.columns.map((column) => (
                        <option key={column.index} value={column.index}>
                          {column.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label={`Default value for ${field.label}`}
                      value={entry?.defaultValue ?? ''}
                      onChange={(event) =>
                        dispatch({
                          type: 'mappingChanged',
                          mapping: setDefault(
                            mapping,
                            field,
                            event.target.value,
                          ),
                        })
                      }
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {unusedColumns.length > 0 && (
        <p className="muted">
          Not sent (no field):{' '}
          {unusedColumns.map((column) => column.name).join(', ')}
        </p>
      )}
      <ErrorMessage message={error} />
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
