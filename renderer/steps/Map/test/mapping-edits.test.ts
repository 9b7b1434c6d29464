import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  contactsInsert,
  field,
  mapTo,
} from '../../../../app/check/test/contacts-fields.ts'
import {
  findByChoices,
  setColumn,
  setDefault,
  setLookupFindBy,
  unmappedMandatory,
  writableFields,
} from '../mapping-edits.ts'

const LAST = field('Last_Name', 'text', { mandatory: true })
const MOBILE = field('Mobile', 'phone')
const EMAIL = field('Email', 'email', { unique: true })
const ACCOUNT = field('Account_Name', 'lookup', { lookupModule: 'Accounts' })

describe('mapping edits', () => {
  it('moves a column to the field it was dropped on; one column fills one field', () => {
    const start = contactsInsert([mapTo('Mobile', 8)])
    const moved = setColumn(start, LAST, 8)
    assert.deepEqual(
      moved.fields.map((f) => [f.apiName, f.column]),
      [['Last_Name', 8]],
    )
  })

  it('keeps a default value when its column is taken away', () => {
    const start = contactsInsert([mapTo('Mobile', 8, { defaultValue: '0' })])
    const moved = setColumn(start, LAST, 8)
    assert.deepEqual(
      moved.fields.find((f) => f.apiName === 'Mobile'),
      mapTo('Mobile', null, { defaultValue: '0' }),
    )
  })

  it('lets a default value alone fill a required field', () => {
    const empty = contactsInsert([])
    assert.deepEqual(unmappedMandatory([LAST, MOBILE], empty), [LAST])
    const filled = setDefault(empty, LAST, 'Unknown')
    assert.deepEqual(unmappedMandatory([LAST, MOBILE], filled), [])
    assert.deepEqual(setDefault(filled, LAST, '').fields, [])
  })

  it('says how a lookup finds its record', () => {
    const mapped = setColumn(contactsInsert([]), ACCOUNT, 4)
    assert.equal(mapped.fields[0]?.lookupFindBy, 'Account_Name')
    const byId = setLookupFindBy(mapped, ACCOUNT, 'id')
    assert.equal(byId.fields[0]?.lookupFindBy, 'id')
  })

  it('offers only the record id and unique fields to find records by', () => {
    assert.deepEqual(
      findByChoices([LAST, MOBILE, EMAIL]).map((f) => f.apiName),
      ['id', 'Email'],
    )
  })

  it('shows the record id as a field once records are found by it', () => {
    const byId = {
      ...contactsInsert([]),
      operation: 'update' as const,
      findBy: 'id',
    }
    assert.equal(writableFields([LAST], byId)[0]?.apiName, 'id')
  })
})
