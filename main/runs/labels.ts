import type { FieldLabels } from '../../app/results/explain-error.ts'
import type { FieldHints } from '../../app/results/value-hints.ts'
import type { RunRecord } from './run-record.ts'

/** The field labels a run keeps, as the explainer wants them. */
export function fieldLabelsOf(run: RunRecord): FieldLabels {
  return (apiName) => run.labels[apiName] ?? apiName
}

/** What each field accepts, as the explainer wants it. */
export function fieldHintsOf(run: RunRecord): FieldHints {
  return (apiName) => run.hints?.[apiName] ?? null
}
