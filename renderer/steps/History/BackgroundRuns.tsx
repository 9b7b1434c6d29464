import { useEffect, useRef, useState } from 'react'
import type { RunView } from '../../../app/contract.ts'
import { api } from '../../api.ts'
import '../Run/run.css'

/**
 * A line about runs moving outside the wizard: one resumed after a restart,
 * or one left running while another file is prepared.
 */
export function BackgroundRuns({
  currentRunId,
  onOpenHistory,
}: {
  currentRunId: string | null
  onOpenHistory: () => void
}) {
  // Only runs that moved while the wizard was not showing them are news.
  const [runs, setRuns] = useState<Record<string, RunView>>({})
  const current = useRef(currentRunId)

  useEffect(() => {
    current.current = currentRunId
    if (currentRunId !== null) forget(setRuns, currentRunId)
  }, [currentRunId])

  useEffect(
    () =>
      api().on('runProgress', (view) => {
        if (view.runId === current.current) return

        setRuns((known) => ({ ...known, [view.runId]: view }))
      }),
    [],
  )

  const shown = Object.values(runs).filter((run) => run.runId !== currentRunId)
  if (shown.length === 0) return null

  const dismiss = (runId: string) => forget(setRuns, runId)

  return (
    <ul className="background-runs" aria-label="Imports in the background">
      {shown.map((run) => (
        <li key={run.runId} role="status">
          {describe(run)}{' '}
          <button type="button" className="link" onClick={onOpenHistory}>
            Open History
          </button>
          {run.state !== 'running' && (
            <button
              type="button"
              className="link"
              onClick={() => dismiss(run.runId)}
            >
              Dismiss
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}

function forget(
  setRuns: (
    change: (runs: Record<string, RunView>) => Record<string, RunView>,
  ) => void,
  runId: string,
): void {
  setRuns((runs) => {
    if (!(runId in runs)) return runs

    const { [runId]: _gone, ...rest } = runs
    return rest
  })
}

function describe(run: RunView): string {
  const done = run.jobs.reduce((sum, job) => sum + job.processed, 0)
  if (run.state === 'running') {
    return `${run.fileName} is importing in the background: ${done.toLocaleString()} of ${run.rowsToSend.toLocaleString()} rows.`
  }

  const c = run.counts
  return run.state === 'finished'
    ? `${run.fileName} finished: ${c.added.toLocaleString()} added, ${c.updated.toLocaleString()} updated, ${(c.skipped + c.excluded).toLocaleString()} not imported.`
    : `${run.fileName} stopped: ${run.message ?? ''}`
}
