import type { RunView } from '../../../app/contract.ts'

/** "4 Dec 2026, 16:50": short enough for the table. */
function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
}

/** A run that stopped with jobs left, which can go on. */
export function isPaused(run: RunView): boolean {
  return (
    run.state === 'failed' &&
    run.jobs.some((job) => job.state !== 'done' && job.state !== 'failed')
  )
}

const STATE_WORDS: Record<RunView['state'], string> = {
  running: 'running',
  finished: 'finished',
  failed: 'stopped',
}

/** Past runs, newest first, each with its counts and a way to its report. */
export function RunList({
  runs,
  onOpen,
  onResume,
}: {
  runs: RunView[]
  onOpen: (runId: string) => void
  onResume: (runId: string) => void
}) {
  if (runs.length === 0) {
    return (
      <p className="muted">No imports yet. Runs appear here as they start.</p>
    )
  }

  return (
    <div className="table-scroll">
      <table aria-label="Past runs" className="history">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">File</th>
            <th scope="col">Module</th>
            <th scope="col">State</th>
            <th scope="col">Added</th>
            <th scope="col">Updated</th>
            <th scope="col">Skipped</th>
            <th scope="col">Excluded</th>
            <th scope="col">Rows</th>
            <th scope="col">
              <span className="visually-hidden">Report</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId}>
              <td className="nowrap">{when(run.startedAt)}</td>
              <td>
                {run.fileName}
                {run.previousRunId && (
                  <>
                    {' '}
                    <span className="badge">re-run</span>
                  </>
                )}
              </td>
              <td>{run.module}</td>
              <td>{STATE_WORDS[run.state]}</td>
              <td>{run.counts.added.toLocaleString()}</td>
              <td>{run.counts.updated.toLocaleString()}</td>
              <td>{run.counts.skipped.toLocaleString()}</td>
              <td>{run.counts.excluded.toLocaleString()}</td>
              <td>{run.counts.total.toLocaleString()}</td>
              <td className="nowrap">
                <button
                  type="button"
                  className="small"
                  onClick={() => onOpen(run.runId)}
                  aria-label={`Open the report of ${run.fileName}, ${when(run.startedAt)}`}
                >
                  Open report
                </button>
                {isPaused(run) && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="small"
                      onClick={() => onResume(run.runId)}
                    >
                      Resume
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
