import { useEffect, useState, type Dispatch } from 'react'
import type { ReportView } from '../../../app/contract.ts'
import { outcomeBars, reasonBars } from '../../../app/report/chart-data.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction } from '../../wizard/wizard-state.ts'
import { BarChart } from './BarChart.tsx'
import { CountsTable } from './CountsTable.tsx'
import { download } from './download.ts'
import { SkippedRows } from './SkippedRows.tsx'

type Props = {
  runId: string
  dispatch: Dispatch<WizardAction>
  /** Called before the wizard moves to Check with the skipped rows. */
  onLeave?: () => void
  /** Opens another run's report (the one before or after this one). */
  onOpenRun?: (runId: string) => void
}

/** What happened to every row: counts, charts, and the rows not imported. */
export function Report({ runId, dispatch, onLeave, onOpenRun }: Props) {
  const [report, setReport] = useState<ReportView | null>(null)
  const [reason, setReason] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setReport(null)
    setReason(null)
    unwrap(api().getReport({ runId }))
      .then(setReport)
      .catch((failure: unknown) => setError(messageOf(failure)))
  }, [runId])

  const exportRows = async (format: 'spreadsheet' | 'reimport') => {
    try {
      const file = await unwrap(api().exportSkipped({ runId, format }))
      download(file)
      setNote(`Saved ${file.fileName}.${file.note ? ` ${file.note}` : ''}`)
    } catch (failure) {
      setError(messageOf(failure))
    }
  }

  const rerun = async () => {
    setBusy(true)
    try {
      const opened = await unwrap(api().openSkippedRows({ runId }))
      onLeave?.()
      dispatch({ type: 'fileOpened', file: opened.file })
      dispatch({
        type: 'targetChosen',
        fields: opened.fields,
        mapping: opened.mapping,
      })
      dispatch({ type: 'checked', summary: opened.summary })
    } catch (failure) {
      setError(messageOf(failure))
      setBusy(false)
    }
  }

  if (report === null) return <ErrorMessage message={error} />

  const notImported = report.rows.length
  return (
    <section className="report" aria-labelledby="report-title">
      <h3 id="report-title">Report · {report.fileName}</h3>
      <RunLinks report={report} onOpenRun={onOpenRun} />
      {report.notice && <p className="warning">{report.notice}</p>}
      <div className="report-top">
        <CountsTable report={report} />
        <div className="charts">
          <BarChart title="Outcomes" bars={outcomeBars(report.counts)} />
          {report.reasons.length > 0 && (
            <BarChart
              title="Most frequent reasons (click one to filter)"
              bars={reasonBars(report.reasons)}
              wideLabels
              picked={reason}
              onPick={(label) =>
                setReason(
                  report.reasons.some((r) => r.group === label) ? label : null,
                )
              }
            />
          )}
        </div>
      </div>
      {notImported === 0 ? (
        <p className="ok-message">
          Every row was imported. Nothing was skipped.
        </p>
      ) : (
        <>
          <h3>Rows not imported ({notImported.toLocaleString()})</h3>
          <div className="actions left">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void rerun()}
            >
              Fix and re-run these rows
            </button>
            <button
              type="button"
              onClick={() => void exportRows('spreadsheet')}
            >
              Export skipped rows as CSV
            </button>
            <button type="button" onClick={() => void exportRows('reimport')}>
              Export for re-import (CSV)
            </button>
          </div>
          {report.formulaCells > 0 && (
            <p className="muted" data-testid="formula-note">
              {report.formulaCells.toLocaleString()}{' '}
              {report.formulaCells === 1 ? 'cell starts' : 'cells start'} with
              =, +, -, @ (also after spaces, or in full-width form), a tab or a
              carriage return. The spreadsheet export puts an apostrophe before
              each, so that a spreadsheet shows it as text instead of running it
              as a formula.
            </p>
          )}
          {note && (
            <p className="muted" role="status" data-testid="export-note">
              {note}
            </p>
          )}
          <SkippedRows report={report} reason={reason} onReason={setReason} />
        </>
      )}
      <ErrorMessage message={error} />
    </section>
  )
}

function RunLinks({
  report,
  onOpenRun,
}: {
  report: ReportView
  onOpenRun: ((runId: string) => void) | undefined
}) {
  if (!onOpenRun) return null

  return (
    <p className="muted run-links">
      {report.previousRunId && (
        <button
          type="button"
          className="link"
          onClick={() => onOpenRun(report.previousRunId!)}
        >
          ← The run these rows came from
        </button>
      )}
      {report.nextRunId && (
        <button
          type="button"
          className="link"
          onClick={() => onOpenRun(report.nextRunId!)}
        >
          The re-run of this run's skipped rows →
        </button>
      )}
    </p>
  )
}
