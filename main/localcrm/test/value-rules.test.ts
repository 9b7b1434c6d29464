import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDate } from '../date-format.ts'
import { covers, need } from '../scopes.ts'
import { field } from '../seed/field-builder.ts'
import { checkCell } from '../value-rules.ts'

const check = (
  type: string,
  text: string,
  format: string | null = null,
  options = {},
) => checkCell(field(9, 1, 'F', type, options), text, format)

describe('checkCell', () => {
  it('limits text to the field length and textareas to their kind', () => {
    assert.deepEqual(check('text', 'x'.repeat(255)), {
      ok: true,
      value: 'x'.repeat(255),
    })
    assert.equal(check('text', 'x'.repeat(256)).ok, false)
    assert.equal(
      check('textarea', 'x'.repeat(2001), null, { textarea: 'small' }).ok,
      false,
    )
    assert.equal(
      check('textarea', 'x'.repeat(32000), null, { textarea: 'large' }).ok,
      true,
    )
  })

  it('accepts phone numbers of digits with an optional leading plus, up to 30 characters', () => {
    assert.equal(check('phone', '+4915550123').ok, true)
    assert.equal(check('phone', '(422)787-2331x71127').ok, false)
    assert.equal(check('phone', '1'.repeat(31)).ok, false)
  })

  it('reads numbers within their digit limits', () => {
    assert.deepEqual(check('integer', '123456789'), {
      ok: true,
      value: 123456789,
    })
    assert.equal(check('integer', '1234567890').ok, false)
    assert.equal(check('integer', '1.5').ok, false)
    assert.deepEqual(check('bigint', '-123456789012345678'), {
      ok: true,
      value: '-123456789012345678',
    })
    assert.deepEqual(check('currency', '10.005'), { ok: true, value: 10.01 })
    assert.equal(check('currency', '12345678901234567').ok, false)
    assert.equal(check('double', '1.234').ok, false)
    assert.deepEqual(check('percent', '99.5'), { ok: true, value: 99.5 })
  })

  it('takes true and false (any case) for checkboxes and nothing else', () => {
    assert.deepEqual(check('boolean', 'TRUE'), { ok: true, value: true })
    assert.deepEqual(check('boolean', 'false'), { ok: true, value: false })
    assert.equal(check('boolean', 'yes').ok, false)
    assert.equal(check('boolean', '1').ok, false)
  })

  it('splits multi-select values on semicolons', () => {
    assert.deepEqual(check('multiselectpicklist', 'A; B;;C'), {
      ok: true,
      value: ['A', 'B', 'C'],
    })
  })

  it('checks emails and websites', () => {
    assert.equal(check('email', 'ann.o+tag@mail.example.com').ok, true)
    assert.equal(check('email', 'ann@localhost').ok, false)
    assert.equal(check('email', 'ann@@x.example').ok, false)
    assert.equal(check('website', 'www.shea.biz/').ok, true)
    assert.equal(check('website', 'not a url').ok, false)
  })

  it('reads dates as yyyy-MM-dd by default and date-times as ISO-8601 with offset', () => {
    assert.deepEqual(check('date', '2024-02-29'), {
      ok: true,
      value: '2024-02-29',
    })
    assert.equal(check('date', '2023-02-29').ok, false)
    assert.equal(check('date', '02/29/2024').ok, false)
    assert.deepEqual(check('datetime', '2024-01-02T03:04:05Z'), {
      ok: true,
      value: '2024-01-02T03:04:05+00:00',
    })
    assert.deepEqual(
      check('datetime', '01/02/2024 03:04 PM', 'MM/dd/yyyy hh:mm a'),
      { ok: true, value: '2024-01-02T15:04:00+00:00' },
    )
  })
})

describe('parseDate', () => {
  it('follows Java date letters, quoted literals and month names', () => {
    assert.deepEqual(parseDate('5 Mar 2024', 'd MMM yyyy')?.month, 3)
    assert.equal(
      parseDate('2024-03-05T10:00:00', "yyyy-MM-dd'T'HH:mm:ss")?.hour,
      10,
    )
    assert.equal(parseDate('05.03.24', 'dd.MM.yy')?.year, 2024)
    assert.equal(parseDate('2024-13-01', 'yyyy-MM-dd'), undefined)
  })
})

describe('scopes', () => {
  it('lets a broader scope cover a narrower one, ignoring case', () => {
    assert.ok(
      covers(
        ['ZohoCRM.modules.ALL'],
        need('ZohoCRM.modules.contacts', 'CREATE'),
      ),
    )
    assert.ok(
      covers(['zohocrm.settings.all'], need('ZohoCRM.settings.fields', 'READ')),
    )
    assert.ok(
      covers(
        ['ZohoCRM.settings.fields.READ'],
        need('ZohoCRM.settings.fields', 'READ'),
      ),
    )
    assert.ok(
      !covers(
        ['ZohoCRM.settings.fields.READ'],
        need('ZohoCRM.settings.layouts', 'READ'),
      ),
    )
    assert.ok(
      !covers(
        ['ZohoCRM.modules.leads.ALL'],
        need('ZohoCRM.modules.contacts', 'CREATE'),
      ),
    )
    assert.ok(!covers(['ZohoFiles.files.READ'], need('ZohoFiles.files')))
  })
})
