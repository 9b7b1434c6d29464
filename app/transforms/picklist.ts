import type { CrmField } from '../fields/crm-field.ts'
import { keep, type ValueTransform } from './value-transform.ts'

/**
 * Trims values and corrects their case to the picklist's own spelling;
 * multi-select values are handled part by part. Unknown values are kept
 * (the checker warns about them).
 */
export function picklistTransform(field: CrmField): ValueTransform {
  const spelling = new Map(
    field.picklistValues.map((v) => [v.trim().toLowerCase(), v]),
  )
  const fix = (part: string): string =>
    spelling.get(part.trim().toLowerCase()) ?? part.trim()
  const multi = field.dataType === 'multiselectpicklist'
  return {
    description: `Values are trimmed and spelt as in the ${field.label} picklist`,
    apply(value) {
      if (value.trim() === '') return keep('')

      return keep(multi ? value.split(';').map(fix).join(';') : fix(value))
    },
  }
}

/** Removes spaces around a value. */
export const trimTransform: ValueTransform = {
  description: 'Spaces around values are removed',
  apply: (value) => keep(value.trim()),
}
