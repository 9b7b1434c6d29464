import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ImportOperation } from '../../app/fields/crm-field.ts'
import { FILE_ERROR_CODES } from '../import/open-files.ts'
import { createServices } from '../services.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { CliIo } from './cli-io.ts'
import { cliMapping, describeMapping } from './cli-mapping.ts'
import { printRunEnd, watchRunEnds } from './run-end.ts'

const USAGE = `Usage: bulkwright import <file.csv> --module <Module> [options]

  --operation insert|update|upsert   default: insert (or the mapping file's)
  --find-by <field>                  unique field (or id) matching records, for update and upsert
  --mapping <mapping.json>           a mapping saved by the wizard ("Save mapping");
                                     without it, columns are matched as the wizard does
  --data-dir <DIR>                   LocalCRM's records and the runs (default: .data/cli)
  --report <skipped.csv>             write the skipped and excluded rows with their reasons
  --send-rows-with-errors            send rows with problems and let the CRM skip them
                                     (default: they are not sent and count as excluded)
  --json                             end with one line of JSON holding the counts
`

const OPERATIONS: readonly string[] = ['insert', 'update', 'upsert']

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      module: { type: 'string' },
      operation: { type: 'string' },
      'find-by': { type: 'string' },
      mapping: { type: 'string' },
      'data-dir': { type: 'string', default: '.data/cli' },
      report: { type: 'string' },
      'send-rows-with-errors': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'ms-per-row': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  })
}

/** `bulkwright import`: the wizard's whole path, headless, against LocalCRM. */
export async function runImportCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    io.stderr(`bulkwright import: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE)
    return 0
  }
  const file = positionals[0]
  const operation = values.operation ?? null
  if (
    file === undefined ||
    values.module === undefined ||
    (operation !== null && !OPERATIONS.includes(operation))
  ) {
    io.stderr(USAGE)
    return 2
  }

  const fail = (code: string, message: string, exit: number) => {
    io.stderr(`bulkwright: ${message}\n`)
    if (values.json)
      io.stdout(`${JSON.stringify({ error: { code, message } })}\n`)
    return exit
  }

  const services = await createServices({
    dataDir: resolve(values['data-dir']),
    localCrmMsPerRow: Number(values['ms-per-row']),
    pollMs: { first: 200, max: 2000 },
  })
  try {
    const summary = await services.handlers.openFilePath({
      path: resolve(file),
    })
    const fields = await services.handlers.listFields({ module: values.module })
    const mapping = await cliMapping(
      {
        module: values.module,
        operation: operation as ImportOperation | null,
        findBy: values['find-by'] ?? null,
        mappingFile: values.mapping ?? null,
      },
      summary.columns,
      fields,
    )
    io.stderr(describeMapping(mapping, summary.columns))
    const check = await services.handlers.checkImport({
      fileId: summary.fileId,
      mapping,
    })
    io.stderr(
      `Checked ${plural(check.rowCount, 'row')} of ${summary.name}: ${check.rowsWithErrors} with problems` +
        `${check.rowsWithErrors > 0 && !values['send-rows-with-errors'] ? ' (not sent; --send-rows-with-errors sends them)' : ''}.\n`,
    )

    const endOf = watchRunEnds(services)
    const started = await services.handlers.startImport({
      fileId: summary.fileId,
      mapping,
      sendRowsWithErrors: values['send-rows-with-errors'],
    })
    const run = await endOf(started.runId)
    if (values.report !== undefined) {
      const exported = await services.handlers.exportSkipped({
        runId: run.runId,
      })
      await writeFile(values.report, exported.content)
      io.stderr(
        `Wrote the skipped rows to ${values.report}.${exported.note ? ` ${exported.note}` : ''}\n`,
      )
    }

    printRunEnd(io, run, {
      title: 'Import',
      details: `run ${run.runId}, ${plural(run.jobs.length, 'job')}, ${run.creditsSpent} credits`,
      json: values.json,
    })
    return run.state === 'finished' ? 0 : 1
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error
    return fail(
      error.code,
      error.message,
      FILE_ERROR_CODES.has(error.code) ? 2 : 1,
    )
  } finally {
    await services.close()
  }
}
