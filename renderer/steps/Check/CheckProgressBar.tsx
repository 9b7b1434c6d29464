import type { CheckSummary } from '../../../app/contract.ts'

type Props = { summary: CheckSummary }

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`

/**
 * How far the check of every row has got: rows and bytes, while the grid
 * already shows the rows. Gone once every row is checked.
 */
export function CheckProgressBar({ summary }: Props) {
  const { progress } = summary
  if (progress.done) return null

  if (progress.failure !== null) {
    return (
      <p className="error-message" role="alert">
        {progress.failure}
      </p>
    )
  }

  const total = progress.bytesTotal ?? 0
  return (
    <div className="check-progress" role="status" aria-label="Check progress">
      <div className="check-progress-line">
        <strong>
          Checking the rows: {progress.rowsChecked.toLocaleString()}
          {progress.rowsInFile === null
            ? ' checked so far'
            : ` of ${progress.rowsInFile.toLocaleString()} checked`}
        </strong>{' '}
        {total > 0 && (
          <span className="muted">
            {megabytes(progress.bytesRead)} of {megabytes(total)} read
          </span>
        )}
      </div>
      <progress
        max={Math.max(1, total)}
        value={Math.min(progress.bytesRead, total)}
        aria-label="Rows checked"
      />
    </div>
  )
}
