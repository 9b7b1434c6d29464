import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import type { RunView } from '../../app/contract.ts'
import { storedRuns } from '../runs/stored-runs.ts'
import type { CliIo } from './cli-io.ts'

const STATE_WORDS: Record<RunView['state'], string> = {
  running: 'running',
  finished: 'finished',
  failed: 'stopped',
}

function pad(text: string, width: number, right = false): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text
  return right ? cut.padStart(width) : cut.padEnd(width)
}

/** One line per run, in columns. */
export function runsTable(runs: readonly RunView[]): string {
  const head =
    `${pad('Started', 17)} ${pad('Run', 8)} ${pad('File', 28)} ${pad('Module', 10)} ` +
    `${pad('State', 9)} ${pad('Added', 7, true)} ${pad('Updated', 7, true)} ` +
    `${pad('Skipped', 7, true)} ${pad('Excluded', 8, true)} ${pad('Rows', 7, true)}`
  const lines = runs.map((run) => {
    const c = run.counts
    return (
      `${pad(run.startedAt.slice(0, 16).replace('T', ' '), 17)} ${pad(run.runId.slice(0, 8), 8)} ` +
      `${pad(run.fileName, 28)} ${pad(run.module, 10)} ${pad(STATE_WORDS[run.state], 9)} ` +
      `${pad(String(c.added), 7, true)} ${pad(String(c.updated), 7, true)} ` +
      `${pad(String(c.skipped), 7, true)} ${pad(String(c.excluded), 8, true)} ` +
      `${pad(String(c.total), 7, true)}`
    )
  })
  return [head, ...lines].join('\n') + '\n'
}

/** `bulkwright runs`: the runs of a data folder, newest first. */
export async function runRunsCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string', default: '.data/cli' },
      json: { type: 'boolean', default: false },
    },
  })
  const runs = (await storedRuns(resolve(values['data-dir'])).all()).map(
    (run) => run.view,
  )
  if (values.json) {
    io.stdout(`${JSON.stringify(runs)}\n`)
    return 0
  }

  if (runs.length === 0) {
    io.stdout(
      `No runs in ${values['data-dir']} yet. \`bulkwright import\` makes one.\n`,
    )
    return 0
  }

  io.stdout(runsTable(runs))
  io.stdout(
    "`bulkwright report <run>` shows a run's report (the first 8 characters of its id will do).\n",
  )
  return 0
}
