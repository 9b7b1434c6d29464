import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { EXCLUDED_BY_USER, type RowFixes } from '../plan-run.ts'
import { assertEveryRowOnce } from './row-accounting.ts'
import {
  CUSTOMERS,
  mapPhone1,
  startRunHarness,
  type RunHarness,
} from './run-harness.ts'

describe('a run of a file the user fixed on the Check step', () => {
  let h: RunHarness
  before(async () => {
    h = await startRunHarness()
  })
  after(() => h.close())

  it('sends the fixed values and reports excluded rows as excluded by the user', async () => {
    const fixes: RowFixes = {
      // Phone clean-up in column 7, as a transform would: no extension,
      // digits and a leading + only.
      apply: (record) => ({
        ...record,
        values: record.values.map((v, i) =>
          i === 7 ? v.replace(/x\d+$/, '').replace(/(?!^\+)\D/g, '') : v,
        ),
      }),
      isExcluded: (row) => row === 0,
    }
    const service = h.service()
    const request = await h.request(CUSTOMERS, mapPhone1)
    const { runId } = await service.start({ ...request, fixes })
    await service.idle()

    const run = (await h.store.load(runId))!
    const outcomes = await h.outcomes(runId)
    assertEveryRowOnce(run.view, outcomes)
    const first = outcomes.find((o) => o.row === 0)!
    assert.equal(first.kind, 'excluded')
    assert.equal(first.reason, EXCLUDED_BY_USER)
    const phones = outcomes.filter((o) => o.reason?.includes('Phone'))
    assert.deepEqual(phones, [], 'no phone was refused')
    const rows = await h.store.loadJobRows(runId, 0)
    assert.ok(rows!.every((row) => !/x\d+$/.test(row.cells.join(','))))
  })
})
