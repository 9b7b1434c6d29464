import { join } from 'node:path'
import { OpenFiles } from '../import/open-files.ts'
import { RunStore, type RunRecord } from '../import/run-store.ts'
import type { ReportDeps } from '../import/skipped-report.ts'
import { UserFacingError } from '../user-facing-error.ts'

/** The runs kept in a data folder, read without starting any CRM. */
export interface StoredRuns {
  store: RunStore
  reportDeps: ReportDeps
  /** Every run, newest first. */
  all(): Promise<RunRecord[]>
  /** The run whose id is or starts with `id` (the first 8 characters do). */
  find(id: string): Promise<RunRecord>
}

/** Opens the runs of a data folder (LocalCRM's runs live in `<dir>/runs`). */
export function storedRuns(dataDir: string): StoredRuns {
  const store = new RunStore(join(dataDir, 'runs'))
  const files = new OpenFiles(join(dataDir, 'received'))
  const all = async () => {
    const runs: RunRecord[] = []
    for (const id of await store.list()) {
      const run = await store.load(id)
      if (run !== null) runs.push(run)
    }
    return runs.sort((a, b) => b.view.startedAt.localeCompare(a.view.startedAt))
  }

  return {
    store,
    all,
    reportDeps: {
      store,
      async openFile(path, name) {
        return files.get((await files.openPath(path, name)).fileId)
      },
      async nextRunId(runId) {
        const next = (await all()).find((r) => r.view.previousRunId === runId)
        return next?.view.runId ?? null
      },
    },
    async find(id) {
      const matches = (await store.list()).filter((runId) =>
        runId.startsWith(id),
      )
      if (matches.length !== 1) {
        throw new UserFacingError(
          'UNKNOWN_RUN',
          matches.length === 0
            ? `No run ${id} in ${dataDir}. \`bulkwright runs\` lists the runs there.`
            : `${id} matches ${matches.length} runs; give more of the id.`,
        )
      }

      const run = await store.load(matches[0]!)
      if (run === null) {
        throw new UserFacingError('UNKNOWN_RUN', `Run ${id} cannot be read.`)
      }
      return run
    },
  }
}
