import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { setLogSink, stderrSink } from '../log/logger.ts'
import { startLocalCrm } from './local-crm.ts'
import { loadSampleData } from './sample-data.ts'

/**
 * `npm run localcrm -- [--port N] [--data-dir DIR] [--ms-per-row N]
 * [--status-spelling INPROGRESS] [--daily-credits N]`: starts LocalCRM
 * with sample data and runs until Ctrl-C.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'ms-per-row': { type: 'string' },
      'status-spelling': { type: 'string' },
      'daily-credits': { type: 'string' },
      verbose: { type: 'boolean' },
    },
  })
  setLogSink(stderrSink(values.verbose ? 'debug' : 'info'))
  const spelling = values['status-spelling']
  if (
    spelling !== undefined &&
    spelling !== 'IN PROGRESS' &&
    spelling !== 'INPROGRESS'
  ) {
    fail(
      `--status-spelling must be "IN PROGRESS" or INPROGRESS, not ${spelling}`,
    )
  }

  const dataDir = resolve(values['data-dir'] ?? '.data/localcrm')
  const crm = await startLocalCrm({
    dataDir,
    port: numberOption(values.port, '--port'),
    msPerRow: numberOption(values['ms-per-row'], '--ms-per-row'),
    dailyCredits: numberOption(values['daily-credits'], '--daily-credits'),
    statusSpelling: spelling as 'IN PROGRESS' | 'INPROGRESS' | undefined,
  })
  const added = await loadSampleData(crm)

  process.stdout.write(
    [
      `LocalCRM listening on ${crm.url}`,
      `Data folder: ${dataDir}${added > 0 ? ` (sample data: ${added} records added)` : ''}`,
      `Client id: ${crm.client.clientId}`,
      `Client secret: ${crm.client.clientSecret}`,
      `Grant code (Self Client, valid 10 minutes): ${crm.createGrantCode()}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  )

  const stop = () => {
    void crm.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function numberOption(
  text: string | undefined,
  name: string,
): number | undefined {
  if (text === undefined) return undefined

  const n = Number(text)
  if (!Number.isFinite(n) || n < 0)
    fail(`${name} must be a number of 0 or more, not ${text}`)
  return n
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

void main().catch((error: unknown) => {
  process.stderr.write(`LocalCRM could not start: ${String(error)}\n`)
  process.exit(1)
})
