import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  CONTACT_FIELDS,
  contactsInsert,
  mapTo,
} from '../../../app/check/test/contacts-fields.ts'
import { SHARED_DATA } from '../../../app/csv/test/shared-data.ts'
import { checkFile } from '../../../app/check/check-file.ts'
import { sharedFile } from '../../../app/csv/test/shared-data.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import { CONTEXT_CODES } from '../context-codes.ts'
import type { PlainFixes } from '../plain-fixes.ts'
import { type ProblemBatch, forEachCompact } from '../problem-batch.ts'
import {
  prestartCheckWorker,
  runCheckInWorker,
} from '../run-check-in-worker.ts'
import { PAUSE_VARIABLE } from '../test-pause.ts'
import { tempDir } from '../../files/test/temp-dir.ts'

const AUTO = {
  auto: {
    module: 'Contacts',
    operation: 'insert' as const,
    findBy: null,
    ignoreEmpty: false,
  },
}

describe('runCheckInWorker', () => {
  it('checks customers-1000.csv in a worker thread and plans one job', async () => {
    const run = runCheckInWorker({
      path: SHARED_DATA + 'customers-1000.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    })
    const result = await run.result
    assert.ok(result.ok, result.ok ? '' : result.message)
    assert.equal(result.summary.rowCount, 1001)
    assert.equal(result.summary.jobs.length, 1)
    assert.equal(result.summary.credits, 500)
  })

  it('reports progress while it reads a larger file', async () => {
    const dir = tempDir('bulkwright-engine-')
    const path = join(dir, 'big.csv')
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `Name${i},n${i}@example.com`,
    )
    writeFileSync(path, ['Last_Name,Email', ...rows].join('\n'))
    const seen: number[] = []
    const run = runCheckInWorker(
      { path, fields: CONTACT_FIELDS, mapping: AUTO },
      { onProgress: (progress) => seen.push(progress.rows) },
    )
    const result = await run.result
    assert.ok(result.ok)
    assert.equal(result.summary.rowCount, 30_000)
    assert.equal(result.summary.problemCount, 0)
    assert.ok(seen.length >= 1 && (seen[0] ?? 0) > 0)
  })

  it('stops when cancelled', async () => {
    const run = runCheckInWorker({
      path: SHARED_DATA + 'customers-1000.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    })
    run.cancel()
    const result = await run.result
    assert.equal(result.ok ? 'ok' : result.code, 'CANCELLED')
  })

  it('answers CANNOT_READ for a file that does not exist', async () => {
    const run = runCheckInWorker({
      path: SHARED_DATA + 'no-such-file.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    })
    const result = await run.result
    assert.equal(result.ok ? 'ok' : result.code, 'CANNOT_READ')
  })
})

describe('runCheckInWorker, streaming for the wizard', () => {
  const dir = tempDir('bulkwright-stream-')
  const mapping = {
    module: 'Contacts',
    operation: 'insert' as const,
    findBy: null,
    ignoreEmpty: false,
    fields: [
      { apiName: 'Last_Name', column: 0, defaultValue: null },
      { apiName: 'Email', column: 1, defaultValue: null },
      { apiName: 'Phone', column: 2, defaultValue: null },
    ],
  } as unknown as ImportMapping

  /** Every problem the batches carried, as "row|column|code". */
  function collect(batches: ProblemBatch[]): string[] {
    const found: string[] = []
    for (const batch of batches) {
      for (const p of batch.full) found.push(`${p.row}|${p.column}|${p.code}`)
      forEachCompact(batch, (p) =>
        found.push(`${p.row}|${p.column === -1 ? null : p.column}|${p.code}`),
      )
    }
    return found
  }

  it('sends every row problem back in batches, the first in full', async () => {
    const customers = contactsInsert([
      mapTo('Last_Name', 3),
      mapTo('Phone', 7),
      mapTo('Email', 9),
    ])
    const batches: ProblemBatch[] = []
    const run = runCheckInWorker(
      {
        path: SHARED_DATA + 'customers-1000.csv',
        fields: CONTACT_FIELDS,
        mapping: customers,
        stream: { keepFull: 10 },
      },
      { onProblems: (batch) => batches.push(batch) },
    )
    const result = await run.result
    assert.ok(result.ok)
    assert.equal(result.summary.problems.length, 0, 'the summary keeps none')

    const inThread: string[] = []
    await checkFile(sharedFile('customers-1000.csv'), {
      fields: CONTACT_FIELDS,
      mapping: customers,
      onProblem: (p, origin) => {
        if (origin === 'row') inThread.push(`${p.row}|${p.column}|${p.code}`)
      },
    })
    assert.ok(inThread.length > 100, `${inThread.length} problems`)
    // Within a batch the problems sent in full come first: compare as sets.
    assert.deepEqual(collect(batches).sort(), inThread.sort())
    assert.equal(
      batches
        .flatMap((b) => b.full)
        .filter((p) => p.row !== null && !CONTEXT_CODES.has(p.code)).length,
      10,
    )
  })

  it("applies the user's edited cells and column transforms", async () => {
    const path = join(dir, 'fixes.csv')
    writeFileSync(
      path,
      'Last_Name,Email,Phone\nAda,not-an-email,555 0100 x12\nBo,bo@example.com,555 0101 x7\n',
    )
    const plain = async (fixes?: PlainFixes) => {
      const batches: ProblemBatch[] = []
      const result = await runCheckInWorker(
        {
          path,
          fields: CONTACT_FIELDS,
          mapping,
          stream: { keepFull: 100 },
          ...(fixes ? { fixes } : {}),
        },
        { onProblems: (batch) => batches.push(batch) },
      ).result
      assert.ok(result.ok)
      return collect(batches)
    }

    assert.deepEqual(await plain(), [
      '0|1|INVALID_EMAIL',
      '0|2|INVALID_PHONE',
      '1|2|INVALID_PHONE',
    ])
    assert.deepEqual(
      await plain({
        edits: [[0, 1, 'ada@example.com']],
        transforms: [[2, 'phone-drop-extension']],
      }),
      [],
    )
  })

  it('stops sending once cancelled in the middle of a file', async () => {
    const path = join(dir, 'slow.csv')
    const rows = Array.from({ length: 100_000 }, (_, i) => `N${i},bad${i},1`)
    writeFileSync(path, ['Last_Name,Email,Phone', ...rows].join('\n'))
    process.env[PAUSE_VARIABLE] = '20'
    const batches: ProblemBatch[] = []
    let cancelled = false
    const run = runCheckInWorker(
      { path, fields: CONTACT_FIELDS, mapping, stream: { keepFull: 0 } },
      {
        onProblems: (batch) => {
          assert.equal(cancelled, false, 'no batch after cancel')
          batches.push(batch)
          if (batches.length === 2) {
            cancelled = true
            run.cancel()
          }
        },
      },
    )
    delete process.env[PAUSE_VARIABLE]
    const result = await run.result
    assert.equal(result.ok ? 'ok' : result.code, 'CANCELLED')
    assert.equal(batches.length, 2)
    assert.ok(collect(batches).length < 100_000)
  })
})

describe('prestartCheckWorker', () => {
  it('loads a worker first and checks the job it is handed later', async () => {
    const worker = prestartCheckWorker()
    const result = await worker.run({
      path: SHARED_DATA + 'customers-1000.csv',
      fields: CONTACT_FIELDS,
      mapping: AUTO,
    }).result
    assert.ok(result.ok, result.ok ? '' : result.message)
    assert.equal(result.summary.rowCount, 1001)
  })

  it('does not keep the process alive while it waits for a job', async () => {
    // A script that prestarts a worker, never hands it a job and ends.
    const script = `
      import { prestartCheckWorker } from ${JSON.stringify(new URL('../run-check-in-worker.ts', import.meta.url).href)}
      prestartCheckWorker()
    `
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 30_000 },
    )
    assert.equal(run.signal, null, 'the process had to be killed')
    assert.equal(run.status, 0, run.stderr)
  })
})
