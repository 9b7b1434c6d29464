import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  CONTACT_FIELDS,
  contactsInsert,
  mapTo,
} from '../../../app/check/test/contacts-fields.ts'
import { SHARED_DATA } from '../../../app/csv/test/shared-data.ts'
import { checkFile } from '../check-file.ts'
import { OpenFiles } from '../open-files.ts'
import {
  applyTransform,
  editCell,
  excludeRows,
  listRows,
  previewTransform,
  undoTransform,
} from '../row-grid.ts'

const ALL = { onlyProblems: false, column: null, code: null }
const PHONE = 7
const EMAIL = 9

/** customers-1000.csv checked as Contacts with names, phone and email. */
async function checkedCustomers() {
  const files = new OpenFiles(mkdtempSync(join(tmpdir(), 'row-grid-')))
  const { fileId } = await files.openPath(
    join(SHARED_DATA, 'customers-1000.csv'),
  )
  const file = files.get(fileId)
  const mapping = contactsInsert([
    mapTo('Last_Name', 3),
    mapTo('Phone', PHONE),
    mapTo('Email', EMAIL),
  ])
  const check = await checkFile(file, { fields: CONTACT_FIELDS, mapping })
  return { file, check }
}

describe('the Check grid', () => {
  it('pages through every row with its file line and its problems', async () => {
    const { file, check } = await checkedCustomers()
    const page = await listRows(file, { offset: 100, limit: 50, filter: ALL })
    assert.equal(page.total, check.rowCount)
    assert.equal(page.rows.length, 50)
    assert.equal(page.rows[0]?.row, 100)
    assert.equal(page.rows[0]?.line, 102)
    assert.equal(page.rows[0]?.values[0], '101')
    const bad = page.rows.find((r) => r.problems.length > 0)
    assert.equal(bad?.problems[0]?.column, PHONE)
  })

  it('filters to the rows with one kind of problem', async () => {
    const { file, check } = await checkedCustomers()
    const duplicates = await listRows(file, {
      offset: 0,
      limit: 100,
      filter: { onlyProblems: true, column: EMAIL, code: 'DUPLICATE_IN_FILE' },
    })
    assert.equal(duplicates.total, check.summary.byCode.DUPLICATE_IN_FILE)
    assert.ok(
      duplicates.rows.every((r) =>
        r.problems.some((p) => p.code === 'DUPLICATE_IN_FILE'),
      ),
    )
  })

  it('checks an edited row again at once and counts the change', async () => {
    const { file, check } = await checkedCustomers()
    const [row] = (
      await listRows(file, {
        offset: 0,
        limit: 1,
        filter: { onlyProblems: true, column: PHONE, code: null },
      })
    ).rows
    assert.ok(row)
    const before = check.summary.problemCount
    const edited = await editCell(file, {
      row: row.row,
      column: PHONE,
      value: '+442079460958',
    })
    assert.deepEqual(
      edited.row.problems.filter((p) => p.column === PHONE),
      [],
    )
    assert.deepEqual(edited.row.edited, [PHONE])
    assert.equal(edited.summary.problemCount, before - 1)
    assert.equal(edited.summary.editedCells, 1)
  })

  it('excludes rows from what is sent and takes them back', async () => {
    const { file, check } = await checkedCustomers()
    const sent = check.summary.plan.rowsToSend
    const page = await listRows(file, { offset: 0, limit: 100, filter: ALL })
    const clean = page.rows
      .filter((r) => r.problems.length === 0)
      .map((r) => r.row)
      .slice(0, 3)
    const excluded = excludeRows(file, {
      rows: clean,
      filter: null,
      excluded: true,
    })
    assert.equal(excluded.rowsExcluded, 3)
    assert.equal(excluded.plan.rowsToSend, sent - 3)
    assert.ok(check.fixes.isExcluded(clean[1] as number))
    const back = excludeRows(file, {
      rows: [clean[1] as number],
      filter: null,
      excluded: false,
    })
    assert.equal(back.rowsExcluded, 2)
  })

  it('previews a column transform, then applies it and checks again', async () => {
    const { file, check } = await checkedCustomers()
    const choice = { column: PHONE, transform: 'phone-drop-extension' as const }
    const preview = await previewTransform(file, choice)
    assert.ok(preview.changedCount > 0)
    assert.match(preview.changed[0]?.before ?? '', /x\d+$/)
    assert.doesNotMatch(preview.changed[0]?.after ?? 'x', /x/)
    const after = await applyTransform(file, choice)
    assert.ok(
      (after.byCode.INVALID_PHONE ?? 0) <
        (check.summary.byCode.INVALID_PHONE ?? 0),
    )
    assert.deepEqual(after.transforms, [
      { column: PHONE, transform: 'phone-drop-extension' },
    ])
  })

  it('undoes a column transform: the values and problems of the file are back', async () => {
    const { file, check } = await checkedCustomers()
    const choice = { column: PHONE, transform: 'phone-drop-extension' as const }
    const firstPage = { offset: 0, limit: 200, filter: ALL }
    const original = await listRows(file, firstPage)
    await applyTransform(file, choice)
    const undone = await undoTransform(file, { column: PHONE })
    assert.deepEqual(undone.transforms, [])
    assert.equal(
      undone.byCode.INVALID_PHONE,
      check.summary.byCode.INVALID_PHONE,
    )
    const again = await listRows(file, firstPage)
    assert.deepEqual(
      again.rows.map((r) => r.values[PHONE]),
      original.rows.map((r) => r.values[PHONE]),
    )
  })

  it('keeps a hand edit when the transform of its column is undone', async () => {
    const { file } = await checkedCustomers()
    await applyTransform(file, {
      column: PHONE,
      transform: 'phone-drop-extension',
    })
    await editCell(file, { row: 3, column: PHONE, value: '+1 555 0100' })
    await undoTransform(file, { column: PHONE })
    const [row] = (await listRows(file, { offset: 3, limit: 1, filter: ALL }))
      .rows
    assert.equal(row?.values[PHONE], '+1 555 0100')
    assert.deepEqual(row?.edited, [PHONE])
  })

  it('says so when a column has no transform to undo', async () => {
    const { file } = await checkedCustomers()
    await assert.rejects(undoTransform(file, { column: EMAIL }), {
      code: 'NO_TRANSFORM',
    })
  })
})
