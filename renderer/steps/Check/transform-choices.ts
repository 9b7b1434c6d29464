import type { TransformId } from '../../../app/contract.ts'
import type { CrmField } from '../../../app/fields/crm-field.ts'

/** A transform the user may pick for a column, in words. */
export interface TransformChoice {
  id: TransformId
  label: string
}

const TRIM: TransformChoice = {
  id: 'trim',
  label: 'Remove spaces around values',
}

/** The transforms that suit the field a column fills. */
export function transformChoices(
  field: CrmField | undefined,
): TransformChoice[] {
  switch (field?.dataType) {
    case 'phone':
      return [
        {
          id: 'phone-drop-extension',
          label: 'Clean phone numbers, drop extensions',
        },
        TRIM,
      ]
    case 'date':
    case 'datetime':
      return [
        { id: 'date-dmy', label: 'Read dates as day/month/year' },
        { id: 'date-mdy', label: 'Read dates as month/day/year' },
        TRIM,
      ]
    case 'integer':
    case 'bigint':
    case 'double':
    case 'currency':
    case 'percent':
      return [
        { id: 'number-comma', label: 'Numbers with a decimal comma (1.234,5)' },
        { id: 'number-dot', label: 'Numbers with a decimal point (1,234.5)' },
        TRIM,
      ]
    case 'boolean':
      return [{ id: 'checkbox', label: 'Yes/no words to true/false' }, TRIM]
    case 'picklist':
    case 'multiselectpicklist':
      return [
        { id: 'picklist', label: 'Spell values as in the picklist' },
        TRIM,
      ]
    default:
      return [TRIM]
  }
}
