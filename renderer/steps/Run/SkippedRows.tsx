import { useMemo, useState } from 'react'
import type { ReportView } from '../../../app/contract.ts'

// Rows drawn at first; more on request keeps huge reports responsive.
const PAGE = 2000

/** Every row not imported, with its line, outcome, reason and the values sent. */
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

  const anyChanged = useMemo(
    () => report.rows.some((row) => row.changed.length > 0),
    [report.rows],
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
      {anyChanged && (
        <p className="muted" data-testid="changed-note">
          Values are shown as they were sent. ✎ marks a value you changed in
          Bulkwright (a cell edit or a column change), with what the file had.
        </p>
      )}
      <div
        className="table-scroll tall"
        tabIndex={0}
        role="region"
        aria-label="Skipped rows, scrollable"
      >
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
                  <ValueCell
                    key={index}
                    value={row.values[index] ?? ''}
                    fileHad={row.changed.find((c) => c.column === index)}
                  />
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

/** A value as sent; where Bulkwright changed it, what the file had too. */
function ValueCell({
  value,
  fileHad,
}: {
  value: string
  fileHad: { original: string } | undefined
}) {
  if (fileHad === undefined) return <td>{value}</td>

  const had = fileHad.original === '' ? 'nothing' : `“${fileHad.original}”`
  return (
    <td
      className="value-changed"
      title={`Edited in Bulkwright; the file had ${had}`}
    >
      {value}
      <span className="file-had">
        <span aria-hidden="true">✎ </span>edited in Bulkwright; the file had{' '}
        {had}
      </span>
    </td>
  )
}
