import type { ReportView } from '../../../app/contract.ts'

/** Counts for the whole run and for each job; each line adds up to its rows. */
export function CountsTable({ report }: { report: ReportView }) {
  const { counts } = report
  return (
    <div className="table-scroll">
      <table aria-label="Outcome counts" className="counts">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Part of the run</span>
            </th>
            <th scope="col">Rows</th>
            <th scope="col">Added</th>
            <th scope="col">Updated</th>
            <th scope="col">Skipped</th>
            <th scope="col">Excluded</th>
          </tr>
        </thead>
        <tbody>
          <tr className="total">
            <th scope="row">Whole file</th>
            <td>{counts.total.toLocaleString()}</td>
            <td>{counts.added.toLocaleString()}</td>
            <td>{counts.updated.toLocaleString()}</td>
            <td>{counts.skipped.toLocaleString()}</td>
            <td>{counts.excluded.toLocaleString()}</td>
          </tr>
          {report.jobs.map((job) => (
            <tr key={job.index}>
              <th scope="row">
                Job {job.index + 1}
                {job.jobId ? <span className="muted"> · {job.jobId}</span> : ''}
              </th>
              <td>{job.rows.toLocaleString()}</td>
              <td>{job.added.toLocaleString()}</td>
              <td>{job.updated.toLocaleString()}</td>
              <td>{job.skipped.toLocaleString()}</td>
              <td>—</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
