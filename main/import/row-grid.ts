import type {
  CellProblem,
  CheckSummary,
  ColumnTransformPreview,
  GridRow,
  RowFilter,
  RowPage,
  TransformId,
} from '../../app/contract.ts'
import { createRowChecker } from '../../app/check/check-rows.ts'
import type { CsvRecord } from '../../app/csv/csv-types.ts'
import { readCsvRecords } from '../../app/csv/read-csv.ts'
import { previewTransform as previewValues } from '../../app/transforms/value-transform.ts'
import { UserFacingError } from '../user-facing-error.ts'
import { cellProblem } from './check-state.ts'
import {
  checkFile,
  checkInputOf,
  latestCheck,
  summarise,
  type FileCheck,
} from './check-file.ts'
import { transformFor } from './file-fixes.ts'
import type { OpenFile } from './open-files.ts'
import { rowIndexFor } from './row-index.ts'

/** Most rows one page may ask for. */
const MAX_PAGE = 500

function checked(file: OpenFile): FileCheck {
  const check = latestCheck(file.fileId)
  if (check === undefined) {
    throw new UserFacingError(
      'NOT_CHECKED',
      'The rows of this file have not been checked yet. Go back to Map and choose “Next: check the rows”.',
    )
  }

  return check
}

/** A row's problems as they stand: re-checked rows first, else checked now. */
function problemsOf(
  check: FileCheck,
  record: CsvRecord,
  checker: ReturnType<typeof createRowChecker>,
): CellProblem[] {
  const override = check.state.overrides.get(record.row)
  if (override !== undefined) return override

  const own = checker
    .check(record)
    .filter((p) => p.code !== 'DUPLICATE_IN_FILE')
    .map(cellProblem)
  return [...own, ...check.state.contextOf(record.row)]
}

function gridRow(
  check: FileCheck,
  raw: CsvRecord,
  checker: ReturnType<typeof createRowChecker>,
): GridRow {
  const record = check.fixes.apply(raw)
  return {
    row: record.row,
    line: record.line,
    values: record.values,
    edited: check.fixes.editedColumns(record.row),
    excluded: check.fixes.isExcluded(record.row),
    problems: problemsOf(check, record, checker),
  }
}

const filterCache = new WeakMap<FileCheck, Map<string, number[]>>()

function rowsMatching(check: FileCheck, filter: RowFilter): number[] | null {
  if (!filter.onlyProblems && filter.column === null && filter.code === null)
    return null

  let cache = filterCache.get(check)
  if (cache === undefined) {
    cache = new Map()
    filterCache.set(check, cache)
  }

  const key = JSON.stringify(filter)
  let rows = cache.get(key)
  if (rows === undefined) {
    rows = check.state.matching(filter)
    cache.set(key, rows)
  }

  return rows
}

/** A page of the grid: rows read from the file, with fixes and problems. */
export async function listRows(
  file: OpenFile,
  request: { offset: number; limit: number; filter: RowFilter },
): Promise<RowPage> {
  const check = checked(file)
  const matching = rowsMatching(check, request.filter)
  const total = matching?.length ?? check.rowCount
  const limit = Math.min(request.limit, MAX_PAGE)
  const end = Math.min(total, request.offset + limit)
  const wanted: number[] = []
  for (let i = request.offset; i < end; i++) {
    wanted.push(matching ? (matching[i] as number) : i)
  }

  const records = await rowIndexFor(file).readRows(wanted)
  const checker = createRowChecker(checkInputOf(file, check.input))
  const rows: GridRow[] = []
  for (const row of wanted) {
    const record = records.get(row)
    if (record) rows.push(gridRow(check, record, checker))
  }

  return { offset: request.offset, total, rows }
}

/** Sets one cell and checks its row again at once. */
export async function editCell(
  file: OpenFile,
  request: { row: number; column: number; value: string },
): Promise<{ row: GridRow; summary: CheckSummary }> {
  const check = checked(file)
  if (request.row >= check.rowCount || request.column >= 10_000) {
    throw new UserFacingError(
      'NO_SUCH_CELL',
      `Row ${request.row + 1} is not in ${file.name}. Reload the rows and try again.`,
    )
  }

  const raw = (await rowIndexFor(file).readRows([request.row])).get(
    request.row,
  ) as CsvRecord
  const checker = createRowChecker(checkInputOf(file, check.input))
  const before = problemsOf(check, check.fixes.apply(raw), checker)
  check.fixes.edit(request.row, request.column, request.value)
  const record = check.fixes.apply(raw)
  const after = [
    ...checker
      .check(record)
      .filter((p) => p.code !== 'DUPLICATE_IN_FILE')
      .map(cellProblem),
    ...check.state.contextOf(
      request.row,
      check.fixes.editedColumns(request.row),
    ),
  ]
  check.state.replaceRow(request.row, before, after)
  filterCache.delete(check)
  check.summary = summarise(file, check)
  return { row: gridRow(check, raw, checker), summary: check.summary }
}

