import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { type CheckSummary, checkFile } from '../../app/check/check-file.ts'
import type { Problem } from '../../app/check/problem.ts'
import type {
  CsvDelimiter,
  CsvEncoding,
  CsvLayout,
} from '../../app/csv/csv-types.ts'
import { readCsvHead } from '../../app/csv/read-csv.ts'
import type { CrmField, ImportOperation } from '../../app/fields/crm-field.ts'
import { firstViewMatch } from '../../app/mapping/auto-match.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'
import { isMappingError, loadMapping } from '../../app/mapping/saved-mapping.ts'
import { fileByteSource } from '../files/file-byte-source.ts'
import { csvPathFor } from '../files/unzip-single-csv.ts'
import { PARTS_MIN_BYTES, checkInParts } from '../engine/check-in-parts.ts'
/** Problems listed one by one (and kept for --json); all are counted. */
const LISTED_PROBLEMS = 100_000

/** Where `bulkwright check` writes and how it learns a module's fields. */
export interface CheckCommandIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The module's fields, or null when the module does not exist. */
  fetchFields: (module: string) => Promise<CrmField[] | null>
}

const USAGE = `Usage: bulkwright check <file.csv> --module <Module> [options]

Reads and checks a CSV file against a module's fields without sending
anything. Exit code: 0 nothing blocks the import, 1 something does,
2 the file or the options cannot be used.

Options:
  --module <Module>        CRM module, e.g. Contacts (required)
  --operation <op>         insert (default), update or upsert
  --find-by <field>        unique field (or id) that finds records to update
  --mapping <file.json>    saved mapping; without it columns are matched by name
  --encoding <enc>         utf-8, windows-1252, utf-16le or utf-16be
  --delimiter <d>          comma, semicolon, tab, pipe or colon
  --header-line <n>        physical line holding the column names
  --json                   print one JSON object as the last line
`

const DELIMITERS: Record<string, CsvDelimiter> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  pipe: '|',
  colon: ':',
}
const DELIMITER_NAMES = Object.fromEntries(
  Object.entries(DELIMITERS).map(([name, d]) => [d, name]),
)
const ENCODINGS: CsvEncoding[] = [
  'utf-8',
  'windows-1252',
  'utf-16le',
  'utf-16be',
]
const OPERATIONS: ImportOperation[] = ['insert', 'update', 'upsert']

type Options = {
  file: string
  module: string
  operation: ImportOperation
  findBy: string | null
  mappingFile: string | null
  json: boolean
  layout: Partial<CsvLayout>
}

/** Turns argv into options, or a message saying what is wrong. */
function readOptions(argv: string[]): Options | string {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        module: { type: 'string' },
        operation: { type: 'string', default: 'insert' },
        'find-by': { type: 'string' },
        mapping: { type: 'string' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        'header-line': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    return (error as Error).message
  }

  const { values, positionals } = parsed
  const [file] = positionals
  if (!file) return 'Give the CSV file to check.'

  if (!values.module)
    return 'Give the module with --module (e.g. --module Contacts).'

  const operation = values.operation as ImportOperation
  if (!OPERATIONS.includes(operation)) {
    return `--operation must be insert, update or upsert, not "${values.operation}".`
  }

  const layout: Partial<CsvLayout> = {}
  if (values.encoding) {
    const encoding = values.encoding.toLowerCase() as CsvEncoding
    if (!ENCODINGS.includes(encoding)) {
      return `--encoding must be one of ${ENCODINGS.join(', ')}.`
    }

    layout.encoding = encoding
  }

  if (values.delimiter) {
    const delimiter =
      DELIMITERS[values.delimiter] ?? (values.delimiter as CsvDelimiter)
    if (!Object.values(DELIMITERS).includes(delimiter)) {
      return `--delimiter must be one of ${Object.keys(DELIMITERS).join(', ')}.`
    }

    layout.delimiter = delimiter
  }

  if (values['header-line']) {
    const line = Number(values['header-line'])
    if (!Number.isInteger(line) || line < 1) {
      return '--header-line must be a line number (1 or more).'
    }

    layout.headerLine = line
  }

  return {
    file,
    module: values.module,
    operation,
    findBy: values['find-by'] ?? null,
    mappingFile: values.mapping ?? null,
    json: values.json ?? false,
    layout,
  }
}

