import type { CrmField } from '../../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import { findByChoices } from './mapping-edits.ts'

type Props = {
  fields: CrmField[]
  mapping: ImportMapping
  onChange: (mapping: ImportMapping, what: string) => void
}

const OPERATION = {
  insert: 'Insert new records',
  update: 'Update existing records',
  upsert: 'Update existing records, insert the rest',
}

/** What blank cells will do, in one plain sentence. */
export function blankCellSentence(mapping: ImportMapping): string {
  if (mapping.operation === 'insert') {
    return 'Blank cells leave the field empty on the new record, unless you set a default value.'
  }

  return mapping.ignoreEmpty
    ? 'Blank cells leave the value already in the CRM as it is.'
    : 'Blank cells clear the value in the CRM.'
}

/** Import-wide choices: how records are found and what blanks do. */
export function ImportOptions({ fields, mapping, onChange }: Props) {
  const finds = mapping.operation !== 'insert'
  const findByMapped =
    mapping.findBy === null ||
    mapping.fields.some(
      (entry) => entry.apiName === mapping.findBy && entry.column !== null,
    )

  return (
    <div className="options" aria-label="Import options" role="group">
      <p className="option-line">
        <span className="option-name">Operation</span>{' '}
        {OPERATION[mapping.operation]} in {mapping.module}
      </p>
      {finds && (
        <label className="option-line">
          <span className="option-name">Find existing records by</span>
          <select
            value={mapping.findBy ?? ''}
            className="compact"
            onChange={(event) =>
              onChange(
                {
                  ...mapping,
                  findBy: event.target.value === '' ? null : event.target.value,
                },
                'changed how records are found',
              )
            }
          >
            <option value="">— choose a unique field —</option>
            {findByChoices(fields).map((field) => (
              <option key={field.apiName} value={field.apiName}>
                {field.label} ({field.apiName})
              </option>
            ))}
          </select>
        </label>
      )}
      {finds && mapping.findBy !== null && !findByMapped && (
        <p className="warning">
          Map a column to {mapping.findBy} below: it is how each row finds its
          record.
        </p>
      )}
      {finds && (
        <label className="option-line">
          <input
            type="checkbox"
            checked={mapping.ignoreEmpty}
            onChange={(event) =>
              onChange(
                { ...mapping, ignoreEmpty: event.target.checked },
                'changed what blank cells do',
              )
            }
          />
          <span>Keep the CRM&apos;s value when a cell is blank</span>
        </label>
      )}
      <p className="blank-sentence" data-testid="blank-cells">
        {blankCellSentence(mapping)}
      </p>
    </div>
  )
}
