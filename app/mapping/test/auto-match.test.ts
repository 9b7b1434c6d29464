import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { field } from '../../check/test/contacts-fields.ts'
import type { CsvColumn } from '../../csv/csv-types.ts'
import { firstViewMatch, suggestMatches } from '../auto-match.ts'

const columns = (...names: string[]): CsvColumn[] =>
  names.map((name, index) => ({ index, name, headerless: false }))

const CONTACTS = [
  field('Last_Name', 'text', { mandatory: true }),
  field('First_Name', 'text'),
  field('Email', 'email'),
  field('Phone', 'phone'),
  field('Other_Phone', 'phone'),
  field('Mailing_Zip', 'text'),
  field('Mailing_City', 'text'),
  field('Account_Name', 'lookup', { lookupModule: 'Accounts' }),
]

describe('suggestMatches', () => {
  it('matches a header that reads like the API name with full confidence', () => {
    const [first] = suggestMatches(columns('last name'), CONTACTS)
    assert.deepEqual(first, {
      apiName: 'Last_Name',
      column: 0,
      confidence: 1,
      reason: 'name',
    })
  })

  it('knows E-mail, Surname, Zip and Phone 1 by their synonyms', () => {
    const found = suggestMatches(
      columns('E-mail', 'Surname', 'Zip', 'Phone 1'),
      CONTACTS,
    )
    const pairs = found.map((s) => `${s.column}:${s.apiName}:${s.reason}`)
    assert.deepEqual(pairs.sort(), [
      '0:Email:name',
      '1:Last_Name:synonym',
      '2:Mailing_Zip:synonym',
      '3:Phone:synonym',
    ])
  })

  it('offers Company for a Contacts account lookup without applying it', () => {
    const [company] = suggestMatches(columns('Company'), CONTACTS)
    assert.equal(company?.apiName, 'Account_Name')
    assert.ok((company?.confidence ?? 1) < 0.75)
    assert.deepEqual(firstViewMatch(columns('Company'), CONTACTS), [])
  })

  it('scores a close spelling below a synonym', () => {
    const [close] = suggestMatches(columns('Frist Name'), CONTACTS)
    assert.equal(close?.apiName, 'First_Name')
    assert.equal(close?.reason, 'similar')
    assert.ok((close?.confidence ?? 0) < 0.85)
  })

  it('gives each field and each column to one pair only', () => {
    const found = suggestMatches(columns('Email', 'E-mail'), CONTACTS)
    assert.deepEqual(
      found.map((s) => [s.column, s.apiName]),
      [[0, 'Email']],
    )
  })
})
