import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { CONTACT_FIELDS } from '../../app/check/test/contacts-fields.ts'
import { SHARED_DATA } from '../../app/csv/test/shared-data.ts'
import { runCheckCommand } from './check-command.ts'
import { tempDir } from '../files/test/temp-dir.ts'

async function check(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCheckCommand(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    fetchFields: async (module) =>
      module === 'Contacts' ? CONTACT_FIELDS : null,
  })
  return { code, stdout, stderr }
}

const lastJson = (text: string) =>
  JSON.parse(text.trim().split('\n').at(-1) ?? '')

describe('bulkwright check', () => {
  it('prints layout, jobs, credits and every problem of customers-1000.csv', async () => {
    const { code, stdout } = await check([
      SHARED_DATA + 'customers-1000.csv',
      '--module',
      'Contacts',
    ])
    assert.equal(code, 1)
    assert.match(stdout, /Delimiter:\s+comma/)
    assert.match(stdout, /Header:\s+line 1, 12 columns/)
    assert.match(stdout, /Jobs:\s+1 \(1,001\), 500 credits/)
    assert.match(
      stdout,
      /DUPLICATE_IN_FILE: Line 1003 of customers-1000.csv, column “Email”/,
    )
    // The command cannot apply a transform: it says where that is done.
    assert.match(
      stdout,
      /Transform:\s+“Phone 1” → Phone: phone transform would change 917 values; apply it on the wizard's Check step/,
    )
  })

  it('says when a file is not UTF-8 and is read as Windows-1252, with the cell both ways', async () => {
    const path = join(tempDir('check-1252-'), 'w.csv')
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('Last_Name,Email\nRen'),
        Buffer.from([0xe9]),
        Buffer.from(',rene@example.org\n'),
      ]),
    )
    const { stdout } = await check([path, '--module', 'Contacts'])
    assert.match(stdout, /Encoding:\s+windows-1252/)
    assert.match(stdout, /not valid UTF-8, so it is read as Windows-1252/)
    assert.match(stdout, /“René”/)
  })

  it('ends with one JSON object under --json', async () => {
    const { code, stdout } = await check([
      SHARED_DATA + 'field-cases/fc02-semicolon.csv',
      '--module',
      'Contacts',
      '--json',
    ])
    const summary = lastJson(stdout)
    assert.equal(code, 1)
    assert.equal(summary.delimiter, ';')
    assert.equal(summary.rows, 2)
    assert.equal(summary.credits, 500)
    const fieldCount = summary.problems.filter(
      (p: { code: string }) => p.code === 'FIELD_COUNT',
    )
    assert.deepEqual(
      fieldCount.map((p: { line: number }) => p.line),
      [2],
    )
  })

  it('exits 0 when nothing blocks', async () => {
    // fc01's phones have spaces, which Zoho refuses; this file has none.
    const dir = tempDir('bulkwright-check-')
    const file = join(dir, 'clean.csv')
    writeFileSync(
      file,
      '\uFEFFLast_Name,Email\r\nLindqvist,ava@example.com\r\n',
    )
    const { code, stdout } = await check([
      file,
      '--module',
      'Contacts',
      '--json',
    ])
    assert.equal(code, 0)
    assert.equal(lastJson(stdout).hadBom, true)
  })

  it('uses a saved mapping and the operation given', async () => {
    const dir = tempDir('bulkwright-check-')
    const mapping = join(dir, 'mapping.json')
    writeFileSync(
      mapping,
      JSON.stringify({
        version: 1,
        module: 'Contacts',
        operation: 'insert',
        fields: [
          { field: 'Last_Name', column: 'Last Name' },
          { field: 'Email', column: 'Email' },
        ],
      }),
    )
    const { stdout } = await check([
      SHARED_DATA + 'customers-1000.csv',
      '--module',
      'Contacts',
      '--mapping',
      mapping,
      '--operation',
      'upsert',
      '--find-by',
      'Email',
      '--json',
    ])
    const summary = lastJson(stdout)
    assert.equal(summary.operation, 'upsert')
    assert.deepEqual(
      summary.mapping.map((m: { field: string }) => m.field),
      ['Last_Name', 'Email'],
    )
  })

  it('exits 2 for a missing file, an unknown module and bad options', async () => {
    assert.equal((await check(['nope.csv', '--module', 'Contacts'])).code, 2)
    const unknown = await check([
      SHARED_DATA + 'customers-1000.csv',
      '--module',
      'Nope',
    ])
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /no module "Nope"/)
    assert.equal((await check([SHARED_DATA + 'customers-1000.csv'])).code, 2)
  })

  it('exits 2 for an empty file', async () => {
    const dir = tempDir('bulkwright-check-')
    writeFileSync(join(dir, 'empty.csv'), '')
    const { code, stdout } = await check([
      join(dir, 'empty.csv'),
      '--module',
      'Contacts',
    ])
    assert.equal(code, 2)
    assert.match(stdout, /empty\.csv is empty/)
  })

  it('shows its options for --help', async () => {
    const { code, stdout } = await check(['--help'])
    assert.equal(code, 0)
    assert.match(stdout, /Usage: bulkwright check <file\.csv> --module/)
  })
})
