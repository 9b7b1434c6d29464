import { useState } from 'react'
import type { CellProblem } from '../../../app/contract.ts'

type Props = {
  value: string
  line: number
  columnName: string
  problem: CellProblem | undefined
  edited: boolean
  editing: boolean
  onStartEdit: () => void
  onCommit: (value: string) => void
  onCancel: () => void
}

/** One cell: its value, marked when it has a problem; click to edit. */
export function GridCell(props: Props) {
  const { value, line, columnName, problem, edited, editing } = props
  const where = `line ${line}, ${columnName}`

  if (editing) return <CellEditor {...props} where={where} />

  const kind = problem ? ` cell-${problem.severity}` : ''
  return (
    <button
      type="button"
      className={`cell${kind}${edited ? ' cell-edited' : ''}`}
      title={problem ? problem.message : 'Click to edit'}
      aria-label={`${where}: ${value === '' ? 'empty' : value}${problem ? `. Problem: ${problem.message}` : ''}`}
      onClick={props.onStartEdit}
    >
      {problem && (
        <span className="cell-mark" aria-hidden="true">
          {problem.severity === 'error' ? '!' : '?'}
        </span>
      )}
      <span className="cell-text">{value}</span>
    </button>
  )
}

/** The text box a cell turns into while it is edited. */
function CellEditor(props: Props & { where: string }) {
  const [draft, setDraft] = useState(props.value)
  const where = props.where
  return (
    <input
      className="cell-input"
      aria-label={`New value for ${where}`}
      autoFocus
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onCommit(draft)
        if (event.key === 'Escape') props.onCancel()
      }}
      onBlur={() => props.onCommit(draft)}
    />
  )
}
