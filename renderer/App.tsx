import { useEffect, useReducer, useState } from 'react'
import type { ConnectionInfo } from '../app/contract.ts'
import { api, unwrap } from './api.ts'
import { ConnectionBadge } from './components/ConnectionBadge.tsx'
import { Stepper } from './components/Stepper.tsx'
import { CheckStep } from './steps/Check/CheckStep.tsx'
import { ConnectScreen } from './steps/Connect/ConnectScreen.tsx'
import { useRestartOnSwitch } from './steps/Connect/use-restart-on-switch.ts'
import { FileStep } from './steps/File/FileStep.tsx'
import { BackgroundRuns } from './steps/History/BackgroundRuns.tsx'
import { HistoryScreen } from './steps/History/HistoryScreen.tsx'
import { MapStep } from './steps/Map/MapStep.tsx'
import { RunStep } from './steps/Run/RunStep.tsx'
import { TargetStep } from './steps/Target/TargetStep.tsx'
import { watchFileProgress } from './wizard/file-progress.ts'
import {
  assertNever,
  wizardReducer,
  type WizardState,
} from './wizard/wizard-state.ts'

const START: WizardState = { step: 'file' }

/** The wizard: a header, the steps, and the current step's screen. */
export function App() {
  const [state, dispatch] = useReducer(wizardReducer, START)
  const [connection, setConnection] = useState<ConnectionInfo | null>(null)
  const [history, setHistory] = useState(false)
  const [connect, setConnect] = useState(false)
  useRestartOnSwitch(connection, state.step, dispatch)

  useEffect(() => {
    watchFileProgress()
    void unwrap(api().getConnection(null)).then(setConnection)
    const offConnection = api().on('connection', setConnection)
    const offRun = api().on('runProgress', (run) =>
      dispatch({ type: 'runProgress', run }),
    )
    return () => (offConnection(), offRun())
  }, [])

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Bulkwright</h1>
        <Stepper current={state.step} />
        <button
          type="button"
          className="small"
          aria-pressed={history}
          onClick={() => setHistory(!history)}
        >
          History
        </button>
        <button
          type="button"
          className="small"
          aria-pressed={connect}
          onClick={() => setConnect(!connect)}
        >
          Connection
        </button>
        <ConnectionBadge connection={connection} />
      </header>
      <BackgroundRuns
        currentRunId={state.step === 'run' ? state.run.runId : null}
        onOpenHistory={() => setHistory(true)}
      />
      <main className="step">
        {connect ? (
          <ConnectScreen
            connection={connection}
            onChange={setConnection}
            onClose={() => setConnect(false)}
          />
        ) : history ? (
          <HistoryScreen
            dispatch={dispatch}
            onClose={() => setHistory(false)}
          />
        ) : (
          renderStep(state, dispatch)
        )}
      </main>
    </div>
  )
}

function renderStep(
  state: WizardState,
  dispatch: Parameters<typeof FileStep>[0]['dispatch'],
) {
  switch (state.step) {
    case 'file':
      return <FileStep dispatch={dispatch} />
    case 'target':
      return <TargetStep state={state} dispatch={dispatch} />
    case 'map':
      return <MapStep state={state} dispatch={dispatch} />
    case 'check':
      return <CheckStep state={state} dispatch={dispatch} />
    case 'run':
      return <RunStep state={state} dispatch={dispatch} />
    default:
      return assertNever(state)
  }
}
