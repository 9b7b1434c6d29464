/**
 * The `bulkwright` command line: the same services as the desktop app,
 * without a window. Each subcommand lives in its own file.
 */
import { setLogSink, stderrSink } from '../log/logger.ts'
import { runCheckCommand } from './check-command.ts'
import { processIo } from './cli-io.ts'
import { fetchFieldsFromLocalCrm, takeDataDir } from './crm-for-cli.ts'
import { runImportCommand } from './import-command.ts'
import { runReportCommand } from './report-command.ts'
import { runResumeCommand } from './resume-command.ts'
import { runRunsCommand } from './runs-command.ts'

const HELP = `Bulkwright — imports CSV files into Zoho CRM with the Bulk Write API.

Commands:
  bulkwright import <file.csv> --module <Module> [options]   import, against LocalCRM
  bulkwright check <file.csv> --module <Module> [options]    check only; sends nothing
  bulkwright runs [--data-dir DIR]                           past runs with their counts
  bulkwright report <run> [--csv FILE] [--reimport FILE]     a run's report and exports
  bulkwright resume <run>                                    continue a paused run
  bulkwright help                                            this text

Run a command without arguments to see its options.
`

async function main(argv: string[]): Promise<number> {
  setLogSink(
    stderrSink(process.env.BULKWRIGHT_LOG === 'debug' ? 'debug' : 'warn'),
  )
  const [command, ...rest] = argv
  switch (command) {
    case 'import':
      return runImportCommand(rest, processIo)
    case 'check': {
      const { dataDir, rest: args } = takeDataDir(rest)
      return runCheckCommand(args, {
        ...processIo,
        fetchFields: (module) => fetchFieldsFromLocalCrm(dataDir, module),
      })
    }
    case 'runs':
      return runRunsCommand(rest, processIo)
    case 'resume':
      return runResumeCommand(rest, processIo)
    case 'report':
      return runReportCommand(rest, processIo)
    case undefined:
    case 'help':
    case '--help':
      processIo.stdout(HELP)
      return 0
    default:
      processIo.stderr(`bulkwright: unknown command "${command}".\n\n${HELP}`)
      return 2
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    processIo.stderr(
      `bulkwright: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  })
