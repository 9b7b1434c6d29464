import type {
  ByteSource,
  CsvColumn,
  CsvLayout,
  CsvRecord,
} from '../csv/csv-types.ts'
import {
  type CsvHead,
  type FilePart,
  readCsvHead,
  readCsvRecords,
} from '../csv/read-csv.ts'
import type { CrmField } from '../fields/crm-field.ts'
import type { ImportMapping } from '../mapping/import-mapping.ts'
import {
  type CellTransform,
  csvLine,
  jobColumns,
  jobRowBytes,
} from '../plan/job-file.ts'
import {
  JobPlanner,
  type PlannedJob,
  ZOHO_JOB_LIMITS,
  creditCost,
  utf8Length,
} from '../plan/plan-jobs.ts'
import { checkMapping, createRowChecker } from './check-rows.ts'
import type { KeyTable } from './key-set.ts'
import type { LineBreak } from '../csv/line-breaks.ts'
import type { Problem } from './problem.ts'
import { describeLinesAtStart } from './describe-place.ts'
import { fileProblem } from '../csv/read-problems.ts'
import {
  type AdvisorFindings,
  type TransformSuggestion,
  createTransformAdvisor,
} from '../transforms/suggest-transforms.ts'

/** Progress of a whole-file check, reported every batch. */
export interface CheckProgress {
  rows: number
  problems: number
  /** Bytes read, and the file's size when known, for a progress bar. */
  bytesRead: number
  bytesTotal: number | null
}

/** Everything a check of a whole file found. */
export interface CheckSummary {
  fileName: string
  layout: CsvLayout
  columns: CsvColumn[]
  /** Data records read (header and blank lines excluded). */
  rowCount: number
  /** Problems kept, in the order found (head, mapping, then rows). */
  problems: Problem[]
  /** All problems found, including those beyond the kept ones. */
  problemCount: number
  errorCount: number
  warningCount: number
  countsByCode: Record<string, number>
  /** Rows with at least one error. */
  rowsWithErrors: number
  jobs: PlannedJob[]
  credits: number
  /** Column transforms that would fix values, with what each column shows. */
  suggestions: TransformSuggestion[]
  /** Something stands in the way of the import. */
  blocking: boolean
  /** Set when one part of the file was checked, for merging the parts. */
  part?: PartFindings
}

/** One part of a file checked on its own (see main/engine/check-in-parts). */
export interface CheckPart {
  /** The whole file's head, read once for all parts. */
  head: CsvHead
  /** Where the part lies in the file. */
  read: Omit<FilePart, 'onEnd'>
}

/** What a part's check found beyond its summary, for merging the parts. */
export interface PartFindings {
  /** Bytes of each row in a job CSV, in file order. */
  rowBytes: Uint32Array
  /** In-file key sets of unique fields (see KeySet.table), by API name. */
  keys: [field: string, table: KeyTable][]
  /** Column evidence for transform suggestions. */
  advice: AdvisorFindings
  /** The part ended exactly where a record did. */
  clean: boolean
  /** The line break the part's reader took for the file's own. */
  lineBreak: LineBreak | null
}

/**
 * Which part of the check found a problem: the file's first lines, the
 * mapping, a record (read or checked), or the advice over whole columns.
 */
export type ProblemOrigin = 'head' | 'mapping' | 'row' | 'column'

/** What a whole-file check needs. */
export interface CheckFileInput {
  fields: CrmField[]
  /** The mapping; built from the file's columns when it depends on them. */
  mapping: ImportMapping | ((columns: CsvColumn[]) => ImportMapping)
  layout?: Partial<CsvLayout>
  transform?: CellTransform
  /**
   * The user's fixes (edited cells, column transforms), applied to each
   * record before it is checked and planned; the file is not changed.
   */
  fix?: (record: CsvRecord) => CsvRecord
  /** Problems kept in the summary (default 10,000); all are counted. */
  keepProblems?: number
  onProblem?: (problem: Problem, origin: ProblemOrigin) => void
  onProgress?: (progress: CheckProgress) => void
  /** Checks one part of the file; the summary then carries PartFindings. */
  part?: CheckPart
}

/** Problems a check keeps, with their sentences, unless told otherwise. */
export const KEPT_PROBLEMS = 10_000

/** Rows a file of `size` bytes holds, judged from its first rows. */
function estimateRows(size: number | null, first: CsvRecord[]): number {
  if (!size || first.length === 0) return 0

  const chars = first.reduce((n, r) => n + r.values.join(',').length + 2, 0)
  return Math.ceil((size / chars) * first.length * 1.1)
}

function tooBig(name: string, record: CsvRecord, bytes: number): Problem {
  return fileProblem(
    'LIMIT_EXCEEDED',
    'error',
    `${describeLinesAtStart(record.line, record.endLine)} of ${name} alone needs ${bytes} bytes, more than one Zoho job may hold.`,
    'Shorten the long values of this row, or exclude it.',
    record,
  )
}

/** Counts a problem into a summary, keeping it while fewer than `keep` are. */
export function countProblem(
  summary: CheckSummary,
  problem: Problem,
  keep: number,
): void {
  summary.problemCount++
  if (problem.severity === 'error') summary.errorCount++
  else summary.warningCount++

  summary.countsByCode[problem.code] =
    (summary.countsByCode[problem.code] ?? 0) + 1
  if (summary.problems.length < keep) summary.problems.push(problem)
}

function grown(array: Uint32Array): Uint32Array {
  const larger = new Uint32Array(array.length * 2)
  larger.set(array)
  return larger
}

