import { useEffect, useState, type Dispatch } from 'react'
import type {
  CrmModule,
  ImportOperation,
} from '../../../app/fields/crm-field.ts'
import type { FileLayoutChoice, FileSummary } from '../../../app/contract.ts'
import { firstViewMatch } from '../../../app/mapping/auto-match.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import { FileFacts } from './FileFacts.tsx'
import { LayoutChoices } from './LayoutChoices.tsx'

/** The settings the file was read with, as the user may choose them. */
function currentLayout(file: FileSummary): FileLayoutChoice {
  const { encoding, delimiter, headerLine } = file.layout
  return { encoding, delimiter, headerLine }
}

type Props = {
  state: Extract<WizardState, { step: 'target' }>
  dispatch: Dispatch<WizardAction>
}

/** Step 2: which module the rows go to, and how. */
export function TargetStep({ state, dispatch }: Props) {
  const [modules, setModules] = useState<CrmModule[] | null>(null)
  const [module, setModule] = useState('Contacts')
  const [operation, setOperation] = useState<ImportOperation>('insert')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    unwrap(api().listModules(null))
      .then(setModules)
      .catch((failure: unknown) => setError(messageOf(failure)))
  }, [])

  const reopen = async (choice: Partial<FileLayoutChoice>) => {
    setBusy(true)
    setError(null)
    try {
      const layout = { ...currentLayout(state.file), ...choice }
      const file = await unwrap(
        api().reopenFile({ fileId: state.file.fileId, layout }),
      )
      dispatch({ type: 'fileOpened', file })
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  const next = async () => {
    setBusy(true)
    setError(null)
    try {
      const fields = await unwrap(api().listFields({ module }))
      const mapping = {
        module,
        operation,
        findBy: null,
        ignoreEmpty: operation !== 'insert',
        fields: firstViewMatch(state.file.columns, fields),
      }
      dispatch({ type: 'targetChosen', fields, mapping })
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="target-title">
      <h2 id="target-title">Where should the rows go?</h2>
      <FileFacts
        file={state.file}
        choices={
          <LayoutChoices
            key={state.file.fileId}
            file={state.file}
            busy={busy}
            onChoose={(choice) => void reopen(choice)}
          />
        }
      />
      <div className="form-row">
        <label>
          Module
          <select
            value={module}
            onChange={(event) => setModule(event.target.value)}
          >
            {(
              modules ?? [
                { apiName: module, pluralLabel: module, singularLabel: module },
              ]
            ).map((m) => (
              <option key={m.apiName} value={m.apiName}>
                {m.pluralLabel}
              </option>
            ))}
          </select>
        </label>
        <label>
          Operation
          <select
            value={operation}
            onChange={(event) =>
              setOperation(event.target.value as ImportOperation)
            }
          >
            <option value="insert">Insert new records</option>
            <option value="update">Update existing records</option>
            <option value="upsert">
              Update, or insert when not found (upsert)
            </option>
          </select>
        </label>
      </div>
      <ErrorMessage message={error} />
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'back' })}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void next()}
        >
          Next: map columns
        </button>
      </div>
    </section>
  )
}
