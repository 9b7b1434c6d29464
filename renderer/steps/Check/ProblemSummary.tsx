import type { CheckSummary, RowFilter } from '../../../app/contract.ts'
import { problemLabel } from './problem-labels.ts'

type Props = {
  summary: CheckSummary
  /** Rows are still being checked: "none" means "none so far". */
  checking: boolean
  onShow: (filter: RowFilter) => void
}

/** Problems counted by column and kind; each count filters the grid. */
export function ProblemSummary({ summary, checking, onShow }: Props) {
  if (summary.problemCount === 0 && checking) {
    return (
      <p className="hint">
        No problems in the rows checked so far; the rest are being checked.
      </p>
    )
  }

  if (summary.problemCount === 0) {
    return (
      <p className="ok-message">No problems found. Every row can be sent.</p>
    )
  }

  return (
    <div className="problem-summary">
      <table aria-label="Problems by column and kind" className="compact-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
            <th scope="col" className="number">
              Cells
            </th>
            <th scope="col">
              <span className="visually-hidden">Show</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.byColumnAndCode.map((entry) => (
            <tr key={`${entry.column}-${entry.code}`}>
              <td>{entry.columnName || 'The file'}</td>
              <td>{problemLabel(entry.code)}</td>
              <td className="number">
                {(entry.count - entry.inExcludedRows).toLocaleString()}
                {entry.inExcludedRows > 0 && (
                  <span className="muted">
                    {' '}
                    (+{entry.inExcludedRows.toLocaleString()} in excluded rows)
                  </span>
                )}
              </td>
              <td>
                {entry.column !== null && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Show rows: ${entry.columnName}, ${problemLabel(entry.code)}`}
                    onClick={() =>
                      onShow({
                        onlyProblems: true,
                        column: entry.column,
                        code: entry.code,
                      })
                    }
                  >
                    Show rows
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
