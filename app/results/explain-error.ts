import type { CrmField } from '../fields/crm-field.ts'
import type { ZohoRowError } from './row-outcome.ts'
import type { FieldHints } from './value-hints.ts'

/** Field labels by API name; unknown names are shown as they are. */
export type FieldLabels = (apiName: string) => string

/** Builds a label lookup from the module's fields. */
export function fieldLabels(fields: readonly CrmField[]): FieldLabels {
  const labels = new Map(fields.map((field) => [field.apiName, field.label]))
  return (apiName) => labels.get(apiName) ?? apiName
}

function list(names: string[]): string {
  if (names.length <= 1) return names[0] ?? 'a field'

  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** Plain-language reasons, one per code Zoho documents (§3.5). */
const REASONS: Record<string, (fields: string, plural: boolean) => string> = {
  MANDATORY_NOT_FOUND: (f, plural) =>
    `${f} ${plural ? 'are' : 'is'} required and this row has none`,
  INVALID_DATA: (f) => `Zoho did not accept the value of ${f}`,
  DUPLICATE_DATA: (f) =>
    `another record already has this ${f}, which must be unique`,
  RESOURCE_NOT_FOUND: (f) => `no existing record matches the ${f} given`,
  NOT_APPROVED: () => 'the record is waiting for approval in Zoho',
  BLOCKED_RECORD: () => 'the record is locked in Zoho',
  CANNOT_PROCESS: () => 'Zoho could not process this row',
  LIMIT_EXCEEDED: () => 'the CRM has reached a record or storage limit',
}

/** One Zoho row error in words, e.g. "Last Name is required and this row has none". */
export function explainError(
  error: ZohoRowError,
  labels: FieldLabels = (name) => name,
  hints: FieldHints = () => null,
): string {
  const names = error.fields.map(labels)
  // Zoho names only the field; what the field accepts tells the user why.
  const hint = error.fields.length === 1 ? hints(error.fields[0]!) : null
  if (error.code === 'INVALID_DATA' && hint !== null) {
    return `Zoho did not accept the value of ${names[0]}: it takes ${hint}`
  }

  const reason = REASONS[error.code]
  if (reason) return reason(list(names), names.length > 1)

  const about = names.length ? ` (${list(names)})` : ''
  return `Zoho reported ${error.code}${about}`
}

/** All of a row's errors in one sentence; `null` when there are none. */
export function explainErrors(
  errors: readonly ZohoRowError[],
  labels?: FieldLabels,
  hints?: FieldHints,
): string | null {
  if (errors.length === 0) return null

  const text = errors
    .map((error) => explainError(error, labels, hints))
    .join('; ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}
