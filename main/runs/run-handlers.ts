import type { Requests, RunView } from '../../app/contract.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import { checkFile } from '../import/check-file.ts'
import type { OpenFiles } from '../import/open-files.ts'
import type { RunStore } from '../import/run-store.ts'
import {
  buildReport,
  exportSkipped,
  type ReportDeps,
} from '../import/skipped-report.ts'
import { saveRunFixes } from '../import/sent-values.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { RunService } from './run-service.ts'
import { writeSkippedRowsFile } from './skipped-rows-file.ts'

type Handler<K extends keyof Requests> = (
  request: Requests[K]['request'],
) => Promise<Requests[K]['response']>

/** The run requests of the contract, over the run service. */
export interface RunHandlers {
  startImport: Handler<'startImport'>
  getRun: Handler<'getRun'>
  getReport: Handler<'getReport'>
  exportSkipped: Handler<'exportSkipped'>
  listRuns: Handler<'listRuns'>
  openSkippedRows: Handler<'openSkippedRows'>
  resumeRun: Handler<'resumeRun'>
}

/** Builds the run handlers from the services they need. */
export function createRunHandlers(deps: {
  runs: RunService
  store: RunStore
  files: OpenFiles
  fieldsOf(module: string): Promise<CrmField[]>
}): RunHandlers {
  const { runs, files } = deps
  // Files made of a run's skipped rows: which run, and their original lines.
  const reruns = new Map<string, { runId: string; lines: number[] }>()
  const reportDeps: ReportDeps = {
    store: deps.store,
    async openFile(path, name) {
      const summary = await files.openPath(path, name)
      return files.get(summary.fileId)
    },
    async nextRunId(runId) {
      const next = (await runs.list()).find(
        (run) => run.view.previousRunId === runId,
      )
      return next?.view.runId ?? null
    },
  }
  const view = (v: RunView) => structuredClone(v)

  return {
    async startImport({ fileId, mapping, sendRowsWithErrors }) {
      const file = files.get(fileId)
      const fields = await deps.fieldsOf(mapping.module)
      const check = await checkFile(file, { fields, mapping })
      const blocking = check.summary.mappingProblems.find(
        (p) => p.severity === 'error',
      )
      if (blocking)
        throw new UserFacingError('MAPPING_INCOMPLETE', blocking.message)

      const rerun = reruns.get(fileId)
      const started = await runs.start({
        // The user's edits, transforms and exclusions from the Check step.
        fixes: check.fixes,
        file,
        check,
        mapping,
        fields,
        sendRowsWithErrors,
        previousRunId: rerun?.runId ?? null,
        originalLines: rerun?.lines ?? null,
      })
      // Kept so that the report shows rows not sent as the user left them.
      await saveRunFixes(deps.store, started.runId, check.fixes, check.input)
      return started
    },
    getRun: async ({ runId }) => view((await runs.get(runId)).view),
    getReport: async ({ runId }) =>
      buildReport(await runs.get(runId), reportDeps),
    async exportSkipped({ runId, format }) {
      const run = await runs.get(runId)
      const report = await buildReport(run, reportDeps, Infinity)
      return exportSkipped(report, format)
    },
    listRuns: async () => (await runs.list()).map((run) => view(run.view)),
    resumeRun: async ({ runId }) => view(await runs.resume(runId)),
    async openSkippedRows({ runId }) {
      const run = await runs.get(runId)
      const made = await writeSkippedRowsFile(run, reportDeps)
      const file = await files.openPath(made.path, made.name)
      reruns.set(file.fileId, { runId, lines: made.originalLines })
      const fields = await deps.fieldsOf(run.mapping.module)
      const check = await checkFile(files.get(file.fileId), {
        fields,
        mapping: run.mapping,
      })
      return { file, fields, mapping: run.mapping, summary: check.summary }
    },
  }
}
