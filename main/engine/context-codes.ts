import type { ProblemCode } from '../../app/check/problem.ts'

/**
 * Codes a single row cannot find on its own: the grid shows them from the
 * whole-file pass, so they always cross from the worker in full.
 */
export const CONTEXT_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'DUPLICATE_IN_FILE',
  'FIELD_COUNT',
  'MALFORMED_QUOTES',
  'ENCODING',
  'LIMIT_EXCEEDED',
])
