import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import type { CsvRecord } from '../../../app/csv/csv-types.ts'
import { readCsvRecords } from '../../../app/csv/read-csv.ts'
import { OpenFiles } from '../open-files.ts'
import { RowIndex } from '../row-index.ts'

const dir = mkdtempSync(join(tmpdir(), 'row-index-'))

async function allRecords(files: OpenFiles, fileId: string) {
  const file = files.get(fileId)
  const records: CsvRecord[] = []
  for await (const batch of readCsvRecords(file.source, file.head.layout)) {
    records.push(...batch)
  }

  return records
}

function tricky(rows: number, lineBreak: string): string {
  const lines = ['Title line', '', 'Name;Note;Town']
  for (let i = 0; i < rows; i++) {
    const note = i % 7 === 0 ? `"two${lineBreak}lines; é"` : `plain ${i}`
    lines.push(`Person ${i};${note};Tōwn ${i % 13}`)
    if (i % 50 === 0) lines.push('')
  }

  return lines.join(lineBreak) + lineBreak
}

describe('RowIndex', () => {
  for (const lineBreak of ['\n', '\r\n', 'mixed']) {
    it(`reads any row as the reader does (${JSON.stringify(lineBreak)} breaks, quoted line breaks, blank lines, a title line)`, async () => {
      const path = join(dir, `tricky-${lineBreak.length}.csv`)
      // Mixed: CRLF lines, every third one ending in a bare LF instead.
      const text =
        lineBreak === 'mixed'
          ? tricky(3000, '\r\n').replace(/\r\n(Person \d*[05];)/g, '\n$1')
          : tricky(3000, lineBreak)
      writeFileSync(path, text)
      const files = new OpenFiles(dir)
      const { fileId } = await files.openPath(path)
      const expected = await allRecords(files, fileId)
      const index = new RowIndex(files.get(fileId), 4096)
      await index.ready

      const wanted = [0, 1, 2, 57, 58, 999, 1500, 2000, 2998, 2999]
      const found = await index.readRows(wanted)
      for (const row of wanted) {
        assert.deepEqual(found.get(row), expected[row], `row ${row}`)
      }
    })
  }

  it('serves the first rows before the index is built', async () => {
    const path = join(dir, 'early.csv')
    writeFileSync(path, tricky(500, '\n'))
    const files = new OpenFiles(dir)
    const { fileId } = await files.openPath(path)
    const index = new RowIndex(files.get(fileId), 1024)
    const found = await index.readRows([0, 1, 2])
    assert.equal(found.get(2)?.values[0], 'Person 2')
    await index.ready
  })
})
