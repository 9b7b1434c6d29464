import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CONTACT_FIELDS } from '../../check/test/contacts-fields.ts'
import { explainErrors, fieldLabels } from '../explain-error.ts'
import { hintsByField } from '../value-hints.ts'

describe('reasons for INVALID_DATA', () => {
  const labels = fieldLabels(CONTACT_FIELDS)
  const hints = hintsByField(CONTACT_FIELDS)
  const hintOf = (apiName: string) => hints[apiName] ?? null

  it('say what the field accepts, since Zoho names only the field', () => {
    const reason = explainErrors(
      [{ code: 'INVALID_DATA', fields: ['Phone'] }],
      labels,
      hintOf,
    )
    assert.match(
      reason ?? '',
      /^Zoho did not accept the value of Phone: it takes digits and a leading \+ only/,
    )
  })

  it('stay as they were without hints', () => {
    const reason = explainErrors(
      [{ code: 'INVALID_DATA', fields: ['Phone'] }],
      labels,
    )
    assert.equal(reason, 'Zoho did not accept the value of Phone.')
  })

  it('name a date format for date fields', () => {
    const reason = explainErrors(
      [{ code: 'INVALID_DATA', fields: ['Date_of_Birth'] }],
      labels,
      hintOf,
    )
    assert.match(reason ?? '', /yyyy-MM-dd/)
  })
})
