import type { SentRow } from '../../app/results/join-results.ts'
import type { RowOutcome } from '../../app/results/row-outcome.ts'

/** Every row of a job ends skipped, with one reason (the job itself failed). */
export function allSkipped(
  rows: readonly SentRow[],
  reason: string,
): RowOutcome[] {
  return rows.map((sent) => ({
    row: sent.row,
    line: sent.line,
    kind: 'skipped',
    recordId: null,
    errors: [],
    reason,
  }))
}

/** Reasons for rows whose job went wrong, each saying what to do next. */
export const jobReasons = {
  notSent: (job: number, why: string) =>
    `Not imported: job ${job} was not accepted by the CRM (${why}). Send these rows again.`,
  unknown: (job: number) =>
    `Not known whether imported: creating job ${job} got no clear answer ` +
    '(Bulkwright stopped, the connection dropped or the CRM failed), so the ' +
    'CRM may or may not have it. Look for these rows in the CRM before ' +
    'sending them again (or re-run them as an upsert by a unique field, ' +
    'which cannot make duplicates).',
  lost: (job: number, jobId: string) =>
    `Not known whether imported: the CRM no longer knows job ${job} ` +
    `(id ${jobId}), so its result cannot be read. Look for these rows in ` +
    'the CRM before sending them again.',
  failed: (job: number, jobId: string) =>
    `The CRM reported job ${job} (id ${jobId}) as FAILED, so these rows are ` +
    'probably not imported; rows it reached before failing may be. Look ' +
    'for them in the CRM, then send the missing ones again.',
  unreadable: (job: number, jobId: string, why: string) =>
    `Not known whether imported: job ${job} (id ${jobId}) ran in the CRM but ` +
    `its result could not be used (${why}). Look for these rows in the CRM ` +
    'before sending them again.',
}
