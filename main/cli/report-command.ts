import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ReportView } from '../../app/contract.ts'
import { buildReport, exportSkipped } from '../import/skipped-report.ts'
import { storedRuns } from '../runs/stored-runs.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { CliIo } from './cli-io.ts'

const USAGE =
  'Usage: bulkwright report <run> [--data-dir DIR] [--rows N] [--csv skipped.csv]\n' +
  '         [--reimport skipped-raw.csv] [--json]\n'

/** The report as text: counts per run and job, reasons, the first rows. */
export function reportText(report: ReportView, rows: number): string {
  const c = report.counts
  const out = [
    `Run ${report.runId} · ${report.fileName} → ${report.module} · ${report.state}`,
    `  whole file: ${c.total} rows = ${c.added} added + ${c.updated} updated + ${c.skipped} skipped + ${c.excluded} excluded`,
    ...report.jobs.map(
      (job) =>
        `  job ${job.index + 1}${job.jobId ? ` (${job.jobId})` : ''}: ${job.rows} rows = ${job.added} added + ${job.updated} updated + ${job.skipped} skipped`,
    ),
  ]
  if (report.previousRunId)
    out.push(`  re-runs the skipped rows of run ${report.previousRunId}`)
  if (report.nextRunId)
    out.push(`  its skipped rows were re-run as run ${report.nextRunId}`)
  if (report.notice) out.push(`  note: ${report.notice}`)
  if (report.reasons.length > 0) {
    out.push('', 'Reasons:')
    for (const r of report.reasons)
      out.push(`  ${String(r.count).padStart(6)}  ${r.group}`)
  }
  if (report.rows.length > 0) {
    out.push(
      '',
      `Rows not imported (first ${Math.min(rows, report.rows.length)} of ${report.rows.length}):`,
    )
    for (const row of report.rows.slice(0, rows)) {
      out.push(`  line ${row.line}: ${row.reason}`)
    }
  }
  return out.join('\n') + '\n'
}

/** `bulkwright report <run>`: a run's report, and its exports on request. */
export async function runReportCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: '.data/cli' },
      rows: { type: 'string', default: '20' },
      csv: { type: 'string' },
      reimport: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
  const runId = positionals[0]
  if (runId === undefined) {
    io.stderr(USAGE)
    return 2
  }

  try {
    const runs = storedRuns(resolve(values['data-dir']))
    const run = await runs.find(runId)
    const report = await buildReport(run, runs.reportDeps, Infinity)
    for (const [path, format] of [
      [values.csv, 'spreadsheet'],
      [values.reimport, 'reimport'],
    ] as const) {
      if (path === undefined) continue

      const file = exportSkipped(report, format)
      await writeFile(path, file.content)
      io.stderr(
        `Wrote ${report.rows.length} rows to ${path}.${file.note ? ` ${file.note}` : ''}\n`,
      )
    }
    io.stdout(
      values.json
        ? `${JSON.stringify(report)}\n`
        : reportText(report, Number(values.rows) || 20),
    )
    return 0
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error

    io.stderr(`bulkwright: ${error.message}\n`)
    return 1
  }
}
