import type { CrmField } from '../fields/crm-field.ts'
import type { ImportMapping } from '../mapping/import-mapping.ts'
import { csvLine, jobColumns } from '../plan/job-file.ts'
import { JobPlanner, creditCost, utf8Length } from '../plan/plan-jobs.ts'
import { createTransformAdvisor } from '../transforms/suggest-transforms.ts'
import { type CheckSummary, KEPT_PROBLEMS, countProblem } from './check-file.ts'
import { KeySet } from './key-set.ts'
import type { Problem, ProblemCode } from './problem.ts'

/**
 * Codes a later part may report and still be merged: each is about one
 * record, so it reads the same whichever part found it. Notes about the
 * whole file (encoding, line breaks, columns) need the whole file read in
 * order, so a later part that finds one is checked again in one piece.
 */
const RECORD_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'FIELD_COUNT',
  'MALFORMED_QUOTES',
  'LIMIT_EXCEEDED',
  'MANDATORY_MISSING',
  'TOO_LONG',
  'INVALID_EMAIL',
  'INVALID_PHONE',
  'INVALID_NUMBER',
  'INVALID_DATE',
  'INVALID_DATETIME',
  'INVALID_BOOLEAN',
  'INVALID_URL',
  'UNKNOWN_PICKLIST_VALUE',
  'INVALID_LOOKUP',
  'INVALID_VALUE',
  'DUPLICATE_IN_FILE',
  'FIND_BY_MISSING',
])

/**
 * Notes the reader makes once about everything it read past the head (the
 * lines with another line break, the lines in another encoding): the first
 * part's covers only that part, so such a note cannot be merged.
 */
const STREAM_NOTE_CODES: readonly ProblemCode[] = [
  'LINE_BREAKS',
  'ENCODING',
  'EMPTY_COLUMN',
  'MISSING_HEADER',
]

/** Why two parts' checks cannot be merged into the check of the file. */
export type MergeRefusal =
  | 'CUT_INSIDE_A_VALUE'
  | 'LINE_BREAK_DIFFERS'
  | 'KEYS_SHARED_ACROSS_PARTS'
  | 'FILE_NOTE_IN_LATER_PART'
  | 'FILE_NOTE_PAST_THE_HEAD'

/** What the merge needs besides the parts. */
export interface MergeInput {
  fields: CrmField[]
  mapping: ImportMapping
  keepProblems?: number
  /** The problems the file's head found (the first part reports them). */
  headProblems?: Problem[]
}

/** The first part noted something about what it read past the head. */
function notesPastHead(first: CheckSummary, head: Problem[]): boolean {
  return STREAM_NOTE_CODES.some(
    (code) =>
      (first.countsByCode[code] ?? 0) >
      head.filter((problem) => problem.code === code).length,
  )
}

function sharesKeys(first: CheckSummary, later: CheckSummary): boolean {
  const laterKeys = new Map(later.part?.keys ?? [])
  for (const [field, table] of first.part?.keys ?? []) {
    const other = laterKeys.get(field)
    if (!other) continue

    for (const _ of KeySet.fromTable(table).sharedWith(other)) return true
  }

  return false
}

/** The problems of a later part, with rows counted from the file's start. */
function shifted(problems: Problem[], rowsBefore: number): Problem[] {
  return problems.map((problem) =>
    problem.row === null
      ? problem
      : { ...problem, row: problem.row + rowsBefore },
  )
}

/**
 * The check of a whole file from the checks of its first part and the part
 * after it (each made with `part` set), as one check in one piece would
 * have found it; or why it cannot be (then check the file in one piece).
 */
export function mergeParts(
  first: CheckSummary,
  later: CheckSummary,
  input: MergeInput,
): { ok: true; summary: CheckSummary } | { ok: false; reason: MergeRefusal } {
  if (!first.part?.clean || !later.part) {
    return { ok: false, reason: 'CUT_INSIDE_A_VALUE' }
  }

  // A later part that took another line break for the file's own would
  // not note the lines one thread notes (all of them, when the kind of
  // break changes exactly at the split).
  if (first.part.lineBreak !== later.part.lineBreak) {
    return { ok: false, reason: 'LINE_BREAK_DIFFERS' }
  }

  const codes = Object.keys(later.countsByCode) as ProblemCode[]
  if (codes.some((code) => !RECORD_CODES.has(code))) {
    return { ok: false, reason: 'FILE_NOTE_IN_LATER_PART' }
  }

  if (notesPastHead(first, input.headProblems ?? [])) {
    return { ok: false, reason: 'FILE_NOTE_PAST_THE_HEAD' }
  }

  // A value repeated across the parts is a duplicate neither part saw.
  if (sharesKeys(first, later)) {
    return { ok: false, reason: 'KEYS_SHARED_ACROSS_PARTS' }
  }

  const keep = input.keepProblems ?? KEPT_PROBLEMS
  const summary: CheckSummary = {
    ...first,
    rowCount: first.rowCount + later.rowCount,
    problems: [
      ...first.problems.slice(0, keep),
      ...shifted(
        later.problems.slice(0, Math.max(0, keep - first.problems.length)),
        first.rowCount,
      ),
    ],
    problemCount: first.problemCount + later.problemCount,
    errorCount: first.errorCount + later.errorCount,
    warningCount: first.warningCount + later.warningCount,
    countsByCode: { ...first.countsByCode },
    rowsWithErrors: first.rowsWithErrors + later.rowsWithErrors,
  }
  delete summary.part
  for (const code of codes) {
    summary.countsByCode[code] =
      (summary.countsByCode[code] ?? 0) + (later.countsByCode[code] ?? 0)
  }

  const advisor = createTransformAdvisor(
    input.fields,
    input.mapping,
    first.columns,
  )
  advisor.absorb(first.part.advice)
  advisor.absorb(later.part.advice)
  const advice = advisor.result()
  for (const problem of advice.problems) {
    countProblem(summary, problem, keep)
  }

  summary.suggestions = advice.suggestions
  const columns = jobColumns(input.mapping, input.fields)
  const planner = new JobPlanner(utf8Length(csvLine(columns.headers)) + 2)
  let row = 0
  for (const bytes of [first.part.rowBytes, later.part.rowBytes]) {
    for (let i = 0; i < bytes.length; i++)
      planner.add(row++, bytes[i] as number)
  }

  summary.jobs = planner.finish()
  summary.credits = creditCost(summary.jobs)
  summary.blocking = summary.errorCount > 0
  return { ok: true, summary }
}
