import { useCallback, useMemo, useState, type Dispatch } from 'react'
import type { CheckSummary, GridRow, RowFilter } from '../../../app/contract.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import { GridFilters } from './GridFilters.tsx'
import { ImportPlan } from './ImportPlan.tsx'
import { ProblemSummary } from './ProblemSummary.tsx'
import { RowGrid } from './RowGrid.tsx'
import { TransformPanel } from './TransformPanel.tsx'

type Props = {
  state: Extract<WizardState, { step: 'check' }>
  dispatch: Dispatch<WizardAction>
}

const ALL_ROWS: RowFilter = { onlyProblems: false, column: null, code: null }

/** Step 4: every row, every value the CRM would reject, and ways to fix them. */
export function CheckStep({ state, dispatch }: Props) {
  const { summary, file, mapping, fields } = state
  const [letZohoSkip, setLetZohoSkip] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [filter, setFilter] = useState<RowFilter>(ALL_ROWS)
  const [generation, setGeneration] = useState(0)
  const blockingMapping = summary.mappingProblems.filter(
    (p) => p.severity === 'error',
  )
  const ready = summary.rowCount - summary.rowsExcluded - summary.rowsWithErrors
  const sending = letZohoSkip ? ready + summary.rowsWithErrors : ready
  const fieldLabels = useMemo(
    () => new Map(fields.map((field) => [field.apiName, field.label])),
    [fields],
  )
  const filtered = filter.onlyProblems || filter.column !== null || filter.code

  const update = useCallback(
    (next: CheckSummary) => dispatch({ type: 'checked', summary: next }),
    [dispatch],
  )

  const onEdit = async (row: GridRow, column: number, value: string) => {
    try {
      const result = await unwrap(
        api().editCell({ fileId: file.fileId, row: row.row, column, value }),
      )
      update(result.summary)
      return result.row
    } catch (failure) {
      setError(messageOf(failure))
      return row
    }
  }

  const exclude = (rows: number[] | null, excluded: boolean) => {
    unwrap(
      api().excludeRows({
        fileId: file.fileId,
        rows,
        filter: rows === null ? filter : null,
        excluded,
      }),
    )
      .then((next) => {
        update(next)
        if (rows === null) setGeneration((g) => g + 1)
      })
      .catch((failure: unknown) => setError(messageOf(failure)))
  }

  const start = async () => {
    setBusy(true)
    setError(null)
    try {
      const run = await unwrap(
        api().startImport({
          fileId: file.fileId,
          mapping,
          sendRowsWithErrors: letZohoSkip,
        }),
      )
      dispatch({ type: 'runStarted', run })
    } catch (failure) {
      setError(messageOf(failure))
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="check-title" className="check-step">
      <h2 id="check-title">Check the rows</h2>
      <div className="summary-cards" aria-label="Check summary">
        <p className="card">
          <strong>{summary.rowCount.toLocaleString()}</strong> rows in the file
        </p>
        <p className="card ok">
          <strong>{ready.toLocaleString()}</strong> ready to send
        </p>
        <p className={`card ${summary.rowsWithErrors > 0 ? 'bad' : ''}`}>
          <strong>{summary.rowsWithErrors.toLocaleString()}</strong> with
          problems
        </p>
        <p className="card">
          <strong>{summary.rowsExcluded.toLocaleString()}</strong> excluded by
          you
        </p>
      </div>
      {blockingMapping.map((problem, index) => (
        <p key={index} className="error-message" role="alert">
          {problem.message}
        </p>
      ))}
      <div className="check-tools">
        <ProblemSummary
          summary={summary}
          onShow={(next) => {
            setFilter(next)
          }}
        />
        <TransformPanel
          fileId={file.fileId}
          columns={file.columns}
          fields={fields}
          mapping={mapping}
          applied={summary.transforms}
          onApplied={(next) => {
            update(next)
            setGeneration((g) => g + 1)
          }}
        />
      </div>
      <div className="grid-toolbar">
        <GridFilters summary={summary} filter={filter} onChange={setFilter} />
        {filtered && (
          <div className="bulk-actions">
            <button
              type="button"
              className="small"
              onClick={() => exclude(null, true)}
            >
              Exclude the rows shown
            </button>
            <button
              type="button"
              className="small"
              onClick={() => exclude(null, false)}
            >
              Include them again
            </button>
          </div>
        )}
      </div>
      <p className="hint">
        Click a cell to change it; it is checked again at once. Tick a row to
        exclude it from the import.
      </p>
      <RowGrid
        fileId={file.fileId}
        fileName={file.name}
        columns={file.columns}
        mapping={mapping}
        fieldLabels={fieldLabels}
        filter={filter}
        generation={generation}
        onEdit={onEdit}
        onExclude={(row, excluded) => exclude([row.row], excluded)}
      />
      <ImportPlan
        summary={summary}
        letZohoSkip={letZohoSkip}
        onLetZohoSkip={setLetZohoSkip}
      />
      <ErrorMessage message={error} />
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'back' })}>
          Back to mapping
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || blockingMapping.length > 0 || sending === 0}
          onClick={() => void start()}
        >
          Start import
        </button>
      </div>
    </section>
  )
}
