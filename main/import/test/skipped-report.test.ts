import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { ReportView } from '../../../app/contract.ts'
import type { JobColumns } from '../../../app/plan/job-file.ts'
import {
  CUSTOMERS,
  mapPhone1,
  startRunHarness,
  type RunHarness,
} from '../../runs/test/run-harness.ts'
import { FileFixes, transformFor } from '../file-fixes.ts'
import { RunStore } from '../run-store.ts'
import {
  buildReport,
  CHANGED_COLUMN,
  exportSkipped,
  type ReportDeps,
} from '../skipped-report.ts'
import {
  loadRunFixes,
  saveRunFixes,
  valuesFromJobCells,
} from '../sent-values.ts'

const FIRST_NAME = 2
const PHONE = 7
const EDITED_PHONE = '124 597 8652 ext 5'

describe('the report of a run the user fixed on the Check step', () => {
  let h: RunHarness
  let report: ReportView
  before(async () => {
    h = await startRunHarness()
    const deps: ReportDeps = {
      store: h.store,
      openFile: async (path, name) =>
        h.files.get((await h.files.openPath(path, name)).fileId),
      nextRunId: async () => null,
    }
    const request = await h.request(CUSTOMERS, mapPhone1)
    const fixes = new FileFixes()
    fixes.edit(0, FIRST_NAME, 'Andy')
    fixes.excluded.add(0)
    fixes.edit(1, PHONE, EDITED_PHONE)
    const service = h.service()
    const { runId } = await service.start({ ...request, fixes })
    await saveRunFixes(h.store, runId, fixes, request.check.input)
    await service.idle()
    report = await buildReport((await h.store.load(runId))!, deps)
  })
  after(() => h.close())

  it('shows a skipped row with the value Zoho received, and what the file had', () => {
    const row = report.rows.find((r) => r.line === 3)!
    assert.equal(row.kind, 'skipped')
    assert.equal(row.values[PHONE], EDITED_PHONE)
    assert.deepEqual(row.changed, [
      { column: PHONE, original: '124-597-8652x05682' },
    ])
  })

  it('shows an excluded row as the user left it', () => {
    const row = report.rows.find((r) => r.line === 2)!
    assert.equal(row.kind, 'excluded')
    assert.equal(row.values[FIRST_NAME], 'Andy')
    assert.deepEqual(row.changed, [{ column: FIRST_NAME, original: 'Andrew' }])
  })

  it('marks nothing in rows the user did not change', () => {
    const untouched = report.rows.filter((r) => r.line > 3)
    assert.ok(untouched.length > 0)
    assert.ok(untouched.every((r) => r.changed.length === 0))
  })

  it('exports the values sent, naming what the file had in its own column', () => {
    const sheet = exportSkipped(report, 'spreadsheet').content.split('\r\n')
    assert.ok(sheet[0]!.endsWith(`,${CHANGED_COLUMN},Line in file,Reason`))
    const line3 = sheet.find((l) => l.includes(',3,'))!
    assert.ok(line3.includes(EDITED_PHONE))
    assert.ok(line3.includes('Phone 1: 124-597-8652x05682'))
    const untouched = sheet.find((l) => l.startsWith('3,d794'))!
    assert.ok(untouched.includes('/,,4,'), 'nothing changed: an empty cell')

    const again = exportSkipped(report, 'reimport').content
    assert.ok(again.includes(EDITED_PHONE))
    assert.ok(!again.includes('124-597-8652x05682'))
    assert.ok(!again.includes(CHANGED_COLUMN))
  })
})

describe('saveRunFixes and loadRunFixes', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sent-values-'))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('bring back the edits and column transforms a run started with', async () => {
    const store = new RunStore(dir)
    const fixes = new FileFixes()
    fixes.edit(4, 1, 'edited')
    fixes.transforms.set(PHONE, {
      id: 'phone-drop-extension',
      transform: transformFor('phone-drop-extension', undefined)!,
    })
    await saveRunFixes(store, 'run-1', fixes, { fields: [], mapping: MAPPING })
    const back = await loadRunFixes(store, 'run-1')
    const values = Array.from({ length: 8 }, () => 'v')
    values[PHONE] = '124-597-8652x05682'
    const record = back.apply({ row: 4, line: 6, endLine: 6, values })
    assert.equal(record.values[1], 'edited')
    assert.doesNotMatch(record.values[PHONE]!, /x/)
  })

  it('bring back no fixes for a run that had none', async () => {
    const back = await loadRunFixes(new RunStore(dir), 'run-without')
    assert.equal(back.editedCells, 0)
    assert.equal(back.transforms.size, 0)
  })
})

describe('valuesFromJobCells', () => {
  const columns: JobColumns = {
    headers: ['Last_Name', 'Lead_Source'],
    fieldMappings: [],
    sources: [1, 2],
    defaults: [null, 'Web'],
  }

  it('puts the cells sent back in the file columns they came from', () => {
    assert.deepEqual(valuesFromJobCells(['a', 'b', 'c'], ['B', 'C'], columns), [
      'a',
      'B',
      'C',
    ])
  })

  it('keeps an empty cell empty when Zoho received the default for it', () => {
    assert.deepEqual(
      valuesFromJobCells(['a', 'b', ''], ['b', 'Web'], columns),
      ['a', 'b', ''],
    )
  })
})

const MAPPING = {
  module: 'Contacts',
  operation: 'insert' as const,
  findBy: null,
  ignoreEmpty: false,
  fields: [],
}