function problemLines(problem: Problem): string {
  const head = `${problem.severity.padEnd(7)} ${problem.code}: ${problem.message}`
  return problem.fix ? `${head}\n        fix: ${problem.fix}\n` : `${head}\n`
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`
}

function describeSummary(
  summary: CheckSummary,
  mapping: ImportMapping,
): string {
  const { layout } = summary
  const names = new Map(summary.columns.map((c) => [c.index, c.name]))
  const rowsPerJob = summary.jobs.map((job) =>
    job.rowCount.toLocaleString('en-US'),
  )
  return [
    `File:       ${summary.fileName}`,
    `Encoding:   ${layout.encoding}${layout.hadBom ? ' (with byte-order mark)' : ''}`,
    `Delimiter:  ${DELIMITER_NAMES[layout.delimiter] ?? layout.delimiter}`,
    `Header:     line ${layout.headerLine}, ${summary.columns.length} columns`,
    `Rows:       ${summary.rowCount.toLocaleString('en-US')}`,
    `Mapping:    ${mapping.module} ${mapping.operation}${mapping.findBy ? ` by ${mapping.findBy}` : ''}: ${
      mapping.fields
        .map(
          (f) =>
            `${f.column === null ? '(default)' : `"${names.get(f.column) ?? f.column}"`} → ${f.apiName}`,
        )
        .join(', ') || 'no fields'
    }`,
    `Jobs:       ${summary.jobs.length} (${rowsPerJob.join(' + ') || 'no rows'}), ${summary.credits.toLocaleString('en-US')} credits`,
    `Problems:   ${plural(summary.errorCount, 'error')}, ${plural(summary.warningCount, 'warning')}${summary.rowsWithErrors ? ` (${plural(summary.rowsWithErrors, 'row')} with errors)` : ''}`,
    ...summary.suggestions.map(
      (item) =>
        `Transform:  “${item.columnName}” → ${item.field}: ${item.kind} transform would change ${plural(item.affected, 'value')}${
          item.date
            ? ` (${item.date.explanation})`
            : item.number
              ? ` (${item.number.explanation})`
              : ''
        }; apply it on the wizard's Check step (this command only reads)`,
    ),
    summary.blocking
      ? 'Result:     blocked — fix the errors above, or exclude those rows.'
      : 'Result:     nothing blocks the import.',
    '',
  ].join('\n')
}

function summaryJson(summary: CheckSummary, mapping: ImportMapping): string {
  return JSON.stringify({
    file: summary.fileName,
    encoding: summary.layout.encoding,
    hadBom: summary.layout.hadBom,
    delimiter: summary.layout.delimiter,
    headerLine: summary.layout.headerLine,
    columns: summary.columns.map((c) => c.name),
    rows: summary.rowCount,
    module: mapping.module,
    operation: mapping.operation,
    findBy: mapping.findBy,
    mapping: mapping.fields.map((f) => ({
      field: f.apiName,
      column: f.column,
    })),
    jobs: summary.jobs.map((job) => ({
      rows: job.rowCount,
      firstRow: job.firstRow,
      lastRow: job.lastRow,
      csvBytes: job.csvBytes,
    })),
    credits: summary.credits,
    errorCount: summary.errorCount,
    warningCount: summary.warningCount,
    rowsWithErrors: summary.rowsWithErrors,
    problemCount: summary.problemCount,
    countsByCode: summary.countsByCode,
    problems: summary.problems,
    problemsTruncated: summary.problems.length < summary.problemCount,
    suggestions: summary.suggestions,
    blocking: summary.blocking,
  })
}

