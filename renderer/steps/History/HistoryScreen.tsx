import { useEffect, useRef, useState, type Dispatch } from 'react'
import type { RunView } from '../../../app/contract.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction } from '../../wizard/wizard-state.ts'
import { Report } from '../Run/Report.tsx'
import { RunList } from './RunList.tsx'
import '../Run/run.css'

type Props = {
  dispatch: Dispatch<WizardAction>
  /** Back to the wizard where it was. */
  onClose: () => void
}

/** Every past run with its counts; any run's report opens from here. */
export function HistoryScreen({ dispatch, onClose }: Props) {
  const [runs, setRuns] = useState<RunView[] | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  // Views heard while the list loads: the list may be older than them.
  const heard = useRef(new Map<string, RunView>())
  useEffect(() => {
    unwrap(api().listRuns(null))
      .then((list) => setRuns(list.map((run) => latest(run, heard.current))))
      .catch((failure: unknown) => setError(messageOf(failure)))
  }, [open])

  // Runs resumed in the background (after a restart) move here too.
  useEffect(
    () =>
      api().on('runProgress', (view) => {
        heard.current.set(
          view.runId,
          later(heard.current.get(view.runId), view),
        )
        setRuns((list) => (list === null ? list : withRun(list, view)))
      }),
    [],
  )

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {open === null ? (
        <>
          <p className="lead">
            Every import on this computer, newest first. Open a report to see
            the rows that were not imported, export them or re-run them.
          </p>
          {runs && (
            <RunList
              runs={runs}
              onOpen={setOpen}
              onResume={(runId) =>
                void unwrap(api().resumeRun({ runId })).catch(
                  (failure: unknown) => setError(messageOf(failure)),
                )
              }
            />
          )}
        </>
      ) : (
        <>
          <button type="button" className="link" onClick={() => setOpen(null)}>
            ← All runs
          </button>
          <Report
            key={open}
            runId={open}
            dispatch={dispatch}
            onLeave={onClose}
            onOpenRun={setOpen}
          />
        </>
      )}
      <ErrorMessage message={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Back to the import
        </button>
      </div>
    </section>
  )
}

/**
 * The later of two views of one run: an ended run never goes back to
 * running (a list fetched before the run ended can arrive after its end).
 */
function later(known: RunView | undefined, view: RunView): RunView {
  if (known && known.state !== 'running' && view.state === 'running') {
    return known
  }

  return view
}

function latest(run: RunView, heard: Map<string, RunView>): RunView {
  const view = heard.get(run.runId)
  return view ? later(run, view) : run
}

function withRun(list: RunView[], view: RunView): RunView[] {
  const known = list.find((run) => run.runId === view.runId)
  return [later(known, view), ...list.filter((run) => run !== known)].sort(
    (a, b) => b.startedAt.localeCompare(a.startedAt),
  )
}
