import type { CsvColumn } from '../csv/csv-types.ts'
import type { CrmField } from '../fields/crm-field.ts'
import { fuzzyScore } from './fuzzy-score.ts'
import type { FieldMapping } from './import-mapping.ts'
import { LOOKUP_SYNONYM_CONFIDENCE, SYNONYMS } from './synonyms.ts'

/** Lower case with spaces, underscores and punctuation removed. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** How a suggestion was found, for the sentence next to it. */
export type MatchReason = 'name' | 'synonym' | 'similar'

/** A column proposed for a field, with how sure the guess is (0–1). */
export interface MatchSuggestion {
  apiName: string
  column: number
  confidence: number
  reason: MatchReason
}

/** Suggestions at or above this are applied on first view. */
export const AUTO_APPLY_CONFIDENCE = 0.75

/** Fuzzy scores below this are not worth showing. */
const MIN_FUZZY = 0.7

function scorePair(header: string, field: CrmField): MatchSuggestion | null {
  const names = [field.apiName, field.label].map(normaliseName)
  if (names.includes(header)) {
    return { apiName: field.apiName, column: -1, confidence: 1, reason: 'name' }
  }

  for (const synonym of SYNONYMS) {
    if (!synonym.headers.includes(header)) continue

    if (!synonym.fields.includes(field.apiName)) continue

    const lookup = field.dataType === 'lookup'
    return {
      apiName: field.apiName,
      column: -1,
      confidence: lookup ? LOOKUP_SYNONYM_CONFIDENCE : synonym.confidence,
      reason: 'synonym',
    }
  }

  const best = Math.max(...names.map((name) => fuzzyScore(header, name)))
  if (best < MIN_FUZZY) return null

  // A similar spelling is never as sure as the same name or a synonym.
  const confidence = Math.round(best * 0.85 * 100) / 100
  return { apiName: field.apiName, column: -1, confidence, reason: 'similar' }
}

/**
 * Every plausible column–field pair, best first, each field and each column
 * used at most once (the strongest pair wins).
 */
export function suggestMatches(
  columns: CsvColumn[],
  fields: CrmField[],
): MatchSuggestion[] {
  const candidates: MatchSuggestion[] = []
  for (const column of columns) {
    if (column.headerless) continue

    const header = normaliseName(column.name)
    if (header === '') continue

    for (const field of fields) {
      const pair = scorePair(header, field)
      if (pair) candidates.push({ ...pair, column: column.index })
    }
  }

  // Synonym candidates listed earlier in SYNONYMS.fields win ties by order.
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column)
  const usedFields = new Set<string>()
  const usedColumns = new Set<number>()
  const chosen: MatchSuggestion[] = []
  for (const candidate of candidates) {
    if (usedFields.has(candidate.apiName)) continue

    if (usedColumns.has(candidate.column)) continue

    usedFields.add(candidate.apiName)
    usedColumns.add(candidate.column)
    chosen.push(candidate)
  }

  return chosen
}

function toMappings(
  suggestions: MatchSuggestion[],
  fields: CrmField[],
): FieldMapping[] {
  const byName = new Map(fields.map((field) => [field.apiName, field]))
  return suggestions.map((suggestion) => ({
    apiName: suggestion.apiName,
    column: suggestion.column,
    defaultValue: null,
    lookupFindBy: defaultLookupFindBy(
      byName.get(suggestion.apiName) as CrmField,
    ),
  }))
}

/**
 * Pairs columns with fields whose API name or label reads the same once
 * case, spaces, underscores and punctuation are ignored (the CLI and the
 * engine rely on this staying exact).
 */
export function autoMatch(
  columns: CsvColumn[],
  fields: CrmField[],
): FieldMapping[] {
  const exact = suggestMatches(columns, fields).filter(
    (s) => s.reason === 'name',
  )
  return toMappings(exact, fields)
}

/**
 * The mapping the Map step opens with: the same name, a common synonym, or
 * a close spelling, when the guess is sure enough to apply unasked.
 */
export function firstViewMatch(
  columns: CsvColumn[],
  fields: CrmField[],
): FieldMapping[] {
  const sure = suggestMatches(columns, fields).filter(
    (s) => s.confidence >= AUTO_APPLY_CONFIDENCE,
  )
  return toMappings(sure, fields)
}

/** How a lookup is resolved when the user has not said otherwise. */
export function defaultLookupFindBy(field: CrmField): string | null {
  if (field.dataType === 'ownerlookup') return 'email'

  if (field.dataType === 'lookup') return field.apiName

  return null
}
