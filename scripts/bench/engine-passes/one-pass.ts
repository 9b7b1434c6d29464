/**
 * One timed pass of the engine benchmark, in a process of its own so that
 * each pass's peak memory is its own. Prints one JSON line.
 *   tsx scripts/bench/engine-passes/one-pass.ts papa|one|two <csv> [worker]
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import Papa from 'papaparse'
import { type CheckSummary, checkFile } from '../../../app/check/check-file.ts'
import {
  CONTACT_FIELDS,
  contactsInsert,
  mapTo,
} from '../../../app/check/test/contacts-fields.ts'
import type { CsvColumn } from '../../../app/csv/csv-types.ts'
import { checkInParts } from '../../../main/engine/check-in-parts.ts'
import { fileByteSource } from '../../../main/files/file-byte-source.ts'
import { setLogSink, stderrSink } from '../../../main/log/logger.ts'

/** What a pass measured. */
export interface PassFigures {
  seconds: number
  cpuSeconds: number
  peakRssMb: number
  records: number
  /** How the check was made (two threads or why one). */
  way: string
  /** A digest of the check's summary, to compare the ways. */
  digest: string
  problemCount: number
  countsByCode: Record<string, number>
  jobs: number
  credits: number
}

/** Columns of customers-1000.csv mapped the way a Contacts import would. */
const REALISTIC: [string, string, string?][] = [
  ['First Name', 'First_Name'],
  ['Last Name', 'Last_Name'],
  ['Email', 'Email'],
  ['Phone 1', 'Phone'],
  ['Phone 2', 'Mobile'],
  ['City', 'Mailing_City'],
  ['Country', 'Mailing_Country'],
  ['Company', 'Account_Name', 'Account_Name'],
  ['Website', 'Website'],
]

function realisticMapping(columns: CsvColumn[]) {
  return contactsInsert(
    REALISTIC.map(([name, apiName, findBy]) =>
      mapTo(apiName, columns.find((c) => c.name === name)?.index ?? null, {
        lookupFindBy: findBy ?? null,
      }),
    ),
  )
}

function papaPass(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0
    Papa.parse(createReadStream(path, { highWaterMark: 1 << 20 }), {
      chunk: (results: Papa.ParseResult<string[]>) => {
        count += results.data.length
      },
      complete: () => resolve(count),
      error: reject,
    })
  })
}

async function check(
  mode: string,
  path: string,
  worker: string | undefined,
): Promise<{ summary: CheckSummary; way: string }> {
  if (mode === 'one') {
    const summary = await checkFile(await fileByteSource(path), {
      fields: CONTACT_FIELDS,
      mapping: realisticMapping,
    })
    return { summary, way: 'one thread' }
  }

  let way = ''
  const result = await checkInParts(
    { path, fields: CONTACT_FIELDS, mapping: realisticMapping },
    {
      ...(worker ? { workerUrl: new URL(worker) } : {}),
      // As `bulkwright check` runs it.
      firstHalfHere: true,
      onWay: (taken, why) => (way = `${taken}: ${why}`),
    },
  )
  if (!result.ok) throw new Error(result.message)

  return { summary: result.summary, way }
}

setLogSink(stderrSink('warn'))
const [mode = 'one', path = '', worker] = process.argv.slice(2)
let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 20)
const start = performance.now()
const cpu = process.cpuUsage()
let figures: Omit<PassFigures, 'seconds' | 'cpuSeconds' | 'peakRssMb'>
let elapsed = 0
let used = { user: 0, system: 0 }
if (mode === 'papa') {
  const records = await papaPass(path)
  elapsed = performance.now() - start
  used = process.cpuUsage(cpu)
  figures = {
    records,
    way: 'papa',
    digest: '',
    problemCount: 0,
    countsByCode: {},
    jobs: 0,
    credits: 0,
  }
} else {
  const { summary, way } = await check(mode, path, worker)
  // The digest is the benchmark's own bookkeeping: not timed.
  elapsed = performance.now() - start
  used = process.cpuUsage(cpu)
  figures = {
    records: summary.rowCount,
    way,
    digest: createHash('sha256').update(JSON.stringify(summary)).digest('hex'),
    problemCount: summary.problemCount,
    countsByCode: summary.countsByCode,
    jobs: summary.jobs.length,
    credits: summary.credits,
  }
}

clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss)
const result: PassFigures = {
  seconds: elapsed / 1000,
  cpuSeconds: (used.user + used.system) / 1e6,
  peakRssMb: peakRss / 1048576,
  ...figures,
}
process.stdout.write(JSON.stringify(result) + '\n')
