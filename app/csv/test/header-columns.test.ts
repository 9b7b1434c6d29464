import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CONTACT_FIELDS } from '../../check/test/contacts-fields.ts'
import {
  AUTO_APPLY_CONFIDENCE,
  suggestMatches,
} from '../../mapping/auto-match.ts'
import { loadMapping, saveMapping } from '../../mapping/saved-mapping.ts'
import type { ImportMapping } from '../../mapping/import-mapping.ts'
import { HEAD_BYTES, textSource } from '../read-head-bytes.ts'
import { readAll } from './read-all.ts'

describe('column names from the header', () => {
  it('numbers headers that appear twice (after trimming, any case) and notes both columns', async () => {
    const text = 'Name,Email,Phone, email \nAda,a@x.io,1,b@x.io\n'
    const { head } = await readAll(textSource('d.csv', text))
    assert.deepEqual(
      head.columns.map((c) => c.name),
      ['Name', 'Email (column 2)', 'Phone', 'email (column 4)'],
    )
    const notes = head.problems.filter((p) => p.code === 'DUPLICATE_HEADER')
    assert.equal(notes.length, 1)
    assert.equal(notes[0]?.severity, 'warning')
    assert.equal(notes[0]?.line, 1)
    assert.equal(
      notes[0]?.message,
      'Columns 2 and 4 of d.csv have the same header “Email” on line 1; they are shown as “Email (column 2)” and “email (column 4)”.',
    )
  })

  it('keeps a saved mapping on the duplicate column it was made with', async () => {
    const text = 'Email,Name,Email\na@x.io,Ada,b@x.io\n'
    const { head } = await readAll(textSource('d.csv', text))
    const mapping: ImportMapping = {
      module: 'Contacts',
      operation: 'insert',
      findBy: null,
      ignoreEmpty: false,
      fields: [
        { apiName: 'Email', column: 2, defaultValue: null, lookupFindBy: null },
      ],
    }
    const saved = saveMapping(mapping, head.columns)
    assert.equal(saved.fields[0]?.column, 'Email (column 3)')
    const loaded = loadMapping(saved, head.columns, 'm.json')
    assert.ok(!('code' in loaded))
    assert.equal(loaded.fields[0]?.column, 2)
  })

  it('maps neither duplicate on its own: which one holds the emails is the user’s call', async () => {
    const text = 'Last Name,Email,Email\nLovelace,a@x.io,b@x.io\n'
    const { head } = await readAll(textSource('d.csv', text))
    const applied = suggestMatches(head.columns, CONTACT_FIELDS).filter(
      (s) => s.confidence >= AUTO_APPLY_CONFIDENCE,
    )
    assert.deepEqual(
      applied.map((s) => [s.apiName, s.column]),
      [['Last_Name', 0]],
    )
  })

  it('names a column with data but no header, with a note naming its first value’s line', async () => {
    const text = 'a,,c\n1,,3\n4,x,6\n'
    const { head } = await readAll(textSource('h.csv', text))
    assert.deepEqual(
      head.columns.map((c) => [c.name, c.headerless]),
      [
        ['a', false],
        ['Column 2 (no header)', true],
        ['c', false],
      ],
    )
    assert.deepEqual(
      head.problems.map((p) => [p.code, p.severity, p.line]),
      [['MISSING_HEADER', 'warning', 1]],
    )
    assert.match(
      head.problems[0]?.message ?? '',
      /^Column 2 of h\.csv has no header on line 1 but holds values \(the first on line 3\); it is shown as “Column 2 \(no header\)”\.$/,
    )
  })

  it('leaves out a column with neither header nor data, with a note', async () => {
    const text = 'a,,c,\n1,,3,\n4,,6,\n'
    const { head, records, problems } = await readAll(textSource('e.csv', text))
    assert.deepEqual(
      head.columns.map((c) => c.index),
      [0, 2],
    )
    assert.deepEqual(
      head.problems.map((p) => [p.code, p.line, p.message]),
      [
        [
          'EMPTY_COLUMN',
          1,
          'Column 2 of e.csv has no header on line 1 and no data in the first rows; it is left out.',
        ],
        [
          'EMPTY_COLUMN',
          1,
          'Column 4 of e.csv has no header on line 1 and no data in the first rows; it is left out.',
        ],
      ],
    )
    // The records keep every field; only the column list leaves it out.
    assert.deepEqual(records[0]?.values, ['1', '', '3', ''])
    assert.deepEqual(problems, [])
  })

  it('notes a value found later in a column left out from the first rows', async () => {
    const row = '1,,abcdefghijklmnopqrstuvwxyz\n'
    const rows = Math.ceil((HEAD_BYTES * 1.5) / row.length)
    const text = 'a,,c\n' + row.repeat(rows) + '2,late,z\n3,again,z\n'
    const { head, problems } = await readAll(
      textSource('late.csv', text, 128 * 1024),
    )
    assert.deepEqual(
      head.columns.map((c) => c.name),
      ['a', 'c'],
    )
    assert.equal(problems.length, 1)
    assert.equal(problems[0]?.code, 'EMPTY_COLUMN')
    assert.equal(problems[0]?.line, rows + 2)
    assert.equal(
      problems[0]?.message,
      `Line ${rows + 2} of late.csv has a value in column 2, which has no header on line 1 and was empty in the first rows, so it was left out: its values are not imported.`,
    )
  })
})
