import type { Problem } from '../check/problem.ts'
import { isPhone } from '../check/value-patterns.ts'
import type { CsvColumn, CsvRecord } from '../csv/csv-types.ts'
import type { CrmField } from '../fields/crm-field.ts'
import type { ImportMapping } from '../mapping/import-mapping.ts'
import {
  type ColumnRef,
  dateColumnProblem,
  numberColumnProblem,
} from './column-problems.ts'
import { DateEvidence, type DateInference } from './date-column.ts'
import { NumberEvidence, type NumberInference } from './number-column.ts'

/** Which transform a column would benefit from. */
export type TransformKind =
  | 'date'
  | 'datetime'
  | 'number'
  | 'checkbox'
  | 'phone'
  | 'picklist'

/** What an advisor found per watched column, in a form a worker can post. */
export type AdvisorFindings = {
  affected: number
  dates: DateEvidence | undefined
  numbers: NumberEvidence | undefined
}[]

/** A transform worth offering for one mapped column, with what it found. */
export interface TransformSuggestion extends ColumnRef {
  kind: TransformKind
  /** Values the transform would change (or must ask about). */
  affected: number
  date?: DateInference
  number?: NumberInference
}

const NUMBER_TYPES = new Set([
  'integer',
  'bigint',
  'double',
  'currency',
  'percent',
])
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)$/
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/

interface Watch extends ColumnRef {
  kind: TransformKind
  affected: number
  needs: (value: string) => boolean
  dates?: DateEvidence
  numbers?: NumberEvidence
}

function kindOf(field: CrmField): TransformKind | null {
  if (field.dataType === 'date') return 'date'

  if (field.dataType === 'datetime') return 'datetime'

  if (NUMBER_TYPES.has(field.dataType)) return 'number'

  if (field.dataType === 'boolean') return 'checkbox'

  if (field.dataType === 'phone') return 'phone'

  const picklist =
    field.dataType === 'picklist' || field.dataType === 'multiselectpicklist'
  return picklist && field.picklistValues.length > 0 ? 'picklist' : null
}

function needsFor(
  kind: TransformKind,
  field: CrmField,
): (value: string) => boolean {
  switch (kind) {
    case 'date':
      return (v) => !ISO_DATE.test(v)
    case 'datetime':
      return (v) => !ISO_DATE_TIME.test(v)
    case 'number':
      return (v) => !PLAIN_NUMBER.test(v)
    case 'checkbox':
      return (v) => v !== 'true' && v !== 'false'
    case 'phone':
      return (v) => !isPhone(v)
    case 'picklist': {
      const exact = new Set(field.picklistValues)
      return (v) => v.split(';').some((part) => !exact.has(part))
    }
  }
}

/**
 * Watches the mapped columns as rows stream by and says which transforms
 * would help, with the date order and decimal mark each column shows.
 */
export function createTransformAdvisor(
  fields: CrmField[],
  mapping: ImportMapping,
  columns: CsvColumn[],
) {
  const byName = new Map(fields.map((field) => [field.apiName, field]))
  const names = new Map(columns.map((c) => [c.index, c.name]))
  const watches: Watch[] = []
  for (const entry of mapping.fields) {
    const field = byName.get(entry.apiName)
    const kind = field ? kindOf(field) : null
    if (!field || !kind || entry.column === null) continue

    watches.push({
      column: entry.column,
      columnName: names.get(entry.column) ?? '',
      field: field.apiName,
      kind,
      affected: 0,
      needs: needsFor(kind, field),
      dates:
        kind === 'date' || kind === 'datetime' ? new DateEvidence() : undefined,
      numbers: kind === 'number' ? new NumberEvidence() : undefined,
    })
  }

  return {
    /** Looks at one record's mapped cells. */
    add(record: CsvRecord): void {
      for (const watch of watches) {
        const value = record.values[watch.column] ?? ''
        if (value === '' || !watch.needs(value)) continue

        watch.affected++
        watch.dates?.add(value, record.line)
        watch.numbers?.add(value, record.line)
      }
    },
    /** What was found so far, to be absorbed by the advisor of an earlier part. */
    findings(): AdvisorFindings {
      return watches.map(({ affected, dates, numbers }) => ({
        affected,
        dates,
        numbers,
      }))
    },
    /** Adds the findings of a later part of the same file, mapped alike. */
    absorb(later: AdvisorFindings): void {
      watches.forEach((watch, index) => {
        const found = later[index]
        if (!found) return

        watch.affected += found.affected
        if (found.dates) watch.dates?.absorb(found.dates)
        if (found.numbers) watch.numbers?.absorb(found.numbers)
      })
    },
    /** The transforms worth offering, and columns whose format is unclear. */
    result(): { suggestions: TransformSuggestion[]; problems: Problem[] } {
      const suggestions: TransformSuggestion[] = []
      const problems: Problem[] = []
      for (const watch of watches) {
        const { dates, numbers } = watch
        if (watch.affected === 0) continue

        const suggestion: TransformSuggestion = {
          column: watch.column,
          columnName: watch.columnName,
          field: watch.field,
          kind: watch.kind,
          affected: watch.affected,
        }
        if (dates) {
          suggestion.date = dates.result()
          const problem = dateColumnProblem(watch, dates)
          if (problem) problems.push(problem)
        }

        if (numbers) {
          suggestion.number = numbers.result()
          const problem = numberColumnProblem(watch, suggestion.number)
          if (problem) problems.push(problem)
        }

        suggestions.push(suggestion)
      }

      return { suggestions, problems }
    },
  }
}
