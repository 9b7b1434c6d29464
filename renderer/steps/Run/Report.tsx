import { useEffect, useState } from 'react'
import type { ExportedFile, ReportView } from '../../../app/contract.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'

function download(file: ExportedFile): void {
  const url = URL.createObjectURL(
    new Blob([file.content], { type: 'text/csv' }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  URL.revokeObjectURL(url)
}

/** The rows that did not make it, with the user's values and the reason. */
export function Report({ runId }: { runId: string }) {
  const [report, setReport] = useState<ReportView | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    unwrap(api().getReport({ runId }))
      .then(setReport)
      .catch((failure: unknown) => setError(messageOf(failure)))
  }, [runId])

  const exportRows = async () => {
    try {
      const file = await unwrap(api().exportSkipped({ runId }))
      download(file)
      setNote(file.note ?? `Saved ${file.fileName}.`)
    } catch (failure) {
      setError(messageOf(failure))
    }
  }

  if (report === null) return <ErrorMessage message={error} />
  if (report.rows.length === 0) {
    return (
      <p className="ok-message">Every row was imported. Nothing was skipped.</p>
    )
  }

  return (
    <div className="report">
      <h3>Skipped and excluded rows ({report.rows.length.toLocaleString()})</h3>
      <div className="actions left">
        <button type="button" onClick={() => void exportRows()}>
          Export skipped rows as CSV
        </button>
        {note && (
          <span className="muted" role="status">
            {note}
          </span>
        )}
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
            {report.rows.map((row) => (
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
      <ErrorMessage message={error} />
    </div>
  )
}
