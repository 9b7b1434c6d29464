import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  parseFieldsResponse,
  parseLayoutRequired,
  parseModulesResponse,
} from '../parse-field-metadata.ts'

describe('parseFieldsResponse', () => {
  const body = {
    fields: [
      {
        api_name: 'Last_Name',
        display_label: 'Last Name',
        data_type: 'text',
        length: 80,
        system_mandatory: true,
        unique: {},
      },
      {
        api_name: 'Email',
        field_label: 'Email',
        data_type: 'email',
        unique: { casesensitive: 'false' },
      },
      {
        api_name: 'Lead_Source',
        data_type: 'picklist',
        pick_list_values: [
          { actual_value: '-None-' },
          { actual_value: 'Trade Show', display_value: 'Trade Show' },
        ],
      },
      {
        api_name: 'Created_Time',
        data_type: 'datetime',
        operation_type: { api_create: false, api_update: false },
      },
      { api_name: 'Company', data_type: 'text' },
      { data_type: 'text' },
    ],
  }

  it('keeps the rules the checker needs and drops entries without a name', () => {
    const fields = parseFieldsResponse(body, new Set(['Company']))
    assert.deepEqual(
      fields.map((field) => field.apiName),
      ['Last_Name', 'Email', 'Lead_Source', 'Created_Time', 'Company'],
    )
    const [lastName, email, source, created, company] = fields
    assert.equal(lastName?.mandatory, true)
    assert.equal(lastName?.length, 80)
    assert.equal(email?.unique, true)
    assert.equal(email?.uniqueCaseSensitive, false)
    assert.deepEqual(source?.picklistValues, ['Trade Show'])
    assert.equal(created?.creatable, false)
    assert.equal(
      company?.mandatory,
      true,
      'layout-required counts as mandatory',
    )
  })

  it('answers an empty list for a body that is not a fields answer', () => {
    assert.deepEqual(parseFieldsResponse(null), [])
    assert.deepEqual(parseFieldsResponse({ fields: 'no' }), [])
  })
})

describe('parseLayoutRequired', () => {
  it('collects required fields from every section of every layout', () => {
    const required = parseLayoutRequired({
      layouts: [
        {
          sections: [
            { fields: [{ api_name: 'Company', required: true }] },
            { fields: [{ api_name: 'Phone', required: false }] },
          ],
        },
      ],
    })
    assert.deepEqual([...required], ['Company'])
  })
})

describe('parseModulesResponse', () => {
  it('keeps modules the API can create records in', () => {
    const modules = parseModulesResponse({
      modules: [
        { api_name: 'Leads', plural_label: 'Leads', singular_label: 'Lead' },
        { api_name: 'Notes', creatable: false },
      ],
    })
    assert.deepEqual(modules, [
      { apiName: 'Leads', singularLabel: 'Lead', pluralLabel: 'Leads' },
    ])
  })
})
