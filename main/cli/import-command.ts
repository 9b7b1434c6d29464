import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { RunView } from '../../app/contract.ts'
import type { ImportOperation } from '../../app/fields/crm-field.ts'
import { autoMatch } from '../../app/mapping/auto-match.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { isMappingError, loadMapping } from '../../app/mapping/saved-mapping.ts'
import { FILE_ERROR_CODES } from '../import/open-files.ts'
import { createServices, type Services } from '../services.ts'
import { UserFacingError } from '../user-facing-error.ts'
import type { CliIo } from './cli-io.ts'

const USAGE =
  'Usage: bulkwright import <file.csv> --module <Module> [--operation insert|update|upsert]\n' +
  '         [--find-by <field>] [--mapping mapping.json] [--data-dir DIR]\n' +
  '         [--report skipped.csv] [--send-rows-with-errors] [--json]\n'

const OPERATIONS: readonly string[] = ['insert', 'update', 'upsert']

function waitForEnd(services: Services, runId: string): Promise<RunView> {
  return new Promise((resolveRun) => {
    services.setEventSender((event, payload) => {
      if (event !== 'runProgress') return
      const run = payload as RunView
      if (run.runId === runId && run.state !== 'running') resolveRun(run)
    })
  })
}

async function buildMapping(
  services: Services,
  fileId: string,
  columns: Parameters<typeof autoMatch>[0],
  options: {
    module: string
    operation: ImportOperation
    findBy: string | null
    mapping?: string
  },
): Promise<ImportMapping> {
  const fields = await services.handlers.listFields({ module: options.module })
  if (options.mapping === undefined) {
    return {
      module: options.module,
      operation: options.operation,
      findBy: options.findBy,
      ignoreEmpty: options.operation !== 'insert',
      fields: autoMatch(columns, fields),
    }
  }

  const text = await readFile(options.mapping, 'utf8').catch(() => null)
  if (text === null)
    throw new UserFacingError(
      'NO_MAPPING_FILE',
      `Cannot read ${options.mapping}.`,
    )
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new UserFacingError(
      'NOT_A_MAPPING',
      `${options.mapping} is not JSON.`,
    )
  }
  const mapping = loadMapping(json, columns, options.mapping)
  if (isMappingError(mapping))
    throw new UserFacingError(mapping.code, mapping.message)
  void fileId
  return mapping
}

/** `bulkwright import`: the wizard's whole path, headless, against LocalCRM. */
export async function runImportCommand(
  argv: string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      module: { type: 'string' },
      operation: { type: 'string', default: 'insert' },
      'find-by': { type: 'string' },
      mapping: { type: 'string' },
      'data-dir': { type: 'string', default: '.data/cli' },
      report: { type: 'string' },
      'send-rows-with-errors': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'ms-per-row': { type: 'string', default: '0' },
    },
  })
  const file = positionals[0]
  if (
    file === undefined ||
    values.module === undefined ||
    !OPERATIONS.includes(values.operation)
  ) {
    io.stderr(USAGE)
    return 2
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
    const mapping = await buildMapping(
      services,
      summary.fileId,
      summary.columns,
      {
        module: values.module,
        operation: values.operation as ImportOperation,
        findBy: values['find-by'] ?? null,
        ...(values.mapping === undefined ? {} : { mapping: values.mapping }),
      },
    )
    const check = await services.handlers.checkImport({
      fileId: summary.fileId,
      mapping,
    })
    io.stderr(
      `Checked ${check.rowCount} rows of ${summary.name}: ${check.rowsWithErrors} with problems.\n`,
    )

    const started = await services.handlers.startImport({
      fileId: summary.fileId,
      mapping,
      sendRowsWithErrors: values['send-rows-with-errors'],
    })
    const run = await waitForEnd(services, started.runId)
    if (values.report !== undefined) {
      const exported = await services.handlers.exportSkipped({
        runId: run.runId,
      })
      await writeFile(values.report, exported.content)
      io.stderr(
        `Wrote the skipped rows to ${values.report}.${exported.note ? ` ${exported.note}` : ''}\n`,
      )
    }

    const { added, updated, skipped, excluded, total } = run.counts
    io.stdout(
      `${run.state === 'finished' ? 'Import finished' : `Import stopped: ${run.message}`}\n` +
        `  added ${added}, updated ${updated}, skipped ${skipped}, excluded ${excluded}, total ${total}\n` +
        `  run ${run.runId}, ${run.jobs.length} jobs, ${run.creditsSpent} credits\n`,
    )
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ runId: run.runId, state: run.state, added, updated, skipped, excluded, total })}\n`,
      )
    }
    return run.state === 'finished' ? 0 : 1
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error
    io.stderr(`bulkwright: ${error.message}\n`)
    return FILE_ERROR_CODES.has(error.code) ? 2 : 1
  } finally {
    await services.close()
  }
}
