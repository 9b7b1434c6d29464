import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Dispatch,
} from 'react'
import type { ProblemCode } from '../../../app/check/problem.ts'
import type { CheckSummary, GridRow, RowFilter } from '../../../app/contract.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'
import { CheckProgressBar } from './CheckProgressBar.tsx'
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

/** Problems a row's own re-check cannot find: the grid learns them late. */
const WHOLE_FILE_CODES: ProblemCode[] = [
  'DUPLICATE_IN_FILE',
  'FIELD_COUNT',
  'MALFORMED_QUOTES',
  'LIMIT_EXCEEDED',
]

/** A cell of the grid is open for editing. */
function editingInGrid(): boolean {
  return document.activeElement?.classList.contains('cell-input') ?? false
}

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
  // While the rows are checked, only those checked so far count as ready.
  const counted = summary.progress.done
    ? summary.rowCount
    : summary.progress.rowsChecked
  const ready = Math.max(
    0,
    counted - summary.rowsExcluded - summary.rowsWithErrors,
  )
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
  const checking = !summary.progress.done
  const failed = summary.progress.failure !== null

  // The summary fills in while the worker checks the rows.
  useEffect(
    () =>
      api().on('checkProgress', (next) => {
        if (next.fileId === file.fileId) update(next)
      }),
    [file.fileId, update],
  )

  // The grid reads its rows again when what it shows is incomplete: once
  // the file's rows are counted (its length), and once every row is checked
  // if it shows a filter's rows or problems only the whole-file pass finds
  // (duplicates). Not while a cell is being edited: that would lose the edit.
  const loaded = useRef({ checking, rowsInFile: summary.progress.rowsInFile })
  useEffect(() => {
    const counted =
      loaded.current.rowsInFile === null && summary.progress.rowsInFile !== null
    const finished = loaded.current.checking && !checking
    const incomplete =
      filtered ||
      WHOLE_FILE_CODES.some((code) => (summary.byCode[code] ?? 0) > 0)
    if ((!counted && !finished) || editingInGrid()) return

    loaded.current = { checking, rowsInFile: summary.progress.rowsInFile }
    if (counted || incomplete) setGeneration((g) => g + 1)
  }, [checking, filtered, summary])

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
      <CheckProgressBar summary={summary} />
      {blockingMapping.map((problem, index) => (
        <p key={index} className="error-message" role="alert">
          {problem.message}
        </p>
      ))}
      <div className="check-tools">
        <ProblemSummary
          summary={summary}
          checking={checking}
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
        checking={checking}
        letZohoSkip={letZohoSkip}
        onLetZohoSkip={setLetZohoSkip}
      />
      <ErrorMessage message={error} />
      {checking && !failed && (
        <p className="hint" id="start-waits">
          Start import waits until every row is checked, so that no row with a
          problem is sent by mistake.
        </p>
      )}
      {failed && (
        <p className="hint" id="start-waits">
          The rows could not all be checked, so nothing can be sent. Go back to
          mapping and check the rows again.
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'back' })}>
          Back to mapping
        </button>
        <button
          type="button"
          className="primary"
          disabled={
            busy || checking || blockingMapping.length > 0 || sending === 0
          }
          aria-describedby={checking ? 'start-waits' : undefined}
          onClick={() => void start()}
        >
          Start import
        </button>
      </div>
    </section>
  )
}
