import type { CheckSummary } from '../../../app/contract.ts'
import { JOB_CREDITS, MAX_ROWS_PER_JOB } from '../../../app/plan/zoho-limits.ts'

type Props = {
  summary: CheckSummary
  /** The rows are still being checked: the figures are so far. */
  checking: boolean
  letZohoSkip: boolean
  onLetZohoSkip: (value: boolean) => void
}

/** "1 row", "1,000 rows". */
export function rows(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'row' : 'rows'}`
}

/** What Start import will do: jobs, credits, rows sent, excluded, problems. */
export function ImportPlan({
  summary,
  checking,
  letZohoSkip,
  onLetZohoSkip,
}: Props) {
  const withProblems = summary.rowsWithErrors
  // Until the last row is checked, how many rows can be sent is not known.
  const unknown = (count: number) => (checking ? '…' : count.toLocaleString())
  const sending =
    summary.rowCount - summary.rowsExcluded - (letZohoSkip ? 0 : withProblems)
  const jobs = sending === 0 ? 0 : Math.ceil(sending / MAX_ROWS_PER_JOB)
  const credits = jobs * JOB_CREDITS

  return (
    <section className="plan-box" aria-labelledby="plan-title">
      <h3 id="plan-title">Before you start</h3>
      <dl className="plan-figures">
        <div>
          <dt>Rows sent</dt>
          <dd>{unknown(sending)}</dd>
        </div>
        <div>
          <dt>Jobs</dt>
          <dd>{unknown(jobs)}</dd>
        </div>
        <div>
          <dt>API credits</dt>
          <dd>{unknown(credits)}</dd>
        </div>
        <div>
          <dt>Excluded by you</dt>
          <dd>{summary.rowsExcluded.toLocaleString()}</dd>
        </div>
        <div className={withProblems > 0 ? 'bad' : ''}>
          <dt>Still with problems</dt>
          <dd>{withProblems.toLocaleString()}</dd>
        </div>
      </dl>
      {withProblems > 0 && (
        <label className="choice">
          <input
            type="checkbox"
            checked={letZohoSkip}
            onChange={(event) => onLetZohoSkip(event.target.checked)}
          />{' '}
          Send the rows with problems anyway and let the CRM skip the ones it
          rejects (they will be listed in the report). Otherwise they are not
          sent and are reported as excluded.
        </label>
      )}
      {checking ? (
        <p className="plan" aria-label="Import plan">
          The plan is made once every row is checked:{' '}
          {rows(summary.progress.rowsChecked)} checked so far,{' '}
          {withProblems.toLocaleString()} of them with problems.
        </p>
      ) : (
        <p className="plan" aria-label="Import plan">
          {rows(sending)} will be sent in {jobs} {jobs === 1 ? 'job' : 'jobs'},
          costing {credits.toLocaleString()} API credits ({JOB_CREDITS} per
          job).
          {summary.rowsExcluded > 0
            ? ` ${rows(summary.rowsExcluded)} you excluded will not be sent.`
            : ''}
          {!letZohoSkip && withProblems > 0
            ? ` ${rows(withProblems)} with problems will not be sent.`
            : ''}
        </p>
      )}
      {checking && (
        <p className="hint">
          These figures count the rows checked so far; they settle once every
          row is checked.
        </p>
      )}
    </section>
  )
}
