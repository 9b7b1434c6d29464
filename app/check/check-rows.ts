import type { CsvRecord } from '../csv/csv-types.ts'
import type { CellTransform } from '../plan/job-file.ts'
import type { CrmField } from '../fields/crm-field.ts'
import { type CheckInput, fieldTitle } from './check-mapping.ts'
import { describeLinesAtStart, quoteValue } from './describe-place.ts'
import { type CellRule, rulesFor } from './field-rules.ts'
import { KeySet } from './key-set.ts'
import type { Problem, ProblemCode } from './problem.ts'

export { checkMapping, type CheckInput } from './check-mapping.ts'

/** Checks records one by one; `finish` adds whole-file findings. */
export interface RowChecker {
  check(record: CsvRecord): Problem[]
  finish(): Problem[]
}

/** One mapped field, prepared once for every row. */
interface CellPlan {
  field: CrmField
  column: number | null
  columnName: string
  defaultValue: string | null
  transform: ((value: string) => string) | null
  rules: CellRule[]
  /** An empty cell is an error (mandatory on insert, or clearing it). */
  required: boolean
  isFindBy: boolean
  /** Values must be unique within the file: first line per key. */
  seen: KeySet | null
}

const NO_PROBLEMS: Problem[] = []

function plan(input: CheckInput): CellPlan[] {
  const { mapping } = input
  const byName = new Map(input.fields.map((field) => [field.apiName, field]))
  const names = new Map(input.columns.map((c) => [c.index, c.name]))
  const plans: CellPlan[] = []
  for (const entry of mapping.fields) {
    const field = byName.get(entry.apiName)
    if (!field) continue

    const isFindBy = mapping.findBy === field.apiName
    const required =
      field.mandatory &&
      (mapping.operation !== 'update' || !mapping.ignoreEmpty)
    plans.push({
      field,
      column: entry.column,
      columnName: entry.column === null ? '' : (names.get(entry.column) ?? ''),
      defaultValue: entry.defaultValue,
      transform: input.transform
        ? (value) => (input.transform as CellTransform)(field.apiName, value)
        : null,
      rules: rulesFor(field, entry.lookupFindBy),
      required,
      isFindBy,
      seen:
        field.unique || isFindBy ? new KeySet(field.uniqueCaseSensitive) : null,
    })
  }

  return plans
}

function cellProblem(
  record: CsvRecord,
  cell: CellPlan,
  value: string,
  code: ProblemCode,
  severity: 'error' | 'warning',
  what: string,
  fix: string | null,
): Problem {
  const where = describeLinesAtStart(record.line, record.endLine)
  const column = cell.columnName
    ? `column “${cell.columnName}”`
    : `the default value`
  return {
    row: record.row,
    line: record.line,
    endLine: record.endLine,
    column: cell.column,
    columnName: cell.columnName,
    field: cell.field.apiName,
    value,
    code,
    severity,
    message: `${where}, ${column} (${fieldTitle(cell.field)}): ${what}`,
    fix,
  }
}

function checkEmpty(record: CsvRecord, cell: CellPlan): Problem | null {
  if (cell.isFindBy) {
    return cellProblem(
      record,
      cell,
      '',
      'FIND_BY_MISSING',
      'error',
      'is empty, so Zoho cannot find the record to update.',
      `Fill in ${cell.field.label}, or exclude the row.`,
    )
  }

  if (!cell.required) return null

  return cellProblem(
    record,
    cell,
    '',
    'MANDATORY_MISSING',
    'error',
    `${cell.field.label} is required and this row has none.`,
    `Fill in ${cell.field.label}, give the mapping a default value, or exclude the row.`,
  )
}

function checkDuplicate(record: CsvRecord, cell: CellPlan, value: string) {
  const first = (cell.seen as KeySet).firstLine(value, record.line)
  if (first === 0) return null

  return cellProblem(
    record,
    cell,
    value,
    'DUPLICATE_IN_FILE',
    'error',
    `${quoteValue(value)} already appears on line ${first}; ${cell.field.label} must be unique, so Zoho would skip this row.`,
    'Remove or correct one of the two rows, or exclude this one.',
  )
}

/** The first problem of one cell (empty, breaking a rule, or a duplicate). */
/** The value Zoho would receive: transformed, or the default when empty. */
function cellValue(record: CsvRecord, cell: CellPlan): string {
  let value = cell.column === null ? '' : (record.values[cell.column] ?? '')
  if (cell.transform) value = cell.transform(value)

  return value === '' && cell.defaultValue !== null ? cell.defaultValue : value
}

function checkCell(record: CsvRecord, cell: CellPlan): Problem | null {
  const value = cellValue(record, cell)
  if (value.trim() === '') return checkEmpty(record, cell)

  for (const rule of cell.rules) {
    if (rule.test(value)) continue

    return cellProblem(
      record,
      cell,
      value,
      rule.code,
      rule.severity,
      `${quoteValue(value)} ${rule.explain?.(value) ?? `is not ${rule.expects}.`}`,
      rule.fix(value),
    )
  }

  return cell.seen ? checkDuplicate(record, cell, value) : null
}

/** After a rule problem, the value still counts for duplicates. */
function checkCellDuplicate(
  record: CsvRecord,
  cell: CellPlan,
  problems: Problem[],
): void {
  const value = cellValue(record, cell)
  if (value.trim() === '') return

  const duplicate = checkDuplicate(record, cell, value)
  if (duplicate) problems.push(duplicate)
}

/** Applies the field rules to every mapped cell of each record. */
export function createRowChecker(input: CheckInput): RowChecker {
  const cells = plan(input)
  return {
    check(record) {
      let problems: Problem[] = NO_PROBLEMS
      for (const cell of cells) {
        const problem = checkCell(record, cell)
        if (!problem) continue

        if (problems === NO_PROBLEMS) problems = []
        problems.push(problem)
        const duplicate = problem.code === 'DUPLICATE_IN_FILE'
        if (!duplicate && cell.seen) checkCellDuplicate(record, cell, problems)
      }

      return problems
    },
    finish() {
      // Duplicates are reported as rows arrive (the later row is the one
      // Zoho skips), so nothing is left for the end today.
      return []
    },
  }
}
