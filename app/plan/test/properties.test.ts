import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { CsvRecord } from '../../csv/csv-types.ts'
import { readCsvHead, readCsvRecords } from '../../csv/read-csv.ts'
import { textSource } from '../../csv/read-head-bytes.ts'
import {
  countOutcomes,
  isJoinMismatch,
  joinJobResults,
} from '../../results/join-results.ts'
import { RecordSplitter } from '../../csv/record-splitter.ts'
import { csvLine, jobRowBytes, writeJobCsv } from '../job-file.ts'
import { utf8Length } from '../plan-jobs.ts'

/** Cell text built from the characters that break naive CSV code. */
const cellText = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      '7',
      ' ',
      ',',
      ';',
      '"',
      '\n',
      '\r',
      '\t',
      'é',
      '€',
      '😀',
      '\u00a0',
      '0',
    ),
    {
      maxLength: 12,
    },
  )
  .map((chars) => chars.join(''))

const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    headers: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/), {
      minLength: width,
      maxLength: width,
      // Headers equal but for case are duplicates the reader numbers.
      selector: (header) => header.toLowerCase(),
    }),
    rows: fc.array(fc.array(cellText, { minLength: width, maxLength: width }), {
      minLength: 1,
      maxLength: 30,
    }),
    chunkSize: fc.integer({ min: 1, max: 64 }),
  }),
)

describe('job writer and reader', () => {
  it('reads back any table the job writer wrote, unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ headers, rows, chunkSize }) => {
        const source = textSource(
          't.csv',
          writeJobCsv(headers, rows),
          chunkSize,
        )
        const head = await readCsvHead(source, {
          layout: { delimiter: ',', headerLine: 1 },
        })
        const read: CsvRecord[] = []
        const problems: unknown[] = []
        for await (const batch of readCsvRecords(source, head.layout, {
          onProblem: (p) => problems.push(p),
        })) {
          read.push(...batch)
        }

        assert.deepEqual(
          head.columns.map((c) => c.name),
          headers,
        )
        assert.deepEqual(
          read.map((r) => r.values),
          rows,
        )
        assert.deepEqual(problems, [])
      }),
      { numRuns: 300 },
    )
  })

  it('sizes every job row exactly as written', () => {
    fc.assert(
      fc.property(table, ({ headers, rows }) => {
        const columns = {
          headers,
          fieldMappings: [],
          sources: headers.map((_, i) => i),
          defaults: headers.map(() => null),
        }
        for (const values of rows) {
          assert.equal(
            jobRowBytes({ values }, columns),
            utf8Length(csvLine(values)) + 2,
          )
        }
      }),
    )
  })

  it('sizes rows the reader marked plain exactly as written, in any column order', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(20)), ({ headers, rows }, order) => {
        const splitter = new RecordSplitter(',', '\r\n')
        const text = writeJobCsv(headers, rows)
        const records = splitter.push(text, true).slice(1)
        const sources = headers.map((_, i) => order[i] ?? i)
        const columns = {
          headers,
          fieldMappings: [],
          sources: sources.map((i) => i % headers.length),
          defaults: headers.map((_, i) => (i === 1 ? 'x,"y"' : null)),
        }
        for (const record of records) {
          const cells = columns.sources.map((source, i) => {
            const value = record.values[source] ?? ''
            return value === '' ? (columns.defaults[i] ?? '') : value
          })
          assert.equal(
            jobRowBytes(record, columns),
            utf8Length(csvLine(cells)) + 2,
          )
        }
      }),
    )
  })
})

describe('outcomes', () => {
  it('always add up to the rows sent', () => {
    const statuses = fc.array(
      fc.constantFrom('ADDED', 'UPDATED', 'SKIPPED', 'UNPROCESSED', ''),
      {
        maxLength: 50,
      },
    )
    fc.assert(
      fc.property(statuses, (list) => {
        const sent = list.map((_, row) => ({
          row,
          line: row + 2,
          cells: [`k${row}`],
        }))
        const result = list.map((status, row) => ({
          echoed: [`k${row}`],
          status,
          recordId: status === 'ADDED' ? '1' : null,
          errors: [],
        }))
        const outcomes = joinJobResults(sent, result)
        assert.ok(!isJoinMismatch(outcomes))
        const counts = countOutcomes(outcomes)
        assert.equal(counts.total, list.length)
        assert.equal(
          counts.added + counts.updated + counts.skipped + counts.excluded,
          counts.total,
        )
        assert.ok(outcomes.every((o) => o.kind !== 'skipped' || o.reason))
      }),
    )
  })
})
