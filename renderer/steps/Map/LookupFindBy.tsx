import { useEffect, useState } from 'react'
import type { CrmField } from '../../../app/fields/crm-field.ts'
import { api, unwrap } from '../../api.ts'

type Props = {
  field: CrmField
  value: string | null
  onChange: (findBy: string) => void
}

interface Choice {
  value: string
  label: string
}

/** Related modules' fields, fetched once per module per session. */
const relatedFields = new Map<string, Promise<CrmField[]>>()

function fieldsOf(module: string): Promise<CrmField[]> {
  let pending = relatedFields.get(module)
  if (pending === undefined) {
    pending = unwrap(api().listFields({ module })).catch(() => [])
    relatedFields.set(module, pending)
  }

  return pending
}

/**
 * How a lookup finds its related record: by the record id, or by a unique
 * field (or the display name) of the related module; owners by email.
 */
export function LookupFindBy({ field, value, onChange }: Props) {
  const [choices, setChoices] = useState<Choice[]>(() => baseChoices(field))

  useEffect(() => {
    if (field.lookupModule === null) return

    let live = true
    void fieldsOf(field.lookupModule).then((related) => {
      if (!live) return

      const extra = related
        .filter((r) => r.unique || r.apiName === field.apiName)
        .map((r) => ({
          value: r.apiName,
          label: `its ${r.label}${r.unique ? ' (unique)' : ''}`,
        }))
      setChoices(dedupe([...baseChoices(field), ...extra]))
    })
    return () => {
      live = false
    }
  }, [field])

  return (
    <label className="lookup-find-by">
      <span>Find the {field.lookupModule ?? 'user'} by</span>
      <select
        aria-label={`Match ${field.label} by`}
        className="compact"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        {dedupe(
          value && !choices.some((c) => c.value === value)
            ? [...choices, { value, label: value }]
            : choices,
        ).map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  )
}

function baseChoices(field: CrmField): Choice[] {
  if (field.dataType === 'ownerlookup') {
    return [
      { value: 'email', label: 'their email address' },
      { value: 'id', label: 'their user id' },
    ]
  }

  return [{ value: 'id', label: 'its record id' }]
}

function dedupe(choices: Choice[]): Choice[] {
  const seen = new Set<string>()
  return choices.filter((c) => !seen.has(c.value) && seen.add(c.value))
}
