import type { CheckSummary, RowFilter } from '../../../app/contract.ts'
import type { ProblemCode } from '../../../app/check/problem.ts'
import { problemLabel } from './problem-labels.ts'

type Props = {
  summary: CheckSummary
  filter: RowFilter
  onChange: (filter: RowFilter) => void
}

/** Which rows the grid shows: all, only with problems, by column, by kind. */
export function GridFilters({ summary, filter, onChange }: Props) {
  const columns = new Map<number, string>()
  const codes = new Set<ProblemCode>()
  for (const entry of summary.byColumnAndCode) {
    if (entry.column !== null) columns.set(entry.column, entry.columnName)
    codes.add(entry.code)
  }

  return (
    <div className="grid-filters" role="group" aria-label="Filters">
      <label className="option-line">
        <input
          type="checkbox"
          checked={filter.onlyProblems}
          onChange={(event) =>
            onChange({ ...filter, onlyProblems: event.target.checked })
          }
        />
        Only rows with problems
      </label>
      <label className="option-line">
        Column
        <select
          className="compact"
          value={filter.column ?? ''}
          onChange={(event) =>
            onChange({
              ...filter,
              column:
                event.target.value === '' ? null : Number(event.target.value),
            })
          }
        >
          <option value="">Any column</option>
          {[...columns].map(([index, name]) => (
            <option key={index} value={index}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="option-line">
        Kind of problem
        <select
          className="compact"
          value={filter.code ?? ''}
          onChange={(event) =>
            onChange({
              ...filter,
              code:
                event.target.value === ''
                  ? null
                  : (event.target.value as ProblemCode),
            })
          }
        >
          <option value="">Any kind</option>
          {[...codes].map((code) => (
            <option key={code} value={code}>
              {problemLabel(code)}
            </option>
          ))}
        </select>
      </label>
      {(filter.onlyProblems || filter.column !== null || filter.code) && (
        <button
          type="button"
          className="link"
          onClick={() =>
            onChange({ onlyProblems: false, column: null, code: null })
          }
        >
          Show all rows
        </button>
      )}
    </div>
  )
}
