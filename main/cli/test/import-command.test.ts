import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { bulkwright, CUSTOMERS } from './run-cli.ts'

const work = mkdtempSync(join(tmpdir(), 'bulkwright-cli-'))
after(() => rmSync(work, { recursive: true, force: true }))

function freshDir(name: string): string {
  return join(work, name)
}

describe('bulkwright import', () => {
  it('imports customers-1000.csv into Contacts with counts that add up to the file', () => {
    const report = join(work, 'skipped.csv')
    const run = bulkwright(
      'import',
      CUSTOMERS,
      '--module',
      'Contacts',
      '--data-dir',
      freshDir('customers'),
      '--report',
      report,
      '--json',
    )
    assert.equal(run.code, 0, run.stderr)
    const last = run.stdout.trim().split('\n').at(-1) ?? ''
    const counts = JSON.parse(last) as Record<string, number>
    // 1,001 records: the file's last row repeats row 1000's email.
    assert.equal(counts.total, 1001)
    assert.equal(
      counts.added! + counts.updated! + counts.skipped! + counts.excluded!,
      counts.total,
    )
    assert.ok(counts.added! > 0)
    assert.match(readFileSync(report, 'utf8').split('\n')[0] ?? '', /Reason/)
  })

  it('refuses a file that is not CSV, naming it, with exit code 2', () => {
    const file = join(work, 'picture.csv')
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))
    const run = bulkwright(
      'import',
      file,
      '--module',
      'Contacts',
      '--data-dir',
      freshDir('png'),
    )
    assert.equal(run.code, 2)
    assert.match(run.stderr, /picture\.csv is not a CSV file/)
  })

  it('imports the one CSV inside a ZIP, and refuses a ZIP of two', async () => {
    const JSZip = (await import('jszip')).default
    const one = new JSZip().file(
      'contacts.csv',
      'Last_Name,Email\nOkafor,c@example.org\n',
    )
    writeFileSync(
      join(work, 'one.zip'),
      await one.generateAsync({ type: 'nodebuffer' }),
    )
    const two = new JSZip().file('a.csv', 'A\n1\n').file('b.csv', 'B\n2\n')
    writeFileSync(
      join(work, 'two.zip'),
      await two.generateAsync({ type: 'nodebuffer' }),
    )

    const ok = bulkwright(
      'import',
      join(work, 'one.zip'),
      '--module',
      'Contacts',
      '--data-dir',
      freshDir('zip'),
      '--json',
    )
    assert.equal(ok.code, 0, ok.stderr)
    assert.equal(JSON.parse(ok.stdout.trim().split('\n').at(-1) ?? '').added, 1)

    const refused = bulkwright(
      'import',
      join(work, 'two.zip'),
      '--module',
      'Contacts',
      '--data-dir',
      freshDir('zip2'),
    )
    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /two\.zip holds 2 CSV files/)
  })

  it('refuses an empty file', () => {
    const file = join(work, 'empty.csv')
    writeFileSync(file, '')
    const run = bulkwright(
      'import',
      file,
      '--module',
      'Contacts',
      '--data-dir',
      freshDir('empty'),
    )
    assert.equal(run.code, 2)
    assert.match(run.stderr, /empty\.csv is empty/)
  })

  it('refuses a file with a header and no data rows', () => {
    const file = join(work, 'header-only.csv')
    writeFileSync(file, 'Last_Name,Email\n')
    const run = bulkwright(
      'import',
      file,
      '--module',
      'Contacts',
      '--data-dir',
      freshDir('header'),
    )
    assert.equal(run.code, 2)
    assert.match(run.stderr, /no data rows/)
  })

  it('names the modules that exist when the module does not, in JSON too', () => {
    const run = bulkwright(
      'import',
      CUSTOMERS,
      '--module',
      'Contactz',
      '--data-dir',
      freshDir('module'),
      '--json',
    )
    assert.equal(run.code, 1)
    assert.match(run.stderr, /no module called Contactz.*Contacts/)
    const last = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '')
    assert.equal(last.error.code, 'UNKNOWN_MODULE')
  })

  it('lets command-line options win over a saved mapping file', () => {
    const mapping = join(work, 'mapping.json')
    writeFileSync(
      mapping,
      JSON.stringify({
        version: 1,
        module: 'Contacts',
        operation: 'insert',
        findBy: null,
        ignoreEmpty: false,
        fields: [
          { field: 'Last_Name', column: 'Last Name' },
          { field: 'Email', column: 'Email' },
        ],
      }),
    )
    const dir = freshDir('upsert')
    const common = [
      '--module',
      'Contacts',
      '--data-dir',
      dir,
      '--mapping',
      mapping,
      '--json',
    ]
    const first = bulkwright('import', CUSTOMERS, ...common)
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stderr, /Last Name → Last_Name/)

    const again = bulkwright(
      'import',
      CUSTOMERS,
      ...common,
      '--operation',
      'upsert',
      '--find-by',
      'Email',
    )
    assert.equal(again.code, 0, again.stderr)
    const counts = JSON.parse(again.stdout.trim().split('\n').at(-1) ?? '')
    assert.equal(counts.updated, 1000)
  })

  it('shows its options for --help', () => {
    const run = bulkwright('import', '--help')
    assert.equal(run.code, 0)
    assert.match(run.stdout, /--find-by/)
  })

  it('says so when the CRM cannot be reached', () => {
    const blocker = join(work, 'not-a-folder')
    writeFileSync(blocker, 'a file where the data folder should be')
    const run = bulkwright(
      'import',
      CUSTOMERS,
      '--module',
      'Contacts',
      '--data-dir',
      blocker,
    )
    assert.notEqual(run.code, 0)
    assert.match(run.stderr, /Not connected to a CRM/)
  })
})
