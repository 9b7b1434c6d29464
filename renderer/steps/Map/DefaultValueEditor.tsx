import type { CrmField } from '../../../app/fields/crm-field.ts'

type Props = {
  field: CrmField
  value: string | null
  onChange: (value: string) => void
}

const NUMBERS = new Set(['integer', 'bigint', 'double', 'currency', 'percent'])

/**
 * The value used when a cell is empty, edited the way the field's type
 * reads: picklist values to choose from, a checkbox as a toggle, a date
 * picker, a number box; plain text for the rest.
 */
export function DefaultValueEditor({ field, value, onChange }: Props) {
  const label = `Default value for ${field.label}`
  const type = field.dataType

  if (type === 'picklist' || type === 'multiselectpicklist') {
    return (
      <select
        aria-label={label}
        className="compact"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">No default</option>
        {field.picklistValues.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    )
  }

  if (type === 'boolean') {
    return (
      <label className="toggle">
        <input
          type="checkbox"
          aria-label={label}
          checked={value === 'true'}
          onChange={(event) => onChange(event.target.checked ? 'true' : '')}
        />
        <span>{value === 'true' ? 'Ticked when empty' : 'No default'}</span>
      </label>
    )
  }

  if (type === 'date') {
    return (
      <input
        type="date"
        aria-label={label}
        className="compact"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      />
    )
  }

  return (
    <input
      type={NUMBERS.has(type) ? 'number' : 'text'}
      step={NUMBERS.has(type) ? 'any' : undefined}
      aria-label={label}
      className="compact"
      placeholder={type === 'datetime' ? '2026-01-31T09:00:00+01:00' : ''}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
