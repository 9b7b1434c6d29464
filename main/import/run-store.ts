import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { RowOutcome } from '../../app/results/row-outcome.ts'
import type { SentRow } from '../../app/results/join-results.ts'
import type { RunRecord } from '../runs/run-record.ts'

export type { RunRecord } from '../runs/run-record.ts'

const RUN_ID = /^[\w-]+$/

/** Writes a file so that a crash mid-write leaves the previous version. */
async function writeAtomically(target: string, text: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true })
  const temporary = `${target}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, target)
}

async function readJson<T>(path: string): Promise<T | null> {
  const text = await readFile(path, 'utf8').catch(() => null)
  return text === null ? null : (JSON.parse(text) as T)
}

/**
 * Keeps runs on disk: `<id>.json` is the run (small, rewritten as it moves);
 * `<id>/` holds each job's rows, written once before the job is sent, and
 * each job's outcomes, written once when it ends.
 */
export class RunStore {
  constructor(private readonly dir: string) {}

  /** Writes a run; a crash mid-write leaves the previous version intact. */
  async save(run: RunRecord): Promise<void> {
    await writeAtomically(
      join(this.dir, `${run.view.runId}.json`),
      JSON.stringify(run),
    )
  }

  /** Reads one run, or null when there is none with that id. */
  async load(runId: string): Promise<RunRecord | null> {
    if (!RUN_ID.test(runId)) return null

    const run = await readJson<RunRecord>(join(this.dir, `${runId}.json`))
    return run?.version === 2 ? run : null
  }

  /** The ids of every stored run. */
  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
  }

  /** Keeps the rows of one job, exactly as they will be sent. */
  saveJobRows(runId: string, job: number, rows: SentRow[]): Promise<void> {
    return writeAtomically(
      this.part(runId, `job-${job + 1}-rows`),
      rowsJson(rows),
    )
  }

  /** The rows of one job; null when they were never written. */
  loadJobRows(runId: string, job: number): Promise<SentRow[] | null> {
    return readJson<SentRow[]>(this.part(runId, `job-${job + 1}-rows`))
  }

  /** Keeps outcomes: `excluded` or `job-N`. */
  saveOutcomes(runId: string, name: string, outcomes: RowOutcome[]) {
    return writeAtomically(
      this.part(runId, `${name}-outcomes`),
      JSON.stringify(outcomes),
    )
  }

  /** Outcomes kept under a name; an empty list when none were written. */
  async loadOutcomes(runId: string, name: string): Promise<RowOutcome[]> {
    return (
      (await readJson<RowOutcome[]>(this.part(runId, `${name}-outcomes`))) ?? []
    )
  }

  /** A folder of the run's own, for files made from it (re-run CSVs). */
  runFolder(runId: string): string {
    return join(this.dir, runId)
  }

  private part(runId: string, name: string): string {
    return join(this.dir, runId, `${name}.json`)
  }
}

/** One row per line keeps big jobs readable in a text editor. */
function rowsJson(rows: SentRow[]): string {
  return `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`
}
