import type { FieldLabels } from '../../app/results/explain-error.ts'
import type { RunRecord } from './run-record.ts'

/** The field labels a run keeps, as the explainer wants them. */
export function fieldLabelsOf(run: RunRecord): FieldLabels {
  return (apiName) => run.labels[apiName] ?? apiName
}