/** Reads, checks and plans a whole file, streaming; never holds it whole. */
export async function checkFile(
  source: ByteSource,
  input: CheckFileInput,
): Promise<CheckSummary> {
  const part = input.part
  const later = part?.read.later ?? null
  const head =
    part?.head ??
    (await readCsvHead(source, {
      layout: input.layout,
      previewRows: 200,
    }))
  const mapping =
    typeof input.mapping === 'function'
      ? input.mapping(head.columns)
      : input.mapping
  const keep = input.keepProblems ?? KEPT_PROBLEMS
  const summary: CheckSummary = {
    fileName: source.name,
    layout: head.layout,
    columns: head.columns,
    rowCount: 0,
    problems: [],
    problemCount: 0,
    errorCount: 0,
    warningCount: 0,
    countsByCode: {},
    rowsWithErrors: 0,
    jobs: [],
    credits: 0,
    suggestions: [],
    blocking: false,
  }
  let origin: ProblemOrigin = 'head'
  const add = (problem: Problem): void => {
    countProblem(summary, problem, keep)
    input.onProblem?.(problem, origin)
  }

  if (!later) head.problems.forEach(add)
  if (head.problems.some((p) => p.code === 'NO_DATA' || p.code === 'NOT_CSV')) {
    summary.blocking = true
    return summary
  }

  const checkInput = {
    fileName: source.name,
    fields: input.fields,
    mapping,
    columns: head.columns,
    transform: input.transform,
    expectedRows: estimateRows(source.size, head.preview),
  }
  origin = 'mapping'
  if (!later) checkMapping(checkInput).forEach(add)
  origin = 'row'
  const checker = createRowChecker(checkInput)
  const columns = jobColumns(mapping, input.fields)
  const advisor = createTransformAdvisor(input.fields, mapping, head.columns)
  const planner = new JobPlanner(utf8Length(csvLine(columns.headers)) + 2)
  // Rows the reader already found broken, counted once with their checks.
  const readErrorRows = new Set<number>()
  // The reader reports as it reads, ahead of the batch it hands out, and
  // batches end where its 64 KB slices do: its problems wait for the
  // record they are on, so that problems come in file order whatever the
  // batches (a later part of a file, read on its own, batches otherwise).
  // Kept in line order (they come nearly in order: found from the end).
  let waiting: Problem[] = []
  let released = 0
  const addReadProblem = (problem: Problem): void => {
    if (problem.severity === 'error' && problem.row !== null) {
      readErrorRows.add(problem.row)
    }

    const line = problem.line ?? 0
    let at = waiting.length
    while (at > released && ((waiting[at - 1] as Problem).line ?? 0) > line) {
      at--
    }

    waiting.splice(at, 0, problem)
  }
  /** Adds the waiting problems on lines up to `line`, in line order. */
  const release = (line: number): void => {
    while (
      released < waiting.length &&
      ((waiting[released] as Problem).line ?? 0) <= line
    ) {
      add(waiting[released++] as Problem)
    }

    if (released === waiting.length && released > 0) {
      waiting = []
      released = 0
    }
  }

  let broken = false
  let bytesRead = 0

  let rowBytes: Uint32Array = new Uint32Array(part ? 1 << 16 : 0)
  let clean = true
  let lineBreak: LineBreak | null = null
  for await (const batch of readCsvRecords(source, head.layout, {
    ...(part
      ? {
          part: {
            ...part.read,
            onEnd: (c, breaks) => {
              clean = c
              lineBreak = breaks
            },
          },
        }
      : {}),
    onProblem: addReadProblem,
    onBytes: (read) => {
      bytesRead = read
    },
  })) {
    const records = input.fix ? batch.map(input.fix) : batch
    checker.prepare(records)
    for (const record of records) {
      release(record.endLine)
      broken = readErrorRows.size > 0 && readErrorRows.delete(record.row)
      if (!input.onProblem && summary.problems.length >= keep) {
        // Nobody reads these problems one by one: count them only.
        if (checker.tally(record)) broken = true
      } else {
        const problems = checker.check(record)
        for (let i = 0; i < problems.length; i++) {
          const problem = problems[i] as Problem
          broken ||= problem.severity === 'error'
          add(problem)
        }
      }

      if (broken) summary.rowsWithErrors++

      advisor.add(record)
      const bytes = jobRowBytes(record, columns, input.transform)
      if (bytes > ZOHO_JOB_LIMITS.maxCsvBytes)
        add(tooBig(source.name, record, bytes))

      planner.add(record.row, bytes)
      if (part) {
        if (record.row >= rowBytes.length) rowBytes = grown(rowBytes)
        rowBytes[record.row] = bytes
      }
    }

    summary.rowCount += batch.length
    checker.drainCounts(summary)
    input.onProgress?.({
      rows: summary.rowCount,
      problems: summary.problemCount,
      bytesRead,
      bytesTotal: source.size,
    })
  }

  release(Infinity)
  checker.finish().forEach(add)
  if (part) {
    summary.part = {
      rowBytes: rowBytes.slice(0, summary.rowCount),
      keys: [...checker.keySets()].map(([field, set]) => [field, set.table()]),
      advice: advisor.findings(),
      clean,
      lineBreak,
    }
    // Suggestions and jobs come from all parts, once they are merged.
    summary.blocking = summary.errorCount > 0
    return summary
  }

  origin = 'column'
  const advice = advisor.result()
  advice.problems.forEach(add)
  summary.suggestions = advice.suggestions
  summary.jobs = planner.finish()
  summary.credits = creditCost(summary.jobs)
  summary.blocking = summary.errorCount > 0
  return summary
}
