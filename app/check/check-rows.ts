import type { CsvRecord } from '../csv/csv-types.ts'
import type { CellTransform } from '../plan/job-file.ts'
import type { CrmField } from '../fields/crm-field.ts'
import { type CheckInput, fieldTitle } from './check-mapping.ts'
import { quoteValue } from './describe-place.ts'
import { type CellRule, rulesFor } from './field-rules.ts'
import { KeySet } from './key-set.ts'
import type { Problem, ProblemCode } from './problem.ts'
import { type ProblemCounts, ProblemCounter } from './problem-counter.ts'

export { checkMapping, type CheckInput } from './check-mapping.ts'

/** One mapped field, prepared once for every row. */
interface CellPlan {
  field: CrmField
  column: number | null
  columnName: string
  defaultValue: string | null
  transform: ((value: string) => string) | null
  rules: (CellRule & { suffix: string; slot: number })[]
  /** " of a.csv, column “Phone 1” (Phone): " — the middle of every message. */
  messageHead: string
  /** An empty cell is an error (mandatory on insert, or clearing it). */
  required: boolean
  isFindBy: boolean
  /** Values must be unique within the file: first line per key. */
  seen: KeySet | null
  /** For the prepared batch: the earlier line of each record's value. */
  earlier: Uint32Array
  /** Counter slots (see ProblemCounter) of an empty cell and a repeat. */
  emptySlot: number
  duplicateSlot: number
}

const NO_PROBLEMS: Problem[] = []

