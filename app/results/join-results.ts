import { explainErrors, type FieldLabels } from './explain-error.ts'
import type { ResultRow } from './parse-result-zip.ts'
import type { OutcomeCounts, OutcomeKind, RowOutcome } from './row-outcome.ts'
import type { FieldHints } from './value-hints.ts'

/** One row as it was sent in a job: its source place and its job CSV cells. */
export interface SentRow {
  row: number
  line: number
  cells: string[]
}

/** Why a job's result cannot be joined to the rows sent. */
export interface JoinMismatch {
  code: 'ROW_COUNT_MISMATCH' | 'ECHO_MISMATCH'
  message: string
  /** 1-based physical line of the first source row that does not match. */
  line: number | null
}

const same = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase()

function kindOf(status: string): OutcomeKind {
  if (status === 'ADDED') return 'added'

  if (status === 'UPDATED') return 'updated'

  return 'skipped'
}

/**
 * Joins one job's result rows back to the source rows it sent, by position,
 * verified against the echoed columns; a mismatch is reported, never guessed.
 */
export function joinJobResults(
  sent: readonly SentRow[],
  result: readonly ResultRow[],
  labels?: FieldLabels,
  hints?: FieldHints,
): RowOutcome[] | JoinMismatch {
  if (sent.length !== result.length) {
    return {
      code: 'ROW_COUNT_MISMATCH',
      message: `Zoho's result lists ${result.length} rows but the job sent ${sent.length}; the outcomes cannot be matched to rows.`,
      line: null,
    }
  }

  const outcomes: RowOutcome[] = []
  for (let i = 0; i < sent.length; i++) {
    const source = sent[i] as SentRow
    const answer = result[i] as ResultRow
    const differs = answer.echoed.findIndex(
      (value, column) => !same(value, source.cells[column] ?? ''),
    )
    if (differs !== -1) {
      return {
        code: 'ECHO_MISMATCH',
        message: `Result row ${i + 1} repeats “${answer.echoed[differs]}” where line ${source.line} sent “${source.cells[differs] ?? ''}”; the result does not follow the rows sent, so no outcome is guessed.`,
        line: source.line,
      }
    }

    const kind = kindOf(answer.status)
    outcomes.push({
      row: source.row,
      line: source.line,
      kind,
      recordId: answer.recordId,
      errors: answer.errors,
      reason:
        kind === 'skipped'
          ? (explainErrors(answer.errors, labels, hints) ??
            `Zoho marked the row ${answer.status || 'without a status'}.`)
          : null,
    })
  }

  return outcomes
}

/** True when a join returned a mismatch instead of outcomes. */
export function isJoinMismatch(
  value: RowOutcome[] | JoinMismatch,
): value is JoinMismatch {
  return !Array.isArray(value)
}

/** Counts outcomes by kind; `total` is always the sum of the four. */
export function countOutcomes(outcomes: Iterable<RowOutcome>): OutcomeCounts {
  const counts: OutcomeCounts = {
    added: 0,
    updated: 0,
    skipped: 0,
    excluded: 0,
    total: 0,
  }
  for (const outcome of outcomes) {
    counts[outcome.kind]++
    counts.total++
  }

  return counts
}

/** The outcome of a row the user chose not to send. */
export function excludedOutcome(
  row: number,
  line: number,
  reason = 'Excluded before the import.',
): RowOutcome {
  return { row, line, kind: 'excluded', recordId: null, errors: [], reason }
}
