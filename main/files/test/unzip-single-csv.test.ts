import assert from 'node:assert/strict'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import JSZip from 'jszip'
import { unzipSingleCsv } from '../unzip-single-csv.ts'

const work = mkdtempSync(join(tmpdir(), 'bulkwright-unzip-'))
after(() => rmSync(work, { recursive: true, force: true }))

let made = 0

async function zipOf(files: Record<string, string>): Promise<string> {
  const zip = new JSZip()
  for (const [name, text] of Object.entries(files)) zip.file(name, text)
  const path = join(work, `zip-${(made += 1)}.zip`)
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
  })
  writeFileSync(path, bytes)
  return path
}

describe('unzipSingleCsv', () => {
  it('unpacks the one CSV and names it', async () => {
    const path = await zipOf({ 'folder/contacts.csv': 'Last_Name\nOkafor\n' })
    const target = join(work, 'out.csv')
    const name = await unzipSingleCsv(path, 'a.zip', target, 100)
    assert.equal(name, 'contacts.csv')
    assert.equal(readFileSync(target, 'utf8'), 'Last_Name\nOkafor\n')
  })

  it('refuses a ZIP that expands far beyond a CSV of its size and leaves nothing behind', async () => {
    const path = await zipOf({ 'bomb.csv': 'A\n' + '0'.repeat(2_000_000) })
    const target = join(work, 'bomb-out.csv')
    await assert.rejects(
      unzipSingleCsv(path, 'bomb.zip', target, 10_000, {
        ratio: 100,
        floorBytes: 1_000,
      }),
      /bomb\.zip expands to more than .* ZIP bomb/,
    )
    assert.equal(existsSync(target), false)
  })

  it('refuses a ZIP without exactly one CSV', async () => {
    const path = await zipOf({ 'a.csv': 'A\n1\n', 'b.csv': 'B\n2\n' })
    await assert.rejects(
      unzipSingleCsv(path, 'two.zip', join(work, 'x.csv'), 100),
      /two\.zip holds 2 CSV files/,
    )
  })
})
