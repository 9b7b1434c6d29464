/**
 * Zoho scopes read `Service.path.OPERATION` (e.g. `ZohoCRM.settings.ALL`,
 * `ZohoCRM.modules.contacts.CREATE`). A granted scope covers a required one
 * when its path is a prefix of the required path (ignoring case) and its
 * operation is `ALL` or one the endpoint accepts.
 */
export interface ScopeNeed {
  /** e.g. `['ZohoCRM', 'settings', 'fields']` */
  path: string[]
  /** operations that satisfy the endpoint, e.g. `['READ']` */
  operations: string[]
}

/** The scopes every built-in grant code carries unless told otherwise. */
export const DEFAULT_SCOPES = [
  'ZohoCRM.org.READ',
  'ZohoCRM.settings.ALL',
  'ZohoCRM.modules.ALL',
  'ZohoCRM.bulk.ALL',
  'ZohoFiles.files.ALL',
  'ZohoCRM.users.READ',
]

/** Splits a scope parameter (comma- or space-separated) into scopes. */
export function parseScopes(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Builds a need from a dotted path and the operations that satisfy it. */
export function need(path: string, ...operations: string[]): ScopeNeed {
  return { path: path.split('.'), operations }
}

/** True when any granted scope covers the need. */
export function covers(granted: string[], required: ScopeNeed): boolean {
  return granted.some((scope) => coversOne(scope, required))
}

function coversOne(scope: string, required: ScopeNeed): boolean {
  const parts = scope.split('.')
  const operation = parts.pop()?.toUpperCase()
  if (!operation || parts.length > required.path.length) return false

  const prefix = parts.every(
    (part, i) => part.toLowerCase() === required.path[i]?.toLowerCase(),
  )
  if (!prefix) return false

  return (
    operation === 'ALL' ||
    required.operations.some((op) => op.toUpperCase() === operation)
  )
}
