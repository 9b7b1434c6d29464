import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { checkFile as checkInThread } from '../../../app/check/check-file.ts'
import {
  CONTACT_FIELDS,
  contactsInsert,
  mapTo,
} from '../../../app/check/test/contacts-fields.ts'
import type { CheckSummary } from '../../../app/contract.ts'
import { SHARED_DATA, sharedFile } from '../../../app/csv/test/shared-data.ts'
import { PAUSE_VARIABLE } from '../../engine/test-pause.ts'
import {
  checkFile,
  checkImport,
  latestCheck,
  onCheckProgress,
  startCheck,
} from '../check-file.ts'
import { countRows } from '../count-rows.ts'
import { OpenFiles } from '../open-files.ts'
import { editCell } from '../row-grid.ts'

const mapping = contactsInsert([
  mapTo('Last_Name', 3),
  mapTo('Phone', 7),
  mapTo('Email', 9),
])
const input = { fields: CONTACT_FIELDS, mapping }
const dir = mkdtempSync(join(tmpdir(), 'check-file-'))

async function open(path: string) {
  const files = new OpenFiles(dir)
  const { fileId } = await files.openPath(path)
  return files.get(fileId)
}

/** A file the worker reads slowly (the test hook), so a check is caught running. */
function slowly<T>(start: () => T): T {
  process.env[PAUSE_VARIABLE] = '25'
  try {
    return start()
  } finally {
    delete process.env[PAUSE_VARIABLE]
  }
}

/** A CSV of `rows` contacts, every tenth with a bad email. */
function contacts(rows: number): string {
  const path = join(dir, `contacts-${rows}.csv`)
  const lines = ['Id,First,Last,Last Name,A,B,C,Phone,D,Email']
  for (let i = 0; i < rows; i++) {
    const email = i % 10 === 0 ? `bad${i}` : `p${i}@example.com`
    lines.push(`${i},F,L,Name ${i},,,,555010${i % 10},,${email}`)
  }
  writeFileSync(path, lines.join('\n'))
  return path
}

describe('checkFile (the wizard check, in the worker)', () => {
  it('finds what the app pipeline finds, row by row', async () => {
    const file = await open(join(SHARED_DATA, 'customers-1000.csv'))
    const check = await checkFile(file, input)
    const byCode: Record<string, number> = {}
    await checkInThread(sharedFile('customers-1000.csv'), {
      ...input,
      onProblem: (problem, origin) => {
        if (origin === 'row')
          byCode[problem.code] = (byCode[problem.code] ?? 0) + 1
      },
    })

    assert.equal(check.progress.done, true)
    assert.equal(check.summary.rowCount, 1001)
    assert.deepEqual(check.summary.byCode, byCode)
    assert.ok((byCode.INVALID_PHONE ?? 0) > 100)
    assert.equal(
      new Set(
        check.problems.filter((p) => p.severity === 'error').map((p) => p.row),
      ).size,
      check.summary.rowsWithErrors,
    )
  })

  it('answers at once and fills the summary in as the rows are checked', async () => {
    const file = await open(contacts(20_000))
    const heard: CheckSummary[] = []
    onCheckProgress((summary) => heard.push(summary))
    const first = await slowly(() => checkImport(file, input, true))
    assert.equal(first.progress.done, false)
    assert.equal(first.progress.rowsChecked, 0)

    const end = await (latestCheck(file.fileId)?.ended ?? null)
    onCheckProgress(() => {})
    assert.ok(end?.ok)
    const last = heard[heard.length - 1] as CheckSummary
    assert.ok(heard.length >= 2, `${heard.length} summaries`)
    assert.ok(heard.some((s) => !s.progress.done && s.progress.rowsChecked > 0))
    assert.equal(last.progress.done, true)
    assert.equal(last.rowCount, 20_000)
    assert.equal(last.byCode.INVALID_EMAIL, 2000)
    const rows = heard.map((s) => s.progress.rowsChecked)
    assert.deepEqual(
      rows,
      [...rows].sort((a, b) => a - b),
      'never goes back',
    )
  })

  it('cancels a running check when a newer one starts; waiting follows the newer', async () => {
    const file = await open(contacts(20_000))
    const older = slowly(() => startCheck(file, input))
    const waiting = checkFile(file, input)
    const end = await older.ended
    assert.equal(end.ok ? 'ok' : end.code, 'REPLACED')

    const newer = await waiting
    assert.equal(newer.progress.done, true)
    assert.equal(latestCheck(file.fileId)?.summary.rowCount, 20_000)
    assert.equal(newer.summary.byCode.INVALID_EMAIL, 2000)
  })

  it('keeps a cell edited while the check runs, counted once', async () => {
    const file = await open(contacts(20_000))
    // As in the app: the file's rows are counted from the moment it opens.
    await countRows(file, () => {})
    const running = slowly(() => startCheck(file, input))
    // Row 19,990 has a bad email; the worker has not reached it yet.
    await editCell(file, { row: 19_990, column: 9, value: 'fixed@example.com' })
    await running.ended
    const check = latestCheck(file.fileId)
    assert.equal(check?.summary.byCode.INVALID_EMAIL, 1999)
    assert.equal(check?.summary.rowsWithErrors, 1999)
  })
})
