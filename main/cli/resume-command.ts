import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { storedRuns } from '../runs/stored-runs.ts'
import { createServices } from '../services.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { CliIo } from './cli-io.ts'
import { printRunEnd, watchRunEnds } from './run-end.ts'

const USAGE = `Usage: bulkwright resume <run> [--data-dir DIR] [--json]

Continues a run that paused (the CRM was out of reach or busy): jobs already
created are polled, never created again. <run> is a run id from
\`bulkwright runs\` (its first 8 characters will do).
`

/** `bulkwright resume <run>`: the CLI's "Resume the run". */
export async function runResumeCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: '.data/cli' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  const wanted = positionals[0]
  if (values.help || wanted === undefined) {
    io.stdout(USAGE)
    return values.help ? 0 : 2
  }

  const dataDir = resolve(values['data-dir'])
  let runId: string
  try {
    runId = (await storedRuns(dataDir).find(wanted)).view.runId
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error
    io.stderr(`bulkwright: ${error.message}\n`)
    return 1
  }

  const services = await createServices({
    dataDir,
    localCrmMsPerRow: 0,
    pollMs: { first: 200, max: 2000 },
  })
  try {
    const endOf = watchRunEnds(services)
    const now = await services.handlers.resumeRun({ runId })
    const run = now.state === 'running' ? await endOf(runId) : now
    printRunEnd(io, run, { title: 'Run', json: values.json })
    return run.state === 'finished' ? 0 : 1
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error
    io.stderr(`bulkwright: ${error.message}\n`)
    return 1
  } finally {
    await services.close()
  }
}
