/**
 * Writes a large CSV for benchmarks by repeating the rows of
 * customers-1000.csv with fresh ids and emails:
 *   npx tsx scripts/gen-big-csv.ts [rows] [out.csv]
 * Default: 1,000,000 rows into .bench/customers-<rows>.csv (git-ignored).
 */
import { once } from 'node:events'
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { csvLine } from '../app/plan/job-file.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = join(ROOT, '../shared/data/customers-1000.csv')

/** Where the benchmark file for `rows` rows lives. */
export function benchFilePath(rows: number): string {
  return join(ROOT, '.bench', `customers-${rows}.csv`)
}

/** A 15-character hex id, different for every row. */
function freshId(row: number): string {
  return (row * 2654435761 + 0x1f3a5c7e9b)
    .toString(16)
    .padStart(15, '0')
    .slice(-15)
}

/** Writes `rows` rows to `path`, streaming; returns the path. */
export async function generateBigCsv(
  rows: number,
  path: string,
): Promise<string> {
  mkdirSync(dirname(path), { recursive: true })
  const parsed = Papa.parse<string[]>(readFileSync(SOURCE, 'utf8'), {
    skipEmptyLines: 'greedy',
  })
  const [header, ...templates] = parsed.data
  if (!header || templates.length === 0)
    throw new Error(`${SOURCE} has no rows`)

  const out = createWriteStream(path)
  out.write(csvLine(header) + '\r\n')
  let block: string[] = []
  for (let row = 0; row < rows; row++) {
    const cells = [...(templates[row % templates.length] as string[])]
    const [local, domain] = (cells[9] ?? 'x@example.com').split('@')
    cells[0] = String(row + 1)
    cells[1] = freshId(row)
    cells[9] = `${local}.${row + 1}@${domain}`
    block.push(csvLine(cells))
    if (block.length === 5000) {
      if (!out.write(block.join('\r\n') + '\r\n')) await once(out, 'drain')
      block = []
    }
  }

  if (block.length > 0) out.write(block.join('\r\n') + '\r\n')
  out.end()
  await once(out, 'finish')
  return path
}

/** The benchmark file for `rows` rows, generated when missing. */
export async function ensureBenchFile(rows: number): Promise<string> {
  const path = benchFilePath(rows)
  return existsSync(path) ? path : generateBigCsv(rows, path)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = Number(process.argv[2] ?? 1_000_000)
  const path = process.argv[3] ?? benchFilePath(rows)
  await generateBigCsv(rows, path)
  process.stdout.write(`wrote ${rows} rows to ${path}\n`)
}