async function buildMapping(
  options: Options,
  fields: CrmField[],
): Promise<{ mapping: ImportMapping; layout: Partial<CsvLayout> } | string> {
  const source = await fileByteSource(options.file)
  const head = await readCsvHead(source, {
    layout: options.layout,
    previewRows: 0,
  })
  const base = {
    module: options.module,
    operation: options.operation,
    findBy: options.findBy,
    ignoreEmpty: false,
  }
  if (!options.mappingFile) {
    return {
      mapping: { ...base, fields: firstViewMatch(head.columns, fields) },
      // The user's choices only: the check detects the rest again and so
      // keeps its notes (a file read as Windows-1252, say).
      layout: options.layout,
    }
  }

  let json: unknown
  try {
    json = JSON.parse(await readFile(options.mappingFile, 'utf8'))
  } catch (error) {
    return `Cannot read the mapping ${options.mappingFile}: ${(error as Error).message}.`
  }

  const loaded = loadMapping(json, head.columns, options.mappingFile)
  if (isMappingError(loaded)) return loaded.message

  return {
    mapping: {
      ...loaded,
      module: options.module,
      operation: options.operation,
      findBy: options.findBy ?? loaded.findBy,
    },
    layout: options.layout,
  }
}

/** `bulkwright check`: reads and checks a file; exit 0 ok, 1 blocked, 2 unusable. */
export async function runCheckCommand(
  argv: string[],
  io: CheckCommandIo,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE)
    return 0
  }

  const options = readOptions(argv)
  if (typeof options === 'string') {
    io.stderr(`bulkwright check: ${options}\n\n${USAGE}`)
    return 2
  }

  // A ZIP holding one CSV is checked as that CSV, as import reads it.
  let csv: Awaited<ReturnType<typeof csvPathFor>>
  try {
    csv = await csvPathFor(options.file)
  } catch (error) {
    io.stderr(`bulkwright check: ${(error as Error).message}\n`)
    return 2
  }
  try {
    return await checkCsv(argv, { ...options, file: csv.path }, io)
  } finally {
    await csv.cleanup()
  }
}

async function checkCsv(
  _argv: string[],
  options: Options,
  io: CheckCommandIo,
): Promise<number> {
  const fields = await io.fetchFields(options.module)
  if (!fields) {
    io.stderr(
      `bulkwright check: the CRM has no module "${options.module}". Check the spelling (module API names are plural, e.g. Contacts).\n`,
    )
    return 2
  }

  let built
  try {
    built = await buildMapping(options, fields)
  } catch (error) {
    io.stderr(
      `bulkwright check: cannot read ${options.file}: ${(error as Error).message}. Check the path and that the file can be opened.\n`,
    )
    return 2
  }

  if (typeof built === 'string') {
    io.stderr(`bulkwright check: ${built}\n`)
    return 2
  }

  const { mapping } = built
  const source = await fileByteSource(options.file)
  let summary: CheckSummary
  if ((source.size ?? 0) >= PARTS_MIN_BYTES) {
    // Large files are checked in two threads; the problems come at the end.
    const result = await checkInParts(
      {
        path: options.file,
        fields,
        mapping,
        layout: built.layout,
        keepProblems: LISTED_PROBLEMS,
      },
      // The command waits for the check: the first half runs here.
      { firstHalfHere: true },
    )
    if (!result.ok) {
      io.stderr(`bulkwright check: ${result.message}\n`)
      return 2
    }

    summary = result.summary
    if (!options.json) {
      for (const problem of summary.problems) io.stdout(problemLines(problem))
      const unlisted = summary.problemCount - summary.problems.length
      if (unlisted > 0) {
        io.stdout(
          `… and ${unlisted} more problems, not listed; the counts below include them.\n`,
        )
      }
    }
  } else {
    summary = await checkFile(source, {
      fields,
      mapping,
      layout: built.layout,
      keepProblems: options.json ? LISTED_PROBLEMS : 0,
      onProblem: options.json
        ? undefined
        : (problem) => io.stdout(problemLines(problem)),
    })
  }

  if (options.json) io.stdout(summaryJson(summary, mapping) + '\n')
  else io.stdout(describeSummary(summary, mapping))

  if (summary.countsByCode.NO_DATA || summary.countsByCode.NOT_CSV) return 2

  return summary.blocking ? 1 : 0
}
