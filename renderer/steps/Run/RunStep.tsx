import type { Dispatch } from 'react'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import { JobProgress } from './JobProgress.tsx'
import { Report } from './Report.tsx'

type Props = {
  state: Extract<WizardState, { step: 'run' }>
  dispatch: Dispatch<WizardAction>
}

/** Step 5: the jobs as they run, then what happened to every row. */
export function RunStep({ state, dispatch }: Props) {
  const { run } = state
  const { counts } = run
  return (
    <section aria-labelledby="run-title">
      <h2 id="run-title">
        {run.state === 'running'
          ? `Importing into ${run.module}…`
          : run.state === 'finished'
            ? 'Import finished'
            : 'Import stopped'}
      </h2>
      <div className="summary-cards" aria-label="Outcome counts">
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
      <JobProgress run={run} />
      {run.message && (
        <p className="error-message" role="alert">
          {run.message}
        </p>
      )}
      {run.state !== 'running' && <Report runId={run.runId} />}
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'restart' })}>
          Import another file
        </button>
      </div>
    </section>
  )
}