function plan(input: CheckInput, counter: ProblemCounter): CellPlan[] {
  const { mapping } = input
  const byName = new Map(input.fields.map((field) => [field.apiName, field]))
  const names = new Map(input.columns.map((c) => [c.index, c.name]))
  const plans: CellPlan[] = []
  // A third more slots than the expected rows, as a power of two, so that
  // the set stays under three quarters full without growing (which
  // rehashes every key). At most 4M slots (48 MB) up front; a larger file
  // still grows.
  const wanted = Math.min(
    Math.max(4096, (input.expectedRows ?? 0) * 1.34),
    1 << 22,
  )
  const capacity = 2 ** Math.ceil(Math.log2(wanted))
  for (const entry of mapping.fields) {
    const field = byName.get(entry.apiName)
    if (!field) continue

    const isFindBy = mapping.findBy === field.apiName
    const columnName =
      entry.column === null ? '' : (names.get(entry.column) ?? '')
    const required =
      field.mandatory &&
      (mapping.operation !== 'update' || !mapping.ignoreEmpty)
    plans.push({
      field,
      column: entry.column,
      columnName,
      defaultValue: entry.defaultValue,
      transform: input.transform
        ? (value) => (input.transform as CellTransform)(field.apiName, value)
        : null,
      rules: rulesFor(field, entry.lookupFindBy).map((rule) => ({
        ...rule,
        suffix: ` is not ${rule.expects}.`,
        slot: counter.slotOf(rule.code, rule.severity),
      })),
      messageHead: ` of ${input.fileName}, ${columnName ? `column “${columnName}”` : 'the default value'} (${fieldTitle(field)}): `,
      required,
      isFindBy,
      seen:
        field.unique || isFindBy
          ? new KeySet(field.uniqueCaseSensitive, capacity)
          : null,
      earlier: new Uint32Array(0),
      emptySlot: isFindBy
        ? counter.slotOf('FIND_BY_MISSING', 'error')
        : required
          ? counter.slotOf('MANDATORY_MISSING', 'error')
          : -1,
      duplicateSlot: counter.slotOf('DUPLICATE_IN_FILE', 'error'),
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
  // Files can have a problem in every row: the message is joined from
  // parts prepared once per column.
  const where =
    record.endLine > record.line
      ? `Lines ${record.line}–${record.endLine}`
      : `Line ${record.line}`
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
    message: where + cell.messageHead + what,
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

function checkDuplicate(
  record: CsvRecord,
  cell: CellPlan,
  value: string,
  prepared: number,
) {
  const first =
    prepared === -1
      ? (cell.seen as KeySet).firstLine(value, record.line)
      : (cell.earlier[prepared] as number)
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

/**
 * Looks up the values of a batch's unique fields in their key sets at once
 * (see KeySet.firstLines): `cell.earlier[i]` answers for `records[i]`.
 */
function lookUpBatch(cells: CellPlan[], records: readonly CsvRecord[]): void {
  const count = records.length
  const values: string[] = new Array(count)
  const lines = new Uint32Array(count)
  const at = new Int32Array(count)
  for (const cell of cells) {
    if (!cell.seen) continue

    let keys = 0
    for (let i = 0; i < count; i++) {
      const record = records[i] as CsvRecord
      const value = cellValue(record, cell)
      if (isBlank(value)) continue

      values[keys] = value
      lines[keys] = record.line
      at[keys++] = i
    }

    const found = new Uint32Array(keys)
    cell.seen.firstLines(values, lines, keys, found)
    if (cell.earlier.length < count) cell.earlier = new Uint32Array(count)
    cell.earlier.fill(0, 0, count)
    for (let k = 0; k < keys; k++) {
      cell.earlier[at[k] as number] = found[k] as number
    }
  }
}

/** Empty or only spaces; most cells are neither, and say so at once. */
function isBlank(value: string): boolean {
  if (value.length === 0) return true

  const first = value.charCodeAt(0)
  if (first > 32 && first !== 0xa0) return false

  return value.trim() === ''
}

/** The value Zoho would receive: transformed, or the default when empty. */
function cellValue(record: CsvRecord, cell: CellPlan): string {
  let value = cell.column === null ? '' : (record.values[cell.column] ?? '')
  if (cell.transform) value = cell.transform(value)

  return value === '' && cell.defaultValue !== null ? cell.defaultValue : value
}

/** Index of the first rule the value breaks, or -1. */
function brokenRule(cell: CellPlan, value: string): number {
  const rules = cell.rules
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as CellRule
    const broken =
      rule.maxLength === undefined
        ? !rule.test(value)
        : value.length > rule.maxLength
    if (broken) return i
  }

  return -1
}

function ruleProblem(
  record: CsvRecord,
  cell: CellPlan,
  value: string,
  index: number,
): Problem {
  const rule = cell.rules[index] as CellPlan['rules'][number]
  return cellProblem(
    record,
    cell,
    value,
    rule.code,
    rule.severity,
    rule.explain
      ? `${quoteValue(value)} ${rule.explain(value)}`
      : quoteValue(value) + rule.suffix,
    rule.fix(value),
  )
}

/** Checks records one by one; `finish` adds whole-file findings. */
export interface RowChecker {
  /**
   * Optional, for speed: looks up the batch's unique values in one go.
   * `check` and `tally` must then take these records next, in this order
   * (a record out of turn is looked up on its own).
   */
  prepare(records: readonly CsvRecord[]): void
  check(record: CsvRecord): Problem[]
  /**
   * Finds the same problems as `check` but only counts them, for files
   * with more problems than anyone reads (no objects are built); true when
   * the record has an error. `drainCounts` hands the counts over.
   */
  tally(record: CsvRecord): boolean
  drainCounts(into: ProblemCounts): void
  finish(): Problem[]
  /** The in-file key sets of unique and find_by fields, by API name. */
  keySets(): Map<string, KeySet>
}

/** Applies the field rules to every mapped cell of each record. */
export function createRowChecker(input: CheckInput): RowChecker {
  const counter = new ProblemCounter()
  const cells = plan(input, counter)
  const uniqueCells = cells.filter((cell) => cell.seen !== null)
  let batch: readonly CsvRecord[] = []
  let next = 0
  // Where the record stands in the prepared batch, or -1.
  const preparedAt = (record: CsvRecord): number => {
    if (batch[next] !== record) return -1

    return next++
  }

  return {
    prepare(records) {
      if (uniqueCells.length === 0) return

      lookUpBatch(uniqueCells, records)
      batch = records
      next = 0
    },
    check(record) {
      const prepared = preparedAt(record)
      let problems: Problem[] = NO_PROBLEMS
      for (const cell of cells) {
        const value = cellValue(record, cell)
        if (isBlank(value)) {
          const problem = checkEmpty(record, cell)
          if (!problem) continue

          if (problems === NO_PROBLEMS) problems = []
          problems.push(problem)
          continue
        }

        const broken = brokenRule(cell, value)
        const duplicate = cell.seen
          ? checkDuplicate(record, cell, value, prepared)
          : null
        if (broken === -1 && !duplicate) continue

        if (problems === NO_PROBLEMS) problems = []
        if (broken !== -1)
          problems.push(ruleProblem(record, cell, value, broken))
        if (duplicate) problems.push(duplicate)
      }

      return problems
    },
    tally(record) {
      const prepared = preparedAt(record)
      let error = false
      for (const cell of cells) {
        const value = cellValue(record, cell)
        if (isBlank(value)) {
          if (cell.emptySlot !== -1) {
            counter.add(cell.emptySlot)
            error = true
          }
          continue
        }

        const broken = brokenRule(cell, value)
        if (broken !== -1) {
          const rule = cell.rules[broken] as CellPlan['rules'][number]
          counter.add(rule.slot)
          error ||= rule.severity === 'error'
        }

        if (!cell.seen) continue

        const first =
          prepared === -1
            ? cell.seen.firstLine(value, record.line)
            : (cell.earlier[prepared] as number)
        if (first !== 0) {
          counter.add(cell.duplicateSlot)
          error = true
        }
      }

      return error
    },
    drainCounts(into) {
      counter.drainInto(into)
    },
    finish() {
      // Duplicates are reported as rows arrive (the later row is the one
      // Zoho skips), so nothing is left for the end today.
      return []
    },
    keySets() {
      const sets = new Map<string, KeySet>()
      for (const cell of cells) {
        if (cell.seen) sets.set(cell.field.apiName, cell.seen)
      }

      return sets
    },
  }
}
