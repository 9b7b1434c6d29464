import type { CheckSummary } from '../../../app/contract.ts'

/** The problems found, by kind and column, then one per line. */
export function ProblemList({ summary }: { summary: CheckSummary }) {
  if (summary.problemCount === 0) {
    return (
      <p className="ok-message">No problems found. Every row can be sent.</p>
    )
  }

  const byCode = Object.entries(summary.byCode).sort(
    (a, b) => (b[1] ?? 0) - (a[1] ?? 0),
  )
  const shown = summary.problems.length
  return (
    <div className="problems">
      <ul className="problem-kinds" aria-label="Problems by kind">
        {byCode.map(([code, count]) => (
          <li key={code}>
            <span className="badge">{code}</span> {count?.toLocaleString()}
          </li>
        ))}
      </ul>
      <div className="table-scroll tall">
        <table aria-label="Problems">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {summary.problems.map((problem, index) => (
              <tr key={index} className={problem.severity}>
                <td className="line">{problem.line ?? ''}</td>
                <td>{problem.columnName}</td>
                <td className="value">{problem.value}</td>
                <td>
                  {problem.message}
                  {problem.fix ? (
                    <div className="fix">{problem.fix}</div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown < summary.problemCount && (
        <p className="muted">
          Showing the first {shown.toLocaleString()} of{' '}
          {summary.problemCount.toLocaleString()} problems.
        </p>
      )}
    </div>
  )
}
