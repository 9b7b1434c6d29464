import { useState, type Dispatch } from 'react'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import { isPaused } from '../History/RunList.tsx'
import { JobProgress } from './JobProgress.tsx'
import { Report } from './Report.tsx'
import { RunProgress } from './RunProgress.tsx'
import './run.css'

type Props = {
  state: Extract<WizardState, { step: 'run' }>
  dispatch: Dispatch<WizardAction>
}

function heading(state: 'running' | 'finished' | 'failed', module: string) {
  if (state === 'running') return `Importing into ${module}…`

  return state === 'finished' ? 'Import finished' : 'Import stopped'
}

/** Step 5: the jobs as they run, then what happened to every row. */
export function RunStep({ state, dispatch }: Props) {
  const { run } = state
  const { counts } = run
  const [shownRunId, setShownRunId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // A run that stopped with jobs left (the CRM out of reach) can go on.
  const paused = isPaused(run)
  const resume = async () => {
    setError(null)
    try {
      const view = await unwrap(api().resumeRun({ runId: run.runId }))
      dispatch({ type: 'runProgress', run: view })
    } catch (failure) {
      setError(messageOf(failure))
    }
  }

  return (
    <section aria-labelledby="run-title">
      <h2 id="run-title">{heading(run.state, run.module)}</h2>
      {run.previousRunId && (
        <p className="muted">
          Re-running the rows an earlier run did not import.
        </p>
      )}
      <div className="summary-cards" aria-label="Outcome counts so far">
        <p className="card ok">
          <strong data-testid="count-added">{counts.added}</strong> added
        </p>
        <p className="card ok">
          <strong data-testid="count-updated">{counts.updated}</strong> updated
        </p>
        <p className={`card ${counts.skipped > 0 ? 'bad' : ''}`}>
          <strong data-testid="count-skipped">{counts.skipped}</strong> skipped
        </p>
        <p className="card">
          <strong data-testid="count-excluded">{counts.excluded}</strong>{' '}
          excluded
        </p>
        <p className="card">
          <strong data-testid="count-total">{counts.total}</strong> rows in the
          file
        </p>
      </div>
      <RunProgress run={run} />
      <JobProgress run={run} />
      {run.message && (
        <p
          className={run.state === 'failed' ? 'error-message' : 'warning'}
          role="alert"
        >
          {run.message}
        </p>
      )}
      {paused && (
        <div className="actions left">
          <button
            type="button"
            className="primary"
            onClick={() => void resume()}
          >
            Resume the run
          </button>
        </div>
      )}
      <ErrorMessage message={error} />
      {run.state !== 'running' && (
        <Report
          key={shownRunId ?? run.runId}
          runId={shownRunId ?? run.runId}
          dispatch={dispatch}
          onOpenRun={setShownRunId}
        />
      )}
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'restart' })}>
          Import another file
        </button>
      </div>
    </section>
  )
}
