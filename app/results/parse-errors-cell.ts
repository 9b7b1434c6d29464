import type { ZohoRowError } from './row-outcome.ts'

/**
 * Splits Zoho's ERRORS cell: codes joined by `:`, each `CODE-col[,col]*`,
 * e.g. `MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email`.
 */
export function parseErrorsCell(cell: string): ZohoRowError[] {
  const text = cell.trim()
  if (text === '') return []

  return text.split(':').map((part) => {
    const dash = part.indexOf('-')
    if (dash === -1) return { code: part.trim(), fields: [] }

    return {
      code: part.slice(0, dash).trim(),
      fields: part
        .slice(dash + 1)
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    }
  })
}