/** Excludes rows (listed, or every row a filter shows) or takes them back. */
export function excludeRows(
  file: OpenFile,
  request: {
    rows: number[] | null
    filter: RowFilter | null
    excluded: boolean
  },
): CheckSummary {
  const check = checked(file)
  const rows =
    request.rows ??
    (request.filter ? rowsMatching(check, request.filter) : null) ??
    Array.from({ length: check.rowCount }, (_, i) => i)
  for (const row of rows) {
    if (row < 0 || row >= check.rowCount) continue

    if (request.excluded) check.fixes.excluded.add(row)
    else check.fixes.excluded.delete(row)
  }

  check.summary = summarise(file, check)
  return check.summary
}

function transformOf(
  file: OpenFile,
  check: FileCheck,
  column: number,
  id: TransformId,
) {
  const entry = check.input.mapping.fields.find((f) => f.column === column)
  const field = check.input.fields.find((f) => f.apiName === entry?.apiName)
  const transform = transformFor(id, field)
  if (transform === null) {
    throw new UserFacingError(
      'TRANSFORM_NOT_FOR_COLUMN',
      `That change needs a picklist field; the column ${file.head.columns.find((c) => c.index === column)?.name ?? column + 1} is not mapped to one.`,
    )
  }

  return transform
}

/** What a transform would change in a column, over every row. */
export async function previewTransform(
  file: OpenFile,
  request: { column: number; transform: TransformId },
): Promise<ColumnTransformPreview> {
  const check = checked(file)
  const transform = transformOf(file, check, request.column, request.transform)
  let preview: ColumnTransformPreview | null = null
  for await (const batch of readCsvRecords(file.source, file.head.layout)) {
    const cells = []
    for (const raw of batch) {
      const record = check.fixes.apply(raw, request.column)
      const value = record.values[request.column] ?? ''
      if (value !== '')
        cells.push({ row: record.row, line: record.line, value })
    }

    preview = merge(preview, previewValues(transform, cells, PREVIEW_EXAMPLES))
  }

  return preview ?? previewValues(transform, [], 0)
}

/** Before/after pairs the preview shows. */
const PREVIEW_EXAMPLES = 8

function merge(
  sum: ColumnTransformPreview | null,
  next: ColumnTransformPreview,
): ColumnTransformPreview {
  if (sum === null) return next

  return {
    description: sum.description,
    changed: [...sum.changed, ...next.changed].slice(0, PREVIEW_EXAMPLES),
    failed: [...sum.failed, ...next.failed].slice(0, PREVIEW_EXAMPLES),
    changedCount: sum.changedCount + next.changedCount,
    failedCount: sum.failedCount + next.failedCount,
    unchangedCount: sum.unchangedCount + next.unchangedCount,
  }
}

/** Applies a transform to a column and checks every row again. */
export async function applyTransform(
  file: OpenFile,
  request: { column: number; transform: TransformId },
): Promise<CheckSummary> {
  const check = checked(file)
  const transform = transformOf(file, check, request.column, request.transform)
  check.fixes.transforms.set(request.column, {
    id: request.transform,
    transform,
  })
  const again = await checkFile(file, check.input)
  return again.summary
}

/** Takes a column's transform back and checks every row again. */
export async function undoTransform(
  file: OpenFile,
  request: { column: number },
): Promise<CheckSummary> {
  const check = checked(file)
  if (!check.fixes.undoTransform(request.column)) {
    const name =
      file.head.columns.find((c) => c.index === request.column)?.name ??
      `number ${request.column + 1}`
    throw new UserFacingError(
      'NO_TRANSFORM',
      `The column ${name} has no change to undo. Reload the Check step to see the changes that stand.`,
    )
  }

  const again = await checkFile(file, check.input)
  return again.summary
}
