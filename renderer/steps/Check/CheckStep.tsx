import { useState, type Dispatch } from 'react'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import { ProblemList } from './ProblemList.tsx'

type Props = {
  state: Extract<WizardState, { step: 'check' }>
  dispatch: Dispatch<WizardAction>
}

/** Step 4: every value the CRM would reject, before anything is sent. */
export function CheckStep({ state, dispatch }: Props) {
  const { summary, file, mapping } = state
  const [letZohoSkip, setLetZohoSkip] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const blockingMapping = summary.mappingProblems.filter(
    (p) => p.severity === 'error',
  )
  const clean = summary.rowCount - summary.rowsWithErrors
  const blocked =
    blockingMapping.length > 0 || (summary.rowsWithErrors > 0 && !letZohoSkip)
  const sending = letZohoSkip ? summary.rowCount : clean

  const start = async () => {
    setBusy(true)
    setError(null)
    try {
      const run = await unwrap(
        api().startImport({
          fileId: file.fileId,
          mapping,
          sendRowsWithErrors: letZohoSkip,
        }),
      )
      dispatch({ type: 'runStarted', run })
    } catch (failure) {
      setError(messageOf(failure))
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">Check the rows</h2>
      <div className="summary-cards" aria-label="Check summary">
        <p className="card">
          <strong>{summary.rowCount.toLocaleString()}</strong> rows in the file
        </p>
        <p className="card ok">
          <strong>{clean.toLocaleString()}</strong> ready to send
        </p>
        <p className={`card ${summary.rowsWithErrors > 0 ? 'bad' : ''}`}>
          <strong>{summary.rowsWithErrors.toLocaleString()}</strong> with
          problems
        </p>
      </div>
      {blockingMapping.map((problem, index) => (
        <p key={index} className="error-message" role="alert">
          {problem.message}
        </p>
      ))}
      <ProblemList summary={summary} />
      {summary.rowsWithErrors > 0 && (
        <label className="choice">
          <input
            type="checkbox"
            checked={letZohoSkip}
            onChange={(event) => setLetZohoSkip(event.target.checked)}
          />
          Send the rows with problems anyway and let the CRM skip the ones it
          rejects (they will be listed in the report). Otherwise they are not
          sent and are reported as excluded.
        </label>
      )}
      <p className="plan" aria-label="Import plan">
        {sending.toLocaleString()} rows will be sent in {summary.plan.jobs}{' '}
        {summary.plan.jobs === 1 ? 'job' : 'jobs'}, costing{' '}
        {summary.plan.credits.toLocaleString()} API credits.
        {!letZohoSkip && summary.rowsWithErrors > 0
          ? ` ${summary.rowsWithErrors.toLocaleString()} rows with problems will be excluded.`
          : ''}
      </p>
      <ErrorMessage message={error} />
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'back' })}>
          Back to mapping
        </button>
        {summary.rowsWithErrors > 0 &&
          !letZohoSkip &&
          blockingMapping.length === 0 && (
            <span className="muted">Tick the box above to send anyway.</span>
          )}
        <button
          type="button"
          className="primary"
          disabled={
            busy || blockingMapping.length > 0 || (blocked && clean === 0)
          }
          onClick={() => void start()}
        >
          Start import
        </button>
      </div>
    </section>
  )
}
