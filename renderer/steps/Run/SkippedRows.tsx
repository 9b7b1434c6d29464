import { useMemo, useState } from 'react'
import type { ReportView } from '../../../app/contract.ts'

// Rows drawn at first; more on request keeps huge reports responsive.
const PAGE = 2000

/** Every row not imported, with its line, outcome, reason and own values. */
export function SkippedRows({
  report,
  reason,
  onReason,
}: {
  report: ReportView
  reason: string | null
  onReason: (reason: string | null) => void
}) {
  const [shown, setShown] = useState(PAGE)
  const rows = useMemo(
    () =>
      reason === null
        ? report.rows
        : report.rows.filter((row) => row.group === reason),
    [report.rows, reason],
  )

  return (
    <div className="skipped-rows">
      <div className="toolbar">
        <label>
          Filter by reason{' '}
          <select
            value={reason ?? ''}
            onChange={(event) => {
              onReason(event.target.value === '' ? null : event.target.value)
              setShown(PAGE)
            }}
          >
            <option value="">
              All reasons ({report.rows.length.toLocaleString()})
            </option>
            {report.reasons.map((r) => (
              <option key={r.group} value={r.group}>
                {r.group} ({r.count.toLocaleString()})
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status">
          {rows.length.toLocaleString()} rows
        </span>
      </div>
      <div className="table-scroll tall">
        <table aria-label="Skipped rows">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reason</th>
              {report.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row) => (
              <tr key={row.row}>
                <td className="line">{row.line}</td>
                <td>{row.kind}</td>
                <td className="reason">{row.reason}</td>
                {report.columns.map((_column, index) => (
                  <td key={index}>{row.values[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE * 2)}>
          Show more rows ({(rows.length - shown).toLocaleString()} more)
        </button>
      )}
    </div>
  )
}
